import type { Database, Kysely, Transaction } from '@jobcoach/db';
import { sql } from '@jobcoach/db';
import type { Plan } from './plan.ts';

/**
 * Undoing a historical import (docs/import.md, « Annuler un import »). The import writes, in its own
 * transaction, what it created (`history_import_row`): persons, events, contracts, contacts,
 * employers, partners, the documents and employment periods of the events' effects, and the
 * statuses of existing employers it changed (with the status before). Undoing removes those rows
 * and puts the statuses back, within 30 days, while nothing recorded since depends on them:
 * - no row written since refers to them (found from the database's foreign keys, so that a table
 *   added later is covered: a contact, a move, a presentation, a consent, another organisation's
 *   offer at an employer the import created…);
 * - none of them was changed since (a person's file, a contract, an employer);
 * - the import only created rows: one that updated rows of an earlier import, or appended events
 *   to its persons, cannot be undone (the earlier values are not kept).
 */

export const UNDO_DAYS = 30;

type Db = Kysely<Database> | Transaction<Database>;

/** The kinds of row an import creates, by table (the journal's `entity`). */
const ENTITY_OF_TABLE: Record<string, string> = {
  person: 'person',
  trajectory_event: 'event',
  contract: 'contract',
  contact: 'person_contact',
  employer: 'employer',
  partner: 'partner',
  person_document: 'document',
  employment_period: 'employment_period',
};

/** French names of the rows that may depend on an import's rows, for the answer. */
const TABLE_LABELS: Record<string, string> = {
  trajectory_event: 'changement(s) de phase',
  contact: 'contact(s) avec des personnes',
  contact_person: 'contact(s) avec des personnes',
  contract: 'contrat(s)',
  employer_contact: 'contact(s) avec des employeurs',
  person_document: 'document(s)',
  employment_period: 'période(s) d’emploi',
  presentation: 'présentation(s) à des employeurs',
  presentation_step: 'étape(s) de présentation',
  vacancy: 'offre(s) d’emploi',
  person_consent: 'consentement(s)',
  person_handoff: 'transmission(s) à des partenaires',
  coachability_assessment: 'évaluation(s) de la coachabilité',
  follow_up_arrangement: 'arrangement(s) de suivi',
  person: 'personne(s)',
};

/** The statuses of the existing employers the plan may change (hiring, direct contacts). */
export async function employerStatusesBefore(trx: Db, plan: Plan): Promise<Map<string, string>> {
  const created = new Set(plan.employers.filter((e) => e.action === 'create' && !e.matched).map((e) => e.id));
  const ids = [
    ...new Set([
      ...plan.contracts.filter((c) => c.action === 'create').map((c) => c.employerId),
      ...plan.employerContacts.filter((c) => c.action === 'create').map((c) => c.employerId),
    ]),
  ].filter((id) => !created.has(id));
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await trx
      .selectFrom('employer')
      .select(['id', 'status'])
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.set(r.id, r.status);
  }
  return out;
}

/** Records what a written import created, in its transaction (nothing for the command line's). */
export async function writeUndoJournal(
  trx: Transaction<Database>,
  ctx: { organisationId: string; jobId: string; now: Date },
  plan: Plan,
  statusesBefore: Map<string, string>,
) {
  const rows: { entity: string; entity_id: string; previous: string | null }[] = [];
  const add = (entity: string, ids: Iterable<string>) => {
    for (const id of ids) rows.push({ entity, entity_id: id, previous: null });
  };
  add(
    'person',
    plan.persons.filter((p) => p.action === 'create').map((p) => p.id),
  );
  add(
    'event',
    plan.events.map((e) => e.id),
  );
  add(
    'contract',
    plan.contracts.filter((c) => c.action === 'create').map((c) => c.id),
  );
  add(
    'person_contact',
    plan.personContacts.filter((c) => c.action === 'create').map((c) => c.id),
  );
  add(
    'employer_contact',
    plan.employerContacts.filter((c) => c.action === 'create').map((c) => c.id),
  );
  add(
    'employer',
    plan.employers.filter((e) => e.action === 'create' && !e.matched).map((e) => e.id),
  );
  add(
    'partner',
    plan.partners.map((p) => p.id),
  );
  // The effects of the events: written at the import's time for the persons it moved.
  const moved = [...new Set(plan.events.map((e) => e.personId))];
  for (let i = 0; i < moved.length; i += 1000) {
    const chunk = moved.slice(i, i + 1000);
    const documents = await trx
      .selectFrom('person_document')
      .select('id')
      .where('organisation_id', '=', ctx.organisationId)
      .where('person_id', 'in', chunk)
      .where('created_at', '=', ctx.now)
      .execute();
    add(
      'document',
      documents.map((d) => d.id),
    );
    const periods = await trx
      .selectFrom('employment_period')
      .select('id')
      .where('organisation_id', '=', ctx.organisationId)
      .where('person_id', 'in', chunk)
      .where('created_at', '=', ctx.now)
      .execute();
    add(
      'employment_period',
      periods.map((p) => p.id),
    );
  }
  const after = await employerStatusesBefore(trx, plan);
  for (const [id, before] of statusesBefore) {
    if (after.get(id) !== before) rows.push({ entity: 'employer_status', entity_id: id, previous: before });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('history_import_row')
      .values(
        rows
          .slice(i, i + 1000)
          .map((r) => ({ ...r, organisation_id: ctx.organisationId, job_id: ctx.jobId })),
      )
      .execute();
  }
}

