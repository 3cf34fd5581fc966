/**
 * `jobcoach report`: the steering committee's report from the command line, read as the
 * installation (exact figures, like the admin):
 *   jobcoach report --from 2002-03-01 --to 2002-12-31 [--org <id or name>]… [--all]
 *                   --format json|csv|xlsx|pdf [--out <file>]
 * Without --org, every organisation of the installation. JSON and CSV go to the standard output
 * unless --out names a file; XLSX and PDF go to --out, or to rapport-comite-<from>_<to>.<format>
 * in the current directory.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database, Kysely } from '@jobcoach/db';
import { brusselsDate, validateReportPeriod } from '@jobcoach/domain';
import { loadConfig } from '../config.ts';
import { buildSteeringDocument, reportFileName } from '../reports/document.ts';
import { steeringCsv } from '../reports/export-csv.ts';
import { steeringPdf } from '../reports/export-pdf.ts';
import { steeringXlsx } from '../reports/export-xlsx.ts';
import { openMigrated } from './database.ts';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommand {
  from: string;
  to: string;
  /** Organisation ids or names (case ignored); empty with `all` or for the whole installation. */
  orgs: string[];
  all: boolean;
  format: ReportFormat;
  out?: string;
}

/** Reads the command's options; throws an Error with a message for the user. */
export function parseReportArgs(args: string[]): ReportCommand {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      org: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.from || !values.to) throw new Error('report needs --from YYYY-MM-DD and --to YYYY-MM-DD');
  const errors = validateReportPeriod(values.from, values.to);
  if (errors[0]) throw new Error(`--${errors[0].field}: ${errors[0].message}`);
  const format = (values.format ?? 'json') as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new Error(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  const orgs = values.org ?? [];
  if (values.all && orgs.length > 0) throw new Error('--all and --org cannot be combined');
  return {
    from: values.from,
    to: values.to,
    orgs,
    all: values.all ?? false,
    format,
    ...(values.out ? { out: values.out } : {}),
  };
}

/** Produces the report on an open database; returns what to write and where it went. */
export async function produceReport(
  db: Kysely<Database>,
  command: ReportCommand,
  now: Date = new Date(),
): Promise<{ body: string | Buffer; fileName: string }> {
  const organisations = await db.selectFrom('organisation').select(['id', 'name']).orderBy('name').execute();
  let ids: string[];
  if (command.all || command.orgs.length === 0) {
    ids = organisations.map((o) => o.id);
  } else {
    ids = command.orgs.map((wanted) => {
      const found =
        organisations.find((o) => o.id === wanted) ??
        organisations.find((o) => o.name.trim().toLowerCase() === wanted.trim().toLowerCase());
      if (!found) throw new Error(`no organisation with the id or name "${wanted}"`);
      return found.id;
    });
  }
  if (ids.length === 0) throw new Error('the installation has no organisation yet');
  const doc = await buildSteeringDocument(
    db,
    { organisationIds: [...new Set(ids)], from: command.from, to: command.to, today: brusselsDate(now) },
    { aggregatesOnly: false, generatedAt: now },
  );
  const body =
    command.format === 'json'
      ? `${JSON.stringify(doc, null, 2)}\n`
      : command.format === 'csv'
        ? steeringCsv(doc)
        : command.format === 'xlsx'
          ? await steeringXlsx(doc)
          : await steeringPdf(doc);
  await db
    .insertInto('audit_log')
    .values({
      action: 'report.export',
      entity: 'report',
      entity_id: 'steering',
      details: JSON.stringify({
        format: command.format,
        from: doc.from,
        to: doc.to,
        organisationIds: ids,
        via: 'cli',
      }),
    })
    .execute();
  return { body, fileName: reportFileName(doc, command.format) };
}

/** Writes the report where the command says; returns the file written, or null for the standard output. */
export function writeReport(command: ReportCommand, result: { body: string | Buffer; fileName: string }) {
  if (!command.out && (command.format === 'json' || command.format === 'csv')) {
    process.stdout.write(result.body);
    return null;
  }
  const path = resolve(command.out ?? result.fileName);
  writeFileSync(path, result.body);
  return path;
}

export async function runReport(args: string[]) {
  const command = parseReportArgs(args);
  const { handle } = await openMigrated(loadConfig(), 'jobcoach report');
  try {
    const result = await produceReport(handle.db, command);
    const path = writeReport(command, result);
    if (path) console.error(`Report written to ${path}`);
  } finally {
    await handle.close();
  }
}
