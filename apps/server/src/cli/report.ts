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
import { validateReportPeriod } from '@jobcoach/domain';
import { AppDatabase } from '../application/database.ts';
import {
  executeForInstallation,
  InstallationContext,
  type InstallationDeps,
} from '../application/installation.ts';
import { Clock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import {
  exportSteeringReport,
  listReportScopes,
  REPORT_FORMATS,
  type ReportFormat,
} from '../reports/use-cases/steering-report.ts';
import { openMigrated } from './database.ts';

export { REPORT_FORMATS, type ReportFormat };

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

/**
 * Produces the report through the API's use cases, read as the installation administrator (no
 * user: the person at the machine); returns what to write and the file name it goes by.
 */
export async function produceReport(
  deps: InstallationDeps,
  command: ReportCommand,
): Promise<{ body: string | Buffer; fileName: string }> {
  const ctx = InstallationContext.create(deps, { userId: null, role: 'admin', clientAddress: null });
  const organisations = await executeForInstallation(ctx, listReportScopes, {});
  if (organisations.length === 0) throw new Error('the installation has no organisation yet');
  let organisationIds: string | undefined;
  if (!command.all && command.orgs.length > 0) {
    const ids = command.orgs.map((wanted) => {
      const found =
        organisations.find((o) => o.id === wanted) ??
        organisations.find((o) => o.name.trim().toLowerCase() === wanted.trim().toLowerCase());
      if (!found) throw new Error(`no organisation with the id or name "${wanted}"`);
      return found.id;
    });
    organisationIds = ids.join(',');
  }
  return executeForInstallation(ctx, exportSteeringReport, {
    from: command.from,
    to: command.to,
    ...(organisationIds ? { organisationIds } : { all: 'true' as const }),
    currentOrganisationId: null,
    format: command.format,
    via: 'cli',
  });
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
    const result = await produceReport({ database: new AppDatabase(handle.db), clock: new Clock() }, command);
    const path = writeReport(command, result);
    if (path) console.error(`Report written to ${path}`);
  } finally {
    await handle.close();
  }
}