interface Reference {
  table: string;
  column: string;
  referenced: string;
  hasId: boolean;
}

/** The foreign keys, read once per process (the schema only changes with a migration, at start). */
let knownReferences: Promise<Reference[]> | null = null;

/** Every foreign key that points at a table an import writes: who may depend on its rows. */
function referencesToImportedTables(db: Db): Promise<Reference[]> {
  knownReferences ??= readReferences(db).catch((error) => {
    knownReferences = null;
    throw error;
  });
  return knownReferences;
}

async function readReferences(db: Db): Promise<Reference[]> {
  const tables = Object.keys(ENTITY_OF_TABLE);
  const result = await sql<{ referencing: string; referenced: string; columns: string[]; has_id: boolean }>`
    SELECT c.conrelid::regclass::text AS referencing, c.confrelid::regclass::text AS referenced,
      array_agg(a.attname::text ORDER BY a.attname) AS columns,
      EXISTS (SELECT 1 FROM pg_attribute i WHERE i.attrelid = c.conrelid AND i.attname = 'id'
        AND NOT i.attisdropped) AS has_id
    FROM pg_constraint c
    CROSS JOIN LATERAL unnest(c.conkey) AS k(attnum)
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
    WHERE c.contype = 'f' AND c.confrelid::regclass::text IN (${sql.join(tables)})
    GROUP BY c.oid, c.conrelid, c.confrelid`.execute(db);
  const out: Reference[] = [];
  for (const r of result.rows) {
    const columns = r.columns.filter((c) => c !== 'organisation_id');
    if (r.referencing.startsWith('history_import_')) continue;
    for (const column of columns) {
      out.push({ table: r.referencing, column, referenced: r.referenced, hasId: r.has_id });
    }
  }
  return out;
}

export interface UndoState {
  possible: boolean;
  /** Until when it may be undone (ISO date-time), null when it never could. */
  until: string | null;
  /** What prevents it, in French. */
  blockers: string[];
}

