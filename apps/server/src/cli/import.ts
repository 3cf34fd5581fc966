import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { MembershipRole } from '@jobcoach/domain';
import { type Actor, Context, type ContextDeps } from '../application/context.ts';
import { AppDatabase } from '../application/database.ts';
import { AppError } from '../application/errors.ts';
import { UUID_PATTERN } from '../application/uuid.ts';
import { Clock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { FILE_LABELS, HISTORY_FILES } from '../history/format.ts';
import type { HistoryImportResult } from '../history/run.ts';
import type { SourceFile } from '../history/sources.ts';
import { importHistoryFiles } from '../history/use-cases/history-import.ts';
import { openMigrated } from './database.ts';

/**
 * `jobcoach import --org <id or name> [--dry-run] [--valid-only] [--user <e-mail>] <directory or .xlsx>`:
 * the historical import (docs/import.md) from the command line. Prints the summary and every error
 * (file:line column message); exit code 0 when all went in, 1 when errors were found, 2 when the
 * command itself is wrong (unknown organisation, user or path, or a user whose role may not import).
 * It runs the API's import (history/use-cases) in the organisation's context, as the user named
 * (the same right, `history.import`, and the same messages), or as the installation without one.
 */

export interface ImportCommand {
  org: string;
  dryRun: boolean;
  validOnly: boolean;
  /** The coordinator (or administrator) the imported rows are attributed to. */
  user: string | null;
  path: string;
}

function readPath(path: string): SourceFile[] {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    return readdirSync(path)
      .filter((f) => /\.(csv|xlsx)$/i.test(f))
      .sort()
      .map((f) => ({ name: f, data: new Uint8Array(readFileSync(join(path, f))) }));
  }
  return [{ name: basename(path), data: new Uint8Array(readFileSync(path)) }];
}

function summary(result: HistoryImportResult): string[] {
  const verb = result.written
    ? ['créé(s)', 'mis à jour', 'inchangé(s)']
    : ['à créer', 'à mettre à jour', 'inchangé(s)'];
  const entityOf = {
    employers: 'employer',
    persons: 'person',
    contracts: 'contract',
    events: 'event',
    person_contacts: 'person_contact',
    employer_contacts: 'employer_contact',
  } as const;
  const lines = HISTORY_FILES.map((file) => {
    const c = result.counts[entityOf[file]];
    const extra = [
      c.linked > 0 ? `${c.linked} relié(s) au registre du bassin` : '',
      c.skipped > 0 ? `${c.skipped} ignoré(s)` : '',
      c.errors > 0 ? `${c.errors} en erreur` : '',
    ].filter(Boolean);
    return `  ${FILE_LABELS[file].padEnd(28)}: ${c.created} ${verb[0]}, ${c.updated} ${verb[1]}, ${c.unchanged} ${verb[2]}${extra.length ? `, ${extra.join(', ')}` : ''}`;
  });
  return lines;
}

export async function runImportCommand(
  deps: ContextDeps,
  command: ImportCommand,
  log: (line: string) => void,
): Promise<number> {
  // The organisation and the user the command acts as are looked up across the installation.
  const db = deps.database.acrossOrganisations('administration');
  const org = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where((eb) =>
      UUID_PATTERN.test(command.org)
        ? eb('id', '=', command.org)
        : eb(eb.fn('lower', ['name']), '=', command.org.trim().toLowerCase()),
    )
    .executeTakeFirst();
  if (!org) {
    log(`Organisation inconnue : « ${command.org} » (son identifiant ou son nom exact).`);
    return 2;
  }
  // Without --user: the person at the machine, as the installation administrator.
  let actor: Actor = { userId: null, role: 'admin', clientAddress: null };
  if (command.user) {
    const user = await db
      .selectFrom('app_user as u')
      .leftJoin('membership as m', (j) =>
        j.onRef('m.user_id', '=', 'u.id').on('m.organisation_id', '=', org.id).on('m.active', '=', true),
      )
      .select(['u.id', 'u.is_admin', 'm.role'])
      .where('u.email', '=', command.user.trim().toLowerCase())
      .where('u.active', '=', true)
      .executeTakeFirst();
    if (!user || !(user.is_admin || user.role)) {
      log(`« ${command.user} » n’est ni membre actif de ${org.name} ni administrateur.`);
      return 2;
    }
    actor = {
      userId: user.id,
      role: user.is_admin ? 'admin' : (user.role as MembershipRole),
      clientAddress: null,
    };
  }
  let sources: SourceFile[];
  try {
    sources = readPath(command.path);
  } catch {
    log(`Chemin illisible : ${command.path}`);
    return 2;
  }
  log(
    `${command.dryRun ? 'Vérification (rien n’est enregistré)' : 'Import'} pour ${org.name} : ${sources.map((s) => s.name).join(', ')}`,
  );
  let result: HistoryImportResult;
  try {
    result = await importHistoryFiles(
      Context.create(deps, org.id, actor),
      sources,
      { dryRun: command.dryRun, validOnly: command.validOnly, jobId: null, source: 'cli' },
      {
        onProgress: async (written) => {
          if (written % 5000 === 0) log(`  … ${written} lignes écrites`);
        },
      },
    );
  } catch (error) {
    // The use case's refusal (a role that may not import), as the API words it.
    if (!(error instanceof AppError)) throw error;
    log(command.user ? `« ${command.user} » : ${error.message}` : error.message);
    return 2;
  }
  log(`${result.total} ligne(s) lue(s).`);
  for (const line of summary(result)) log(line);
  for (const e of result.errors) log(`${e.file}:${e.line} ${e.field} ${e.message}`);
  for (const s of result.skipped) log(`${s.file}:${s.line} ${s.message}`);
  if (result.errors.length > 0) {
    log(
      result.written
        ? `${result.errors.length} erreur(s) : les lignes en erreur et celles qui en dépendent ont été ignorées, le reste est importé.`
        : `${result.errors.length} erreur(s) : rien n’a été importé. Corrigez les fichiers (ou utilisez --valid-only).`,
    );
    return 1;
  }
  log(result.written ? 'Import terminé.' : 'Vérification terminée : aucune erreur.');
  return 0;
}

/** The command as `jobcoach import` runs it, on the configured database. */
export async function runImport(command: ImportCommand): Promise<number> {
  const config = loadConfig();
  const { handle } = await openMigrated(config, 'jobcoach import');
  try {
    const deps = { database: new AppDatabase(handle.db), clock: new Clock() };
    return await runImportCommand(deps, command, (line) => console.log(line));
  } finally {
    await handle.close();
  }
}
