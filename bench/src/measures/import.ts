import { openDatabase } from '@jobcoach/db';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { parseCsv } from '../../../apps/server/src/imports/csv.ts';
import { runVacancyImport } from '../../../apps/server/src/imports/vacancy-import.ts';
import { guessMapping, keysOf, readRecords } from '../../../apps/server/src/imports/vacancy-rows.ts';
import { postgresCpuMs, processCpuMs } from '../cpu.ts';
import { log, withClient } from '../database.ts';
import { bceOf, importTarget } from '../generate.ts';
import { Random } from '../prng.ts';
import { REFERENCE_DAY } from '../scales.ts';
import type { Measure } from '../table.ts';

const ROWS = 100_000;
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
const TITLES = [
  'Magasinier·ère',
  'Technicien·ne de surface',
  'Commis de cuisine',
  'Vendeur·se',
  'Manutentionnaire',
  'Ouvrier·ère de production',
];
const COMMUNES = ['Wavre', 'Nivelles', 'Ottignies', 'Braine-l’Alleud', 'Jodoigne', 'Tubize'];

/** A FOREm-like export of 100,000 vacancies: `;`-separated, a BOM, CRLF, French dates and labels. */
export function exportCsv(existing: readonly { name: string; bce: string }[]): string {
  const rnd = new Random('jobcoach-bench/import');
  const employers: { name: string; bce: string }[] = [...existing.slice(0, 1000)];
  for (let k = 0; employers.length < 2000; k++) {
    employers.push({ name: `Nouvel employeur ${k + 1}`, bce: k % 2 === 0 ? bceOf(19_000_000 + k) : '' });
  }
  const [y, m] = REFERENCE_DAY.split('-') as [string, string];
  const lines = [HEADER.join(';')];
  for (let i = 0; i < ROWS; i++) {
    const e = rnd.pick(employers);
    const contract = rnd.pick(['CDI', 'CDD', 'Intérim', 'Contrat à durée indéterminée']);
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      [
        `IMP-${String(i).padStart(6, '0')}`,
        `"${rnd.pick(TITLES)} ""polyvalent"" ${i % 7}"`,
        e.name,
        e.bce,
        rnd.pick(COMMUNES),
        String(1 + (i % 3)),
        contract,
        contract === 'CDD' ? '6' : '',
        i % 5 === 0 ? '19,5' : '38',
        i % 3 === 0 ? 'jour, équipes' : 'jour',
        i % 2 === 0 ? 'oui' : 'non',
        i % 10 === 0 ? 'français (courant), néerlandais notions' : 'français',
        ['', 'CEB', 'CESS', 'aucun'][i % 4],
        String(i % 3),
        i % 2 === 0 ? `${day}/${m}/${y}` : `${day}/${String(Number(m) - 1).padStart(2, '0')}/${y}`,
        `"Profil recherché : personne ponctuelle, motivée; travail en équipe, respect des consignes (${i})."`,
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Removes what an import into the bench's import organisation left (runs are repeatable). */
async function clean(url: string, organisationId: string) {
  await withClient(url, async (c) => {
    await c.query('DROP TABLE IF EXISTS bench_copy_vacancy');
    await c.query('DELETE FROM vacancy WHERE organisation_id = $1', [organisationId]);
    await c.query('DELETE FROM employer WHERE created_by_organisation_id = $1', [organisationId]);
    await c.query('VACUUM ANALYZE vacancy');
    await c.query('VACUUM ANALYZE employer');
  });
}

/**
 * Importing 100,000 vacancies with the project's import (CSV parsing, row checks, employer
 * matching, batched writes with progress: what POST /api/vacancies/import runs after its 202,
 * called here on one file although the route takes 50,000 rows at most), against a raw COPY of the
 * same rows into a scratch table of the same shape (vacancy's columns, checks, indexes and keys).
 */
export async function measureImport(url: string): Promise<Measure[]> {
  const target = await importTarget(url);
  await clean(url, target.organisation_id);
  const existing = await withClient(
    url,
    async (c) =>
      (
        await c.query<{ name: string; bce: string }>(
          'SELECT name, bce FROM employer WHERE basin_id = $1 AND bce IS NOT NULL ORDER BY bce LIMIT 1000',
          [target.basin_id],
        )
      ).rows,
  );
  const csv = exportCsv(existing);
  log(`import: ${ROWS.toLocaleString('en')} rows, ${(csv.length / 2 ** 20).toFixed(1)} MB of CSV`);

  // Two connections: the job writes two batches at a time (as in the server, whose pool is larger).
  const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
  let seconds: number;
  try {
    const job = await handle.db
      .insertInto('import_job')
      .values({
        organisation_id: target.organisation_id,
        kind: 'vacancies',
        total: ROWS,
        created_by: target.user_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const parsed = parseCsv(csv);
    const columns = parsed.records[0]!.fields.map((c) => c.trim());
    const mapping = guessMapping(columns);
    const file = readRecords(parsed.records, mapping);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const b1 = postgresCpuMs(url);
    if (file.errors.length > 0)
      throw new Error(`import rows refused: ${JSON.stringify(file.errors.slice(0, 3))}`);
    const result = await runVacancyImport(
      handle.db,
      {
        jobId: job.id,
        organisationId: target.organisation_id,
        basinId: target.basin_id,
        userId: target.user_id,
        now: () => new Date(),
        copy: handle.driver === 'postgres',
      },
      file.rows,
      keysOf(mapping),
      [],
      0,
    );
    const t2 = performance.now();
    const c2 = process.cpuUsage();
    const b2 = postgresCpuMs(url);
    if (!result.ok || result.created !== ROWS) throw new Error(`import failed: ${JSON.stringify(result)}`);
    seconds = (t2 - t0) / 1000;
    const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) =>
      ((b.user - a.user + b.system - a.system) / 1e6).toFixed(2);
    log(
      `import: read ${((t1 - t0) / 1000).toFixed(1)} s (CPU ${cpu(c0, c1)} s), write ${((t2 - t1) / 1000).toFixed(1)} s ` +
        `(CPU ${cpu(c1, c2)} s here, ${b1 === null || b2 === null ? '—' : ((b2 - b1) / 1000).toFixed(2)} s in its PostgreSQL backends)`,
    );
  } finally {
    await handle.close();
  }

  // Baseline: the same rows, as stored, copied back in with COPY.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let baseSeconds: number;
  try {
    const cols = (
      await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'vacancy' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      )
    ).rows.map((r) => r.column_name);
    const chunks: Buffer[] = [];
    const out = client.query(
      copyTo(
        `COPY (SELECT ${cols.join(', ')} FROM vacancy WHERE organisation_id = '${target.organisation_id}') TO STDOUT`,
      ),
    );
    for await (const chunk of out) chunks.push(chunk as Buffer);
    await client.query('CREATE TABLE bench_copy_vacancy (LIKE vacancy INCLUDING ALL)');
    await client.query(
      'ALTER TABLE bench_copy_vacancy ADD FOREIGN KEY (organisation_id) REFERENCES organisation (id), ADD FOREIGN KEY (employer_id) REFERENCES employer (id)',
    );
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const b0 = processCpuMs(pid);
    const t0 = performance.now();
    const stream = client.query(copyFrom(`COPY bench_copy_vacancy (${cols.join(', ')}) FROM STDIN`));
    await new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
      for (const c of chunks) stream.write(c);
      stream.end();
    });
    baseSeconds = (performance.now() - t0) / 1000;
    const b1 = processCpuMs(pid);
    log(
      `import: raw COPY ${baseSeconds.toFixed(1)} s (${b0 === null || b1 === null ? '—' : ((b1 - b0) / 1000).toFixed(2)} s in its PostgreSQL backend)`,
    );
  } finally {
    await client.end();
  }
  await clean(url, target.organisation_id);

  const ours = ROWS / seconds;
  const base = ROWS / baseSeconds;
  return [
    {
      name: 'Import of 100,000 vacancies',
      unit: 'rows/s',
      ours,
      baseline: base,
      baselineName: 'raw COPY of the same rows',
      ratio: base / ours,
      budget: '≥ 20,000 rows/s',
      pass: ours >= 20_000,
    },
  ];
}
