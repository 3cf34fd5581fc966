import { randomUUID } from 'node:crypto';
import type { Database, Kysely } from '@jobcoach/db';
import { sql } from '@jobcoach/db';
import { ERASED_IMPORT_KEY_PREFIX, erasedImportKey } from '../../privacy/erasure.ts';
import { columnLabel, ENTITY_OF_FILE, type HistoryEntity, type HistoryFile } from '../format.ts';
import type { HistoryError, Parsed } from '../rows.ts';
import type { Action, EntityCounts, PlanContext, Skipped } from './types.ts';

/**
 * What every section of the plan shares: the rows read, the mapping of earlier imports, the
 * errors and skipped rows found so far, the counts, and which external ids are planned or left
 * out. References between rows are resolved here, so that a row depending on a row in error is
 * skipped the same way in every file.
 */

export const ENTITIES: HistoryEntity[] = [
  'employer',
  'person',
  'contract',
  'event',
  'person_contact',
  'employer_contact',
];

/** Where errors and skipped rows are recorded: the plan itself, or a draft kept apart until accepted. */
export interface Findings {
  errors: HistoryError[];
  skipped: Skipped[];
}

export const emptyFindings = (): Findings => ({ errors: [], skipped: [] });

/** A row, as errors and skips name it. */
export interface RowPlace {
  sheet: string;
  line: number;
  file: HistoryFile;
}

export interface Key {
  entityId: string;
  hash: string;
  matched: boolean;
}

type Resolved = { kind: 'ok'; id: string } | { kind: 'failed'; why: string } | { kind: 'unknown' };

/** Why the rows of an erased person are left out (the message names neither them nor their key). */
export const ERASED_PERSON_WHY =
  'la personne de cette ligne a été effacée (à sa demande ou au terme de la durée de conservation) : elle n’est pas importée à nouveau.';

/** The mapping of earlier imports whose rows still exist (a deleted contract is imported again). */
async function loadKeys(db: Kysely<Database>, organisationId: string) {
  const result = await sql<{
    entity: HistoryEntity;
    external_id: string;
    entity_id: string;
    content_hash: string;
    matched: boolean;
  }>`
    SELECT k.entity, k.external_id, k.entity_id, k.content_hash, k.matched
    FROM history_import_key k
    WHERE k.organisation_id = ${organisationId}
      AND CASE k.entity
        WHEN 'person' THEN EXISTS (SELECT 1 FROM person p WHERE p.id = k.entity_id
          AND (p.deleted_at IS NULL OR p.erased_at IS NOT NULL))
        WHEN 'event' THEN EXISTS (SELECT 1 FROM trajectory_event e WHERE e.id = k.entity_id)
        WHEN 'contract' THEN EXISTS (SELECT 1 FROM contract c WHERE c.id = k.entity_id)
        WHEN 'person_contact' THEN EXISTS (SELECT 1 FROM contact c WHERE c.id = k.entity_id)
        WHEN 'employer' THEN EXISTS (SELECT 1 FROM employer e WHERE e.id = k.entity_id)
        WHEN 'employer_contact' THEN EXISTS (SELECT 1 FROM contact c WHERE c.id = k.entity_id)
        ELSE false END`.execute(db);
  const keys = Object.fromEntries(ENTITIES.map((e) => [e, new Map<string, Key>()])) as Record<
    HistoryEntity,
    Map<string, Key>
  >;
  for (const k of result.rows) {
    keys[k.entity].set(k.external_id, { entityId: k.entity_id, hash: k.content_hash, matched: k.matched });
  }
  return keys;
}

/**
 * The person external ids of the files that belong to persons erased since their import: an
 * erasure keeps their mapping rows under a digest of the external id (privacy/erasure.ts), so that
 * importing the old files again leaves them out (with their events, contracts and contacts).
 */
function erasedPersonRefs(personKeys: Map<string, Key>, organisationId: string, parsed: Parsed) {
  const erased = new Set<string>();
  if (![...personKeys.keys()].some((k) => k.startsWith(ERASED_IMPORT_KEY_PREFIX))) return erased;
  const { rows } = parsed;
  const refs = new Set([
    ...rows.persons.map((r) => r.externalId),
    ...rows.events.map((r) => r.personRef),
    ...rows.contracts.map((r) => r.personRef),
    ...rows.person_contacts.map((r) => r.personRef),
    ...rows.employer_contacts.flatMap((r) => (r.personRef ? [r.personRef] : [])),
  ]);
  for (const ref of refs) {
    if (personKeys.has(erasedImportKey(organisationId, 'person', ref))) erased.add(ref);
  }
  return erased;
}

