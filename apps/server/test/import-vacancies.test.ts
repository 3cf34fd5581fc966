import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  countRows,
  createEmployer,
  createOrganisation,
  employerBody,
  loginAs,
  setupInstallation,
  startTestApp,
  type TestApp,
  waitForImport,
} from './helpers.ts';

/** A valid enterprise number built on an 8-digit base starting with 0 or 1. */
function bce(base: number): string {
  const head = String(base).padStart(8, '0');
  return `${head}${String(97 - (Number(head) % 97)).padStart(2, '0')}`;
}

const HEADER = [
  'Référence',
  'Intitulé',
  'Employeur',
  "Numéro d'entreprise",
  'Commune',
  'Nombre de postes',
  'Type de contrat',
  'Durée (mois)',
  'Heures par semaine',
  'Horaire',
  'Permis de conduire',
  'Langues',
  'Diplôme',
  'Expérience',
  'Date de publication',
  'Profil recherché',
];
const ROWS = 10_000;
/** Data row index → what is wrong with it (row i sits on line i + 2: the header is line 1). */
const BAD = { 1234: 'bce', 5678: 'date', 9000: 'contract' } as const;
const PROFILE =
  'Profil recherché : personne ponctuelle, motivée; sens du travail en équipe, respect des consignes de sécurité, ' +
  'capacité à travailler debout, « bon contact » avec la clientèle. Formation assurée sur place par un tuteur. ' +
  'Les candidatures sans expérience sont les bienvenues ; un accompagnement par un jobcoach est possible. ' +
  'Horaires communiqués une semaine à l’avance, vêtements de travail fournis, accès en bus.';