/** Whether the job can be undone now, and if not, why. */
export async function undoState(
  db: Db,
  job: {
    id: string;
    organisation_id: string;
    dry_run: boolean;
    status: string;
    finished_at: Date | string | null;
    undone_at: Date | string | null;
    summary: Record<string, unknown> | null;
  },
  now: Date,
): Promise<UndoState> {
  const summary = (job.summary ?? {}) as {
    written?: boolean;
    counts?: Record<string, { updated: number }>;
  };
  if (job.dry_run || job.status !== 'done' || summary.written !== true || job.finished_at === null) {
    return { possible: false, until: null, blockers: ['Rien n’a été enregistré par cet import.'] };
  }
  if (job.undone_at !== null) {
    return { possible: false, until: null, blockers: ['Cet import a déjà été annulé.'] };
  }
  const until = new Date(new Date(job.finished_at).getTime() + UNDO_DAYS * 86_400_000);
  const blockers: string[] = [];
  if (now > until) {
    return {
      possible: false,
      until: until.toISOString(),
      blockers: [`Un import ne s’annule que dans les ${UNDO_DAYS} jours qui le suivent.`],
    };
  }
  const journal = await db
    .selectFrom('history_import_row')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', job.organisation_id)
    .where('job_id', '=', job.id)
    .executeTakeFirstOrThrow();
  if (Number(journal.n) === 0) {
    blockers.push('Cet import n’a rien créé qu’il puisse retirer (ou il précède la possibilité d’annuler).');
    return { possible: false, until: until.toISOString(), blockers };
  }
  const updated = Object.values(summary.counts ?? {}).reduce((a, c) => a + (c.updated ?? 0), 0);
  if (updated > 0) {
    blockers.push(
      `Cet import a mis à jour ${updated} ligne(s) d’un import précédent : les valeurs d’avant ne sont pas conservées.`,
    );
  }
  const jobId = job.id;
  const appended = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM history_import_row r
    JOIN trajectory_event e ON e.id = r.entity_id AND e.organisation_id = r.organisation_id
    WHERE r.organisation_id = ${job.organisation_id} AND r.job_id = ${jobId} AND r.entity = 'event'
      AND NOT EXISTS (SELECT 1 FROM history_import_row p WHERE p.job_id = ${jobId}
        AND p.organisation_id = r.organisation_id AND p.entity = 'person' AND p.entity_id = e.person_id)`.execute(
    db,
  );
  if ((appended.rows[0]?.n ?? 0) > 0) {
    blockers.push(
      `Cet import a ajouté ${appended.rows[0]!.n} événement(s) au parcours de personnes importées ou saisies auparavant.`,
    );
  }
  blockers.push(...(await dependents(db, job.organisation_id, jobId)));
  blockers.push(...(await changedSince(db, job.organisation_id, jobId, new Date(job.finished_at))));
  return { possible: blockers.length === 0, until: until.toISOString(), blockers };
}

/** Rows recorded since that refer to the import's rows (any organisation: employers are shared). */
async function dependents(db: Db, organisationId: string, jobId: string): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const ref of await referencesToImportedTables(db)) {
    const entity = ENTITY_OF_TABLE[ref.referenced]!;
    const own = ENTITY_OF_TABLE[ref.table];
    const table = sql.id(ref.table);
    const column = sql.ref(`t.${ref.column}`);
    // A contact's persons belong to the contact; the import's contacts are journaled as person or
    // employer contacts, both in `contact`.
    const contacts = sql`o.entity IN ('person_contact', 'employer_contact')`;
    const notOurs =
      ref.table === 'contact_person'
        ? sql`AND NOT EXISTS (SELECT 1 FROM history_import_row o WHERE o.organisation_id = ${organisationId}
            AND o.job_id = ${jobId} AND ${contacts} AND o.entity_id = t.contact_id)`
        : own && ref.hasId
          ? sql`AND NOT EXISTS (SELECT 1 FROM history_import_row o WHERE o.organisation_id = ${organisationId}
            AND o.job_id = ${jobId} AND ${ref.table === 'contact' ? contacts : sql`o.entity = ${own}`}
            AND o.entity_id = t.id)`
          : sql``;
    const result = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${table} t
      WHERE ${column} IN (SELECT r.entity_id FROM history_import_row r WHERE r.organisation_id = ${organisationId}
        AND r.job_id = ${jobId} AND r.entity = ${entity}) ${notOurs}`.execute(db);
    const n = result.rows[0]?.n ?? 0;
    if (n > 0) counts.set(ref.table, (counts.get(ref.table) ?? 0) + n);
  }
  if (counts.size === 0) return [];
  const list = [...counts].map(([table, n]) => `${n} ${TABLE_LABELS[table] ?? table}`).join(', ');
  return [`Des données enregistrées depuis l’import dépendent de ses lignes : ${list}.`];
}

