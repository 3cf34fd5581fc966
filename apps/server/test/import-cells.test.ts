import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  loginAs,
  setupInstallation,
  startTestApp,
  type TestApp,
  waitForImport,
} from './helpers.ts';

/**
 * Cells that a COPY in text format would misread unless escaped (PostgreSQL writes the import's new
 * rows with COPY, docs/performance.md), and others that must pass as they are. None starts or ends
 * with a space: the import trims its cells.
 */
const NASTY = [
  'tab\there',
  'line\nbreak',
  'crlf\r\nend',
  'lone\rcr',
  'back\\slash',
  'ends with a backslash\\',
  '\\',
  '\\\\',
  '\\N',
  'N',
  '\\.',
  '\\t is not a tab',
  '\\123 is not octal, \\x41 not hexadecimal',
  'quotes "double" and \'single\'',
  'semi;colon, comma',
  'accents éèàçœ ÆØÅ ß, Braine-l’Alleud',
  'emoji 😀 👩🏽‍💻 🇧🇪',
  'controls \u0001\u0008\f\u000b\u007f, separators \u2028\u2029 within',
  'zero\u200bwidth',
];
/** A published text near its 5,000 characters, every kind of cell above in it. */
const LONG = `${NASTY.join('\t|\n')} `.replace(/\r\n?/g, '\n').repeat(30).slice(0, 4990).trim();

const HEADER = [
  'Référence',
  'Intitulé',
  'Employeur',
  'Lieu de travail',
  'Commune',
  'Type de contrat',
  'Profil',
  'Date de publication',
];
const MAPPING = {
  sourceRef: 'Référence',
  title: 'Intitulé',
  employerName: 'Employeur',
  placeOfWork: 'Lieu de travail',
  commune: 'Commune',
  contractType: 'Type de contrat',
  requirementsText: 'Profil',
  openedOn: 'Date de publication',
};
/** More rows than one chunk of a COPY's data (500 rows), fewer than a batch. */
const ROWS = 1_100;

interface Expected {
  ref: string;
  title: string;
  place: string;
  commune: string;
  text: string;
}

function expectedRows(): Expected[] {
  return Array.from({ length: ROWS }, (_, i) => {
    // The CSV reader reads any line end within a quoted cell as a line feed (csv.ts).
    const at = (k: number) => NASTY[(i + k) % NASTY.length]!.replace(/\r\n?/g, '\n');
    return {
      ref: `REF-${i} ${at(0)}`.slice(0, 100).trim(),
      title: `${at(1)} ${i}`,
      place: i % 3 === 0 ? '\\N' : at(2),
      commune: at(3).slice(0, 100),
      text: i % 50 === 0 ? LONG : `${at(4)} ${at(5)}`,
    };
  });
}

/** An RFC 4180 file: every cell quoted, its quotes doubled, CRLF between records. */
function csvOf(rows: readonly Expected[]): string {
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const lines = [HEADER.map(quote).join(';')];
  for (const r of rows) {
    lines.push(
      [r.ref, r.title, 'Entreprise Dupont', r.place, r.commune, 'CDI', r.text, '30/06/2025']
        .map(quote)
        .join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe.each(testTargets())('vacancy import of awkward cells on $driver', (target) => {
  let t: TestApp;
  let coach: Client;

  beforeAll(async () => {
    t = await startTestApp(target);
    const { organisationId } = await setupInstallation(t);
    await addUser(t, organisationId, 'karim@fleurus.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores tabs, line breaks, backslashes, quotes, \\N, accents and emoji byte for byte, and a re-import keeps them', async () => {
    const rows = expectedRows();
    const csv = csvOf(rows);
    const res = await coach.post('/api/vacancies/import', { csv, mapping: MAPPING });
    expect(res.status).toBe(202);
    const { job } = await waitForImport(coach, res.json.jobId);
    expect(job).toMatchObject({ status: 'done', total: ROWS, created: ROWS, updated: 0, unchanged: 0 });

    const stored = await t.handle.db
      .selectFrom('vacancy')
      .select((eb) => [
        'source_ref as ref',
        'title',
        'place_of_work as place',
        'commune',
        eb.ref('published', '->>').key('text').as('text'),
      ])
      .orderBy('created_at')
      .execute();
    const byRef = new Map(stored.map((s) => [s.ref, s]));
    expect(byRef.size).toBe(ROWS);
    for (const r of rows) expect(byRef.get(r.ref)).toEqual(r);
    // As PostgreSQL holds them, not only as the driver decodes them.
    const bytes = await t.handle.db
      .selectFrom('vacancy')
      .select((eb) => [
        'source_ref',
        eb.fn<string>('encode', [eb.fn('convert_to', ['title', eb.val('UTF8')]), eb.val('hex')]).as('hex'),
      ])
      .execute();
    const hex = new Map(bytes.map((b) => [b.source_ref, b.hex]));
    for (const r of rows) expect(hex.get(r.ref)).toBe(Buffer.from(r.title, 'utf8').toString('hex'));

    // The same file again: every row found by its reference and found unchanged.
    const again = await coach.post('/api/vacancies/import', { csv, mapping: MAPPING });
    const { job: job2 } = await waitForImport(coach, again.json.jobId);
    expect(job2).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: ROWS });
    const count = await t.handle.db
      .selectFrom('vacancy')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(ROWS);
  });
});
