import type { Database, Kysely } from '@jobcoach/db';
import { ENTITY_OF_FILE, HISTORY_FILES, type HistoryEntity, type HistoryFile } from './format.ts';
import { planEmployerContacts, planPersonContacts } from './plan/contacts.ts';
import { planContracts } from './plan/contracts.ts';
import { planEmployers } from './plan/employers.ts';
import { planPersons } from './plan/persons.ts';
import { Planner } from './plan/planner.ts';
import { planTrajectories } from './plan/trajectories.ts';
import type { Plan, PlanContext } from './plan/types.ts';
import type { Parsed } from './rows.ts';

export type {
  Action,
  EntityCounts,
  Plan,
  PlanContext,
  PlannedContract,
  PlannedEvent,
  PlannedPerson,
  Skipped,
} from './plan/types.ts';

/**
 * The plan of an import: every row checked against the database (references to external ids, the
 * mapping of earlier imports, NISS and BCE numbers, the chronology of each person's events replayed
 * through the method's transitions), and what would be created, updated or left unchanged. Nothing
 * is written here: a dry run stops at the plan, an import hands it to write.ts.
 *
 * The sections follow the files' dependencies (plan/*.ts): employers, persons, contracts, the
 * events (which name contracts) with the contracts checked against the trajectory they replay,
 * the contacts.
 */
export async function planImport(db: Kysely<Database>, ctx: PlanContext, parsed: Parsed): Promise<Plan> {
  const p = await Planner.create(db, ctx, parsed);
  const employers = await planEmployers(p);
  const { persons, partners } = await planPersons(p);
  const { events, contracts } = await planTrajectories(p, persons, planContracts(p));
  for (const c of contracts) p.count('contract', c.action);
  for (const person of persons) if (person.row) p.count('person', person.action);
  const personContacts = planPersonContacts(p);
  const employerContacts = planEmployerContacts(p);
  countErrors(p);
  sortFindings(p);
  return {
    errors: p.errors,
    skipped: p.skipped,
    counts: p.counts,
    total: Object.values(parsed.counts).reduce((a, b) => a + (b ?? 0), 0),
    partners,
    employers,
    persons,
    contracts,
    events,
    personContacts,
    employerContacts,
  };
}

/** Error counts per kind of row, for the summary: one per line in error. */
function countErrors(p: Planner) {
  const entityOfSheet = new Map<string, HistoryEntity>();
  for (const [file, sheet] of Object.entries(p.parsed.sheetNames)) {
    entityOfSheet.set(sheet, ENTITY_OF_FILE[file as HistoryFile]);
  }
  const lines = new Set<string>();
  for (const e of p.errors) {
    const entity = entityOfSheet.get(e.file);
    const key = `${e.file}:${e.line}`;
    if (entity && e.line > 0 && !lines.has(key)) {
      lines.add(key);
      p.counts[entity].errors++;
    }
  }
}

/** Errors and skipped rows in the order of the files (employers, persons, contracts…), then lines. */
function sortFindings(p: Planner) {
  const order = new Map(HISTORY_FILES.map((f, i) => [p.parsed.sheetNames[f] ?? f, i]));
  const rank = (file: string) => order.get(file) ?? -1;
  p.errors.sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
  p.skipped.sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
}