/** The rows `find` returns for the items, asked a chunk at a time (bounded `IN` lists). */
export async function findInChunks<T, R>(
  items: readonly T[],
  find: (chunk: T[]) => Promise<R[]>,
  size = 1000,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await find(items.slice(i, i + size))));
  return out;
}

export class Planner implements Findings {
  readonly errors: HistoryError[];
  readonly skipped: Skipped[] = [];
  readonly counts = Object.fromEntries(
    ENTITIES.map((e) => [e, { created: 0, updated: 0, unchanged: 0, linked: 0, skipped: 0, errors: 0 }]),
  ) as Record<HistoryEntity, EntityCounts>;
  /** External ids that will not be imported (errors, or skipped), per file. */
  readonly failed: Record<HistoryFile, Set<string>>;
  /** External id → id of the rows this import creates or updates, per file. */
  readonly planned: Record<HistoryFile, Map<string, string>>;

  private constructor(
    readonly db: Kysely<Database>,
    readonly ctx: PlanContext,
    readonly parsed: Parsed,
    /** The mapping of earlier imports, per kind of row. */
    readonly keys: Record<HistoryEntity, Map<string, Key>>,
    private readonly erasedPersons: Set<string>,
  ) {
    this.errors = [...parsed.errors];
    this.failed = parsed.failed;
    this.planned = Object.fromEntries(
      Object.keys(parsed.failed).map((f) => [f, new Map<string, string>()]),
    ) as Record<HistoryFile, Map<string, string>>;
  }

  static async create(db: Kysely<Database>, ctx: PlanContext, parsed: Parsed): Promise<Planner> {
    const keys = await loadKeys(db, ctx.organisationId);
    return new Planner(db, ctx, parsed, keys, erasedPersonRefs(keys.person, ctx.organisationId, parsed));
  }

  get rows() {
    return this.parsed.rows;
  }

  /** The row's person was erased since an earlier import: the row is left out. */
  isErasedPerson(ref: string): boolean {
    return this.erasedPersons.has(ref);
  }

  /** An error on a column of the row, in French, prefixed with the column's name. */
  fail(row: RowPlace, column: string, message: string, into: Findings = this) {
    into.errors.push({
      file: row.sheet,
      line: row.line,
      field: column,
      message: `« ${columnLabel(row.file, column)} » : ${message}`,
    });
  }

  /** A row left out, and why (French, completing « Ligne ignorée : »). */
  skip(row: RowPlace, why: string, into: Findings = this) {
    into.skipped.push({ file: row.sheet, line: row.line, message: `Ligne ignorée : ${why}` });
  }

  /** What an external id of a file stands for: a row of this import, of an earlier one, or nothing. */
  private resolve(file: HistoryFile, ref: string): Resolved {
    if (file === 'persons' && this.erasedPersons.has(ref)) return { kind: 'failed', why: ERASED_PERSON_WHY };
    const id = this.planned[file].get(ref);
    if (id) return { kind: 'ok', id };
    if (this.failed[file].has(ref) || this.parsed.failedFiles.has(file)) {
      return {
        kind: 'failed',
        why: `« ${ref} » (${file}) n’est pas importé : il a une erreur ou dépend d’une ligne en erreur.`,
      };
    }
    const key = this.keys[ENTITY_OF_FILE[file]].get(ref);
    return key ? { kind: 'ok', id: key.entityId } : { kind: 'unknown' };
  }

  /**
   * Resolves a reference of `row` (its column) to the id of the row it names, recording the error
   * (unknown) or the skip (a row not imported); null when unknown, 'skip' when left out.
   */
  reference(
    row: RowPlace,
    column: string,
    file: HistoryFile,
    ref: string,
    into: Findings = this,
  ): string | null | 'skip' {
    const r = this.resolve(file, ref);
    if (r.kind === 'ok') return r.id;
    if (r.kind === 'failed') {
      this.skip(row, r.why, into);
      return 'skip';
    }
    this.fail(
      row,
      column,
      `« ${ref} » est inconnu : absent de ${file}.csv et d’aucun import précédent.`,
      into,
    );
    return null;
  }

  /** A new row gets a new id; a row of an earlier import keeps its record, changed or not. */
  action(entity: HistoryEntity, row: { externalId: string; hash: string }): { id: string; action: Action } {
    const key = this.keys[entity].get(row.externalId);
    if (!key) return { id: randomUUID(), action: 'create' };
    return { id: key.entityId, action: key.hash === row.hash ? 'unchanged' : 'update' };
  }

  count(entity: HistoryEntity, a: Action) {
    this.counts[entity][a === 'create' ? 'created' : a === 'update' ? 'updated' : 'unchanged']++;
  }
}