/** A FOREm-like export: `;`-separated, CRLF, a BOM, quoted fields holding `;` and doubled quotes. */
function exportCsv(today: string, changeTitleOf?: number): string {
  const lines = [HEADER.join(';')];
  const contracts = ['CDI', 'CDD', 'Intérim', 'Contrat à durée indéterminée'];
  for (let i = 0; i < ROWS; i++) {
    const k = i % 200;
    const employer = k === 1 ? 'BOULANGERIE DUMONT' : `Entreprise ${k}`;
    const bad = BAD[i as keyof typeof BAD];
    const number = bad === 'bce' ? '0123.456.789' : k % 2 === 0 ? bce(10_000_000 + k) : '';
    const contract = bad === 'contract' ? 'Stage' : contracts[i % 4]!;
    const published =
      bad === 'date'
        ? '31/02/2024'
        : addDays(today, -(i % 60))
            .split('-')
            .reverse()
            .join('/');
    lines.push(
      [
        `FOREM-${String(i).padStart(6, '0')}`,
        i === changeTitleOf ? 'Magasinier-cariste (H/F)' : `"Magasinier ""polyvalent"" ${i % 7}"`,
        employer,
        number,
        ['Fleurus', 'Charleroi', 'Gosselies', 'Namur'][i % 4],
        String(1 + (i % 3)),
        contract,
        contract === 'CDD' ? '6' : '',
        i % 5 === 0 ? '19,5' : '38',
        i % 3 === 0 ? 'jour, équipes' : 'jour',
        i % 2 === 0 ? 'oui' : 'non',
        i % 10 === 0 ? 'français (courant), néerlandais notions' : 'français',
        ['', 'CEB', 'CESS', 'aucun'][i % 4],
        String(i % 3),
        published,
        `"${PROFILE} (${i})"`,
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

describe.each(testTargets())('vacancy import on $driver', (target) => {
  let t: TestApp;
  let coach: Client;
  let outsider: Client;
  let evaluator: Client;
  let orgA: string;
  let today: string;
  let csv: string;
  let mapping: Record<string, string>;
  let dumontId: string;

  const count = (table: 'vacancy' | 'employer') => countRows(t, table);

  beforeAll(async () => {
    t = await startTestApp(target);
    let basinId: string;
    let admin: Client;
    ({ admin, organisationId: orgA, basinId } = await setupInstallation(t));
    const orgB = await createOrganisation(admin, 'EDIT Verviers', basinId);
    await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
    await addUser(t, orgB, 'bruno@edit.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    evaluator = await loginAs(t, 'eva@fleurus.example');
    outsider = await loginAs(t, 'bruno@edit.example');
    today = t.clock.today();
    csv = exportCsv(today);
    dumontId = (await createEmployer(coach, employerBody({ name: 'Boulangerie Dumont' }))).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('previews the file: columns, guessed mapping, first rows and per-row errors', async () => {
    expect(Buffer.byteLength(JSON.stringify({ csv }))).toBeGreaterThan(5 * 1024 * 1024);
    const res = await coach.post('/api/vacancies/import/preview', { csv });
    expect(res.status).toBe(200);
    expect(res.json.columns).toEqual(HEADER);
    expect(res.json.delimiter).toBe(';');
    mapping = res.json.mapping;
    expect(mapping).toEqual({
      title: 'Intitulé',
      employerName: 'Employeur',
      employerBce: "Numéro d'entreprise",
      sourceRef: 'Référence',
      commune: 'Commune',
      openings: 'Nombre de postes',
      contractType: 'Type de contrat',
      contractMonths: 'Durée (mois)',
      hoursPerWeek: 'Heures par semaine',
      schedule: 'Horaire',
      requirementsText: 'Profil recherché',
      diplomaLevel: 'Diplôme',
      languages: 'Langues',
      drivingLicence: 'Permis de conduire',
      experienceYears: 'Expérience',
      openedOn: 'Date de publication',
    });
    expect(res.json.rows).toBe(ROWS);
    expect(res.json.preview).toHaveLength(20);
    expect(res.json.preview[0]).toMatchObject({
      line: 2,
      employerName: 'Entreprise 0',
      employerBce: bce(10_000_000),
      employerId: null,
      title: 'Magasinier "polyvalent" 0',
      source: 'forem',
      sourceRef: 'FOREM-000000',
      commune: 'Fleurus',
      contract: { type: 'cdi', months: null },
      hoursPerWeek: 19.5,
      schedule: ['day', 'shifts'],
      published: {
        drivingLicence: true,
        languages: [
          { code: 'fr', understand: 'fluent', speak: 'fluent' },
          { code: 'nl', understand: 'basic', speak: 'basic' },
        ],
        diplomaLevel: null,
        experienceYears: 0,
      },
      openedOn: today,
      status: 'open',
    });
    expect(res.json.preview[1]).toMatchObject({ employerName: 'BOULANGERIE DUMONT', employerId: dumontId });
    expect(res.json.errors.map((e: { line: number }) => e.line)).toEqual([1236, 5680, 9002]);
  });

  it('imports nothing when a row is invalid, and reports exactly those rows (line, field, French message)', async () => {
    const employersBefore = await count('employer');
    const res = await coach.post('/api/vacancies/import', { csv, mapping });
    expect(res.status).toBe(202);
    const { job } = await waitForImport(coach, res.json.jobId);
    expect(job).toMatchObject({
      status: 'failed',
      total: ROWS,
      processed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
    });
    expect(job.errorCount).toBe(3);
    expect(job.errors).toEqual([
      {
        line: 1236,
        field: 'employerBce',
        message:
          "« numéro d'entreprise (BCE) de l'employeur » (colonne « Numéro d'entreprise ») : numéro BCE invalide « 0123.456.789 » (contrôle modulo 97).",
      },
      {
        line: 5680,
        field: 'openedOn',
        message:
          '« date de publication » (colonne « Date de publication ») : date attendue (JJ/MM/AAAA ou AAAA-MM-JJ), pas « 31/02/2024 ».',
      },
      {
        line: 9002,
        field: 'contractType',
        message:
          '« type de contrat » (colonne « Type de contrat ») : type de contrat inconnu « Stage » (CDI, CDD, intérim ou autre).',
      },
    ]);
    expect(await count('vacancy')).toBe(0);
    expect(await count('employer')).toBe(employersBefore);
  });

  it('imports the valid rows with validOnly, showing progress, then a re-import changes nothing', async () => {
    const started = Date.now();
    const res = await coach.post('/api/vacancies/import', { csv, mapping, validOnly: true });
    expect(res.status).toBe(202);
    const { job, seen } = await waitForImport(coach, res.json.jobId);
    const firstMs = Date.now() - started;
    expect(job).toMatchObject({
      status: 'done',
      total: ROWS,
      processed: ROWS,
      created: ROWS - 3,
      updated: 0,
      unchanged: 0,
    });
    expect(job.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [1236, 'employerBce'],
      [5680, 'openedOn'],
      [9002, 'contractType'],
    ]);
    // Progress: the processed count grew while the job ran.
    const during = seen.filter((s) => s.status === 'running').map((s) => s.processed);
    expect(during.some((p) => p > 0 && p < ROWS)).toBe(true);
    expect(during).toEqual([...during].sort((a, b) => a - b));
    expect(await count('vacancy')).toBe(ROWS - 3);
    // Employers: found by BCE or by name (case and accents ignored), else created once.
    const dumont = await t.handle.db
      .selectFrom('vacancy')
      .select('employer_id')
      .where('source_ref', '=', 'FOREM-000001')
      .executeTakeFirstOrThrow();
    expect(dumont.employer_id).toBe(dumontId);
    expect(await count('employer')).toBe(200);

    // A coach objectifies one imported offer: a re-import leaves what it does not carry alone.
    const list = (await coach.get('/api/vacancies?q=FOREM-000010')).json;
    const edited = await coach.patch(`/api/vacancies/${list[0].id}`, {
      objectified: { text: 'Pas de néerlandais en pratique', taskDescription: 'Réception des marchandises.' },
      version: list[0].version,
    });
    expect(edited.status).toBe(200);

    const again = Date.now();
    const second = await coach.post('/api/vacancies/import', { csv, mapping, validOnly: true });
    const { job: job2 } = await waitForImport(coach, second.json.jobId);
    const secondMs = Date.now() - again;
    expect(job2).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: ROWS - 3 });
    expect(await count('vacancy')).toBe(ROWS - 3);
    expect((await coach.get(`/api/vacancies/${list[0].id}`)).json.objectified).not.toBeNull();

    // One title changed in the export: that row only is updated (version + 1).
    const third = await coach.post('/api/vacancies/import', {
      csv: exportCsv(today, 10),
      mapping,
      validOnly: true,
    });
    const { job: job3 } = await waitForImport(coach, third.json.jobId);
    expect(job3).toMatchObject({ status: 'done', created: 0, updated: 1, unchanged: ROWS - 4 });
    const updated = (await coach.get(`/api/vacancies/${list[0].id}`)).json;
    expect(updated).toMatchObject({ title: 'Magasinier-cariste (H/F)', version: 3 });
    const ran = (j: { createdAt: string; finishedAt: string }) =>
      new Date(j.finishedAt).getTime() - new Date(j.createdAt).getTime();
    console.info(
      `[${target.driver}] import of ${ROWS} rows: request to done ${firstMs} ms (job ${ran(job)} ms), ` +
        `re-import ${secondMs} ms (job ${ran(job2)} ms), one row changed: job ${ran(job3)} ms`,
    );
  });

  it('refuses a bad mapping or a broken file with a 400 naming the field', async () => {
    const { title: _title, ...noTitle } = mapping;
    const missing = await coach.post('/api/vacancies/import', { csv, mapping: noTitle });
    expect(missing.status).toBe(400);
    expect(missing.json.error.field).toBe('mapping.title');
    expect(missing.json.error.message).toMatch(/intitulé du poste/);
    const unknownColumn = await coach.post('/api/vacancies/import', {
      csv,
      mapping: { ...mapping, title: 'Titre' },
    });
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.json.error.field).toBe('mapping.title');
    const broken = await coach.post('/api/vacancies/import/preview', {
      csv: 'Intitulé;Employeur\n"Magasinier;Dubois\n',
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error).toMatchObject({
      field: 'csv',
      message: expect.stringMatching(/guillemet.*ligne 2/),
    });
    const empty = await coach.post('/api/vacancies/import/preview', { csv: '\uFEFF\r\n' });
    expect(empty.status).toBe(400);
    const partial = await coach.post('/api/vacancies/import/preview', {
      csv: 'Intitulé,Commune\nMagasinier,Fleurus\n',
    });
    expect(partial.status).toBe(200);
    expect(partial.json).toMatchObject({ delimiter: ',', rows: 1, preview: [] });
    expect(partial.json.errors.map((e: { field: string }) => e.field)).toEqual([
      'mapping.employerName',
      'mapping.sourceRef',
      'mapping.contractType',
      'mapping.openedOn',
    ]);
  });

  it('keeps import jobs to their organisation (404) and refuses evaluators (403)', async () => {
    const small = `${HEADER.join(';')}\r\nREF-1;Vendeur;Entreprise 0;;Fleurus;1;CDI;;38;jour;non;;;0;${today};x\r\n`;
    const res = await coach.post('/api/vacancies/import', { csv: small, mapping });
    const { job } = await waitForImport(coach, res.json.jobId);
    expect(job).toMatchObject({ status: 'done', created: 1 });
    expect((await outsider.get(`/api/vacancies/import/${res.json.jobId}`)).status).toBe(404);
    expect((await evaluator.get(`/api/vacancies/import/${res.json.jobId}`)).status).toBe(403);
    expect((await evaluator.post('/api/vacancies/import', { csv: small, mapping })).status).toBe(403);
    // A historical import of the same organisation is not a vacancy import: the coordinators' job
    // is not read through this route (its errors may quote the files' rows).
    const history = await t.handle.db
      .insertInto('import_job')
      .values({
        organisation_id: orgA,
        kind: 'history',
        status: 'done',
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const asVacancies = await coach.get(`/api/vacancies/import/${history.id}`);
    expect(asVacancies.status).toBe(404);
    expect(asVacancies.json.error.message).toBe('Import introuvable.');
  });
});
