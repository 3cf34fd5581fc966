import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  benchDatabaseName,
  databaseExists,
  databaseUrl,
  log,
  openMigratedDatabase,
  readMarker,
  recreateDatabase,
  withClient,
  writeMarker,
} from './database.ts';
import { generate } from './generate.ts';
import { measureEmbedded } from './measures/embedded.ts';
import { measureImport } from './measures/import.ts';
import { measureMatching } from './measures/matching.ts';
import { measureMyDay } from './measures/myday.ts';
import { measureMyDayBySize } from './measures/myday-by-size.ts';
import { measureReport } from './measures/report.ts';
import { GENERATOR_VERSION, SCALES } from './scales.ts';
import { judgedAt, type Measure, printTable } from './table.ts';

/**
 * npm run bench -- [--scale pilot|region|skewed] [--fresh] [--generate-only] [--only myday,myday-by-size,matching,import,report]
 *   [--embedded]
 *
 * Generates (or reuses) the database of the scale, runs the measures against the real server and
 * the fastest way to get the same answer from the same PostgreSQL, prints one table and writes
 * the figures to bench/results/<scale>-<date>.json. --embedded (or `embedded` in --only) adds the
 * embedded database's measures: the scale copied into PGlite, against the same on PostgreSQL.
 */

const HERE = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv: string[]) {
  const out = {
    scale: 'pilot',
    fresh: false,
    generateOnly: false,
    embedded: false,
    only: null as string[] | null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--scale') out.scale = argv[++i] ?? '';
    else if (a.startsWith('--scale=')) out.scale = a.slice('--scale='.length);
    else if (a === '--fresh') out.fresh = true;
    else if (a === '--generate-only') out.generateOnly = true;
    else if (a === '--embedded') out.embedded = true;
    else if (a === '--only') out.only = (argv[++i] ?? '').split(',');
    else if (a.startsWith('--only=')) out.only = a.slice('--only='.length).split(',');
    else throw new Error(`unknown argument ${a}`);
  }
  if (!SCALES[out.scale]) throw new Error(`unknown scale "${out.scale}" (pilot, region, skewed)`);
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = SCALES[args.scale]!;
  const name = benchDatabaseName(scale.name);
  const url = databaseUrl(name);

  let generation: { seconds: number; counts: Record<string, number> | null; reused: boolean };
  const marker = (await databaseExists(name)) ? await readMarker(url) : null;
  if (!args.fresh && marker && marker.scale === scale.name && marker.version === GENERATOR_VERSION) {
    log(
      `reusing database ${name} (generated in ${Number(marker.seconds).toFixed(0)} s); --fresh regenerates`,
    );
    // Migrations added since the generation (indexes) apply to the existing data.
    const handle = await openMigratedDatabase(url, 1);
    await handle.close();
    generation = { seconds: Number(marker.seconds), counts: null, reused: true };
  } else {
    log(`generating scale ${scale.name} into database ${name}`);
    await recreateDatabase(name);
    const handle = await openMigratedDatabase(url, 1, { analyze: false });
    await handle.close();
    const result = await generate(url, scale);
    await writeMarker(url, scale.name, GENERATOR_VERSION, result.seconds);
    log(`generated in ${result.seconds.toFixed(1)} s: ${JSON.stringify(result.counts)}`);
    generation = { ...result, reused: false };
  }
  const counts =
    generation.counts ??
    (await withClient(url, async (c) => {
      const out: Record<string, number> = {};
      for (const t of ['organisation', 'person', 'contact', 'contract', 'employer', 'vacancy']) {
        out[t] = Number((await c.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n);
      }
      return out;
    }));
  if (args.generateOnly) return;

  // The machine may be shared: the load average (1, 5, 15 minutes) is kept with the figures.
  const loadBefore = loadavg();
  const wanted = (m: string) => !args.only || args.only.includes(m);
  const onPostgres: Measure[] = [];
  const notes: string[] = [];
  if (wanted('report')) {
    const r = await measureReport(url);
    if (r.measures.length === 0) notes.push(...r.notes);
    onPostgres.push(...r.measures);
  }
  if (wanted('myday')) onPostgres.push(...(await measureMyDay(url)));
  if (wanted('myday-by-size')) onPostgres.push(...(await measureMyDayBySize(url)));
  if (wanted('matching')) onPostgres.push(...(await measureMatching(url)));
  if (wanted('import')) onPostgres.push(...(await measureImport(url)));
  // Judged only at the region scale; the embedded database's budgets below are the pilot's.
  const measures = judgedAt(scale.name, onPostgres);
  // Not by default: the copy into PGlite is made for the pilot scale (one organisation's database).
  if (args.embedded || args.only?.includes('embedded')) {
    measures.push(...(await measureEmbedded(url, scale.name)));
  }

  const loadAfter = loadavg();
  const settings = await withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const s of [
      'server_version',
      'shared_buffers',
      'work_mem',
      'effective_cache_size',
      'max_parallel_workers_per_gather',
    ]) {
      out[s] = (await c.query(`SHOW ${s}`)).rows[0][s];
    }
    return out;
  });
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: settings,
    loadAverage: { before: loadBefore, after: loadAfter },
  };
  printTable(scale.name, measures);
  for (const n of notes) console.log(`note: ${n}`);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
  console.log(`load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after`);
  const dir = join(HERE, '..', 'results');
  mkdirSync(dir, { recursive: true });
  // Date and time (UTC) in the name: a later run of some measures (--only) keeps the earlier run.
  const file = join(dir, `${scale.name}-${new Date().toISOString().slice(0, 16).replace(':', '')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ scale: scale.name, at: new Date().toISOString(), machine, generation: { ...generation, counts }, measures, notes }, null, 2)}\n`,
  );
  log(`results written to ${file}`);
  const failed = measures.filter((m) => m.pass === false);
  if (failed.length > 0) log(`${failed.length} budget(s) missed: ${failed.map((m) => m.name).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