/** The import's persons, contracts and employers changed since it finished. */
async function changedSince(
  db: Db,
  organisationId: string,
  jobId: string,
  finishedAt: Date,
): Promise<string[]> {
  const out: string[] = [];
  const ids = (entity: string) =>
    db
      .selectFrom('history_import_row')
      .select('entity_id')
      .where('organisation_id', '=', organisationId)
      .where('job_id', '=', jobId)
      .where('entity', '=', entity);
  const persons = await db
    .selectFrom('person')
    .select(['first_name', 'last_name'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids('person'))
    .where('updated_at', '>', finishedAt)
    .orderBy('last_name')
    .execute();
  if (persons.length > 0) {
    const names = persons
      .slice(0, 5)
      .map((p) => `${(p.last_name ?? '').toUpperCase()} ${p.first_name ?? ''}`.trim());
    out.push(
      `${persons.length} personne(s) de l’import ont été modifiées depuis (${names.join(', ')}${persons.length > 5 ? '…' : ''}).`,
    );
  }
  const contracts = await db
    .selectFrom('contract')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids('contract'))
    .where('updated_at', '>', finishedAt)
    .executeTakeFirstOrThrow();
  if (Number(contracts.n) > 0) out.push(`${contracts.n} contrat(s) de l’import ont été modifiés depuis.`);
  const employers = await db
    .selectFrom('employer')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('id', 'in', ids('employer')), eb('id', 'in', ids('employer_status'))]))
    .where('updated_at', '>', finishedAt)
    .executeTakeFirstOrThrow();
  if (Number(employers.n) > 0) out.push(`${employers.n} employeur(s) de l’import ont été modifiés depuis.`);
  return out;
}

/**
 * Removes what the import created and puts the employers' statuses back, in the caller's
 * transaction (unscoped: employers belong to the basin). The trajectory log accepts the removal of
 * the import's events inside this transaction only (migration 0017). Returns the rows removed.
 */
export async function undoImportRows(
  trx: Db,
  organisationId: string,
  jobId: string,
  now: Date,
): Promise<Record<string, number>> {
  await sql`SELECT set_config('jobcoach.import_undo', 'on', true)`.execute(trx);
  const ids = (entity: string) =>
    trx
      .selectFrom('history_import_row')
      .select('entity_id')
      .where('organisation_id', '=', organisationId)
      .where('job_id', '=', jobId)
      .where('entity', '=', entity);
  const removed: Record<string, number> = {};
  const count = (entity: string, result: { numDeletedRows: bigint }[]) => {
    removed[entity] = Number(result.reduce((a, r) => a + r.numDeletedRows, 0n));
  };
  const org = (
    table:
      | 'trajectory_event'
      | 'person_document'
      | 'employment_period'
      | 'contact'
      | 'contract'
      | 'person'
      | 'partner',
  ) => trx.deleteFrom(table).where('organisation_id', '=', organisationId);
  count('event', await org('trajectory_event').where('id', 'in', ids('event')).execute());
  count('document', await org('person_document').where('id', 'in', ids('document')).execute());
  count(
    'employment_period',
    await org('employment_period').where('id', 'in', ids('employment_period')).execute(),
  );
  count('person_contact', await org('contact').where('id', 'in', ids('person_contact')).execute());
  count('employer_contact', await deleteEmployerContacts(trx, organisationId, jobId));
  // A contract may continue another of the same import: the links go first.
  await trx
    .updateTable('contract')
    .set({ converted_from_contract_id: null })
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids('contract'))
    .execute();
  count('contract', await org('contract').where('id', 'in', ids('contract')).execute());
  count('person', await org('person').where('id', 'in', ids('person')).execute());
  count('partner', await org('partner').where('id', 'in', ids('partner')).execute());
  count('employer', await trx.deleteFrom('employer').where('id', 'in', ids('employer')).execute());
  const statuses = await trx
    .selectFrom('history_import_row')
    .select(['entity_id', 'previous'])
    .where('organisation_id', '=', organisationId)
    .where('job_id', '=', jobId)
    .where('entity', '=', 'employer_status')
    .execute();
  for (const s of statuses) {
    await trx
      .updateTable('employer')
      .set((eb) => ({ status: s.previous ?? 'prospect', version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', s.entity_id)
      .execute();
  }
  removed.employer_status = statuses.length;
  // The mapping of external ids: importing the files again creates the rows anew.
  await trx
    .deleteFrom('history_import_key')
    .where('organisation_id', '=', organisationId)
    .where(
      'entity_id',
      'in',
      trx.selectFrom('history_import_row').select('entity_id').where('job_id', '=', jobId),
    )
    .execute();
  return removed;
}

/** The import's contacts with employers (kept apart: their table is the contact model's). */
function deleteEmployerContacts(trx: Db, organisationId: string, jobId: string) {
  return trx
    .deleteFrom('contact')
    .where('organisation_id', '=', organisationId)
    .where(
      'id',
      'in',
      trx
        .selectFrom('history_import_row')
        .select('entity_id')
        .where('organisation_id', '=', organisationId)
        .where('job_id', '=', jobId)
        .where('entity', '=', 'employer_contact'),
    )
    .execute();
}
