import { createHash } from 'node:crypto';
import { sql } from '@jobcoach/db';
import type { Context } from '../application/context.ts';
import type { Db } from '../application/database.ts';
import { invalid } from '../application/errors.ts';

/** What a reason for a correction becomes once the person is erased (it may have named them). */
const ERASED_REASON = 'Motif effacé (effacement des données)';

/** A correction's or cancellation's reason erased where there was one: the fact stays, its text goes. */
const erasedReason = (column: 'correction_reason' | 'cancellation_reason') =>
  sql<string | null>`CASE WHEN ${sql.ref(column)} IS NOT NULL THEN ${ERASED_REASON}::text END`;

/** What replaces the names of an erased person: a neutral label and a short code. */
export const ERASED_FIRST_NAME = 'Personne effacée';
export const REDACTED = '[effacé]';

/** "3f9a2c41-…" → "E-3F9A2C": tells erased persons apart in lists, says nothing about them. */
export function erasedCode(personId: string): string {
  return `E-${personId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

/** Prefix of the external ids of the historical import that an erasure replaced by a digest. */
export const ERASED_IMPORT_KEY_PREFIX = 'erased:';

/**
 * What an erasure leaves in `history_import_key` instead of an external id (the organisation's
 * own key for a row of its files, which may be a name or a NISS): a SHA-256 digest of it, so that
 * a later import of the same files still recognises the row (and leaves the erased person out)
 * without the key being readable.
 */
export function erasedImportKey(organisationId: string, entity: string, externalId: string): string {
  const digest = createHash('sha256').update(`${organisationId}\u0000${entity}\u0000${externalId}`);
  return `${ERASED_IMPORT_KEY_PREFIX}${digest.digest('hex')}`;
}

export type ErasureKind = 'request' | 'retention';
export type ErasureOutcome = 'erased' | 'already_erased' | 'not_found';

/**
 * The personal values of a person that must disappear with an erasure, as typed (names, NISS,
 * contact details). Used to check that a reason typed by a user does not carry them, and to strip
 * any that slipped into the audit log's details.
 */
function identifiersOf(p: {
  first_name: string;
  last_name: string;
  niss: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}): string[] {
  const digits = p.phone?.replace(/\D/g, '') ?? '';
  return [p.first_name, p.last_name, p.niss, p.email, p.phone, digits.length >= 6 ? digits : null, p.address]
    .filter((v): v is string => typeof v === 'string' && v.trim().length >= 2)
    .map((v) => v.trim().toLowerCase());
}

/** Refuses a reason (erasure, hard deletion) that names the person: it is kept in the audit log. */
export function assertReasonNamesNoOne(
  field: string,
  reason: string,
  person: Parameters<typeof identifiersOf>[0],
) {
  const lower = reason.toLowerCase();
  if (identifiersOf(person).some((id) => lower.includes(id))) {
    throw invalid(
      field,
      'le motif ne peut pas contenir le nom ni les coordonnées de la personne (il est conservé dans le journal d’audit).',
    );
  }
}

/** Replaces, in a JSON value, every string that contains one of the identifiers. */
function redactJson(value: unknown, ids: string[]): { value: unknown; changed: boolean } {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return ids.some((id) => lower.includes(id))
      ? { value: REDACTED, changed: true }
      : { value, changed: false };
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = redactJson(v, ids);
      changed ||= r.changed;
      return r.value;
    });
    return { value: out, changed };
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = redactJson(v, ids);
      changed ||= r.changed;
      out[k] = r.value;
    }
    return { value: out, changed };
  }
  return { value, changed: false };
}

/**
 * Anonymises one person of the context's organisation, in one transaction (the context's, or one
 * opened here): data-subject erasure and the retention job share it. Identity, contact details,
 * notes and every free text about the person go; the statistical categories (sex, origin,
 * studies, situation), the age at entry (computed from the birth date before it goes), the dates
 * of the trajectory and the contracts' facts stay, so the reports count the same. The append-only
 * tables accept this redaction only inside this transaction (`jobcoach.redaction`,
 * transaction-local; migration 0008).
 */
export function erasePerson(
  ctx: Context,
  args: { personId: string; kind: ErasureKind },
): Promise<ErasureOutcome> {
  return ctx.transaction((tx) => anonymise(tx.db, args.personId, args.kind, tx.now));
}

async function anonymise(trx: Db, personId: string, kind: ErasureKind, now: Date): Promise<ErasureOutcome> {
  const p = await trx
    .selectFrom('person')
    .selectAll()
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
  if (!p) return 'not_found';
  if (p.erased_at) return 'already_erased';
  const ids = identifiersOf(p);
  await sql`SELECT set_config('jobcoach.redaction', 'on', true)`.execute(trx);

  await trx
    .updateTable('person')
    .set((eb) => ({
      first_name: ERASED_FIRST_NAME,
      last_name: erasedCode(p.id),
      // Age at entry into pre-hire, kept for the report's age bands once the birth date is gone.
      entry_age: sql<number | null>`coalesce(entry_age,
        CASE WHEN pre_hire_entry IS NOT NULL AND birth_date IS NOT NULL
          THEN extract(year FROM age(pre_hire_entry, birth_date))::int END)`,
      birth_date: null,
      niss: null,
      address: null,
      postcode: null,
      phone: null,
      email: null,
      residence_status: null,
      languages: '[]',
      schedule_hours: null,
      physical_limits: '[]',
      physical_limits_note: null,
      wished_jobs: '[]',
      skills_know_how: null,
      skills_soft: null,
      notes: null,
      consent_scope: null,
      erased_at: now,
      erasure_kind: kind,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', p.id)
    .execute();

  // Intake assessments: the decision and its dates stay, the comments and the reason go (a
  // redirection must keep a reason: a neutral one).
  await trx
    .updateTable('coachability_assessment')
    .set({
      reason: sql<string | null>`CASE WHEN decision = 'redirected' THEN ${REDACTED} END`,
      conditions: sql<string>`coalesce((SELECT jsonb_object_agg(k,
          CASE WHEN jsonb_typeof(v) = 'object' THEN v || '{"comment": null}'::jsonb ELSE v END)
        FROM jsonb_each(conditions) AS e(k, v)), '{}'::jsonb)`,
    })
    .where('person_id', '=', p.id)
    .execute();
  await trx
    .updateTable('trajectory_event')
    .set({ detail: null, fields: sql<string>`fields - 'reasonDetail'` })
    .where('person_id', '=', p.id)
    .where((eb) => eb.or([eb('detail', 'is not', null), sql<boolean>`fields ? 'reasonDetail'`]))
    .execute();
  // The person's contacts keep their date, channel and participants (the counts); their free texts go.
  await trx
    .updateTable('contact')
    .set({
      counterpart: null,
      notes: null,
      correction_reason: erasedReason('correction_reason'),
      cancellation_reason: erasedReason('cancellation_reason'),
    })
    .where('id', 'in', (eb) =>
      eb.selectFrom('contact_person').select('contact_id').where('person_id', '=', p.id),
    )
    .execute();
  // The person's planned contacts keep their day, time and channel; the place typed goes.
  await trx.updateTable('planned_contact').set({ place: null }).where('person_id', '=', p.id).execute();
  await trx
    .updateTable('presentation_step')
    .set({
      reason: null,
      cancellation_reason: erasedReason('cancellation_reason'),
    })
    .where((eb) => eb.or([eb('reason', 'is not', null), eb('cancellation_reason', 'is not', null)]))
    .where('presentation_id', 'in', (eb) =>
      eb.selectFrom('presentation').select('id').where('person_id', '=', p.id),
    )
    .execute();
  await trx
    .updateTable('contract')
    .set({
      end_detail: null,
      correction_reason: erasedReason('correction_reason'),
      cancellation_reason: erasedReason('cancellation_reason'),
    })
    .where('person_id', '=', p.id)
    .execute();
  await trx
    .updateTable('follow_up_arrangement')
    .set({ notes: null, three_way_detail: null })
    .where('person_id', '=', p.id)
    .execute();
  await trx.updateTable('person_consent').set({ note: null }).where('person_id', '=', p.id).execute();
  await trx.updateTable('person_handoff').set({ note: null }).where('person_id', '=', p.id).execute();

  // The historical import (docs/import.md): the mapping rows of the person and of their records
  // stay, so that importing the old files again leaves the person out instead of creating them
  // anew, but their external ids become digests and the digests of the rows' content go. The
  // import jobs' error and skip messages that quote the person or those keys are redacted.
  const mapped = await importKeysOf(trx, p.organisation_id, p.id, true);
  for (const key of mapped) {
    if (key.external_id.startsWith(ERASED_IMPORT_KEY_PREFIX)) continue;
    await trx
      .updateTable('history_import_key')
      .set({
        external_id: erasedImportKey(p.organisation_id, key.entity, key.external_id),
        content_hash: 'erased',
        updated_at: now,
      })
      .where('organisation_id', '=', p.organisation_id)
      .where('entity', '=', key.entity)
      .where('external_id', '=', key.external_id)
      .execute();
  }
  await redactImportJobs(trx, p.organisation_id, [
    ...ids,
    ...mapped
      .filter((k) => !k.external_id.startsWith(ERASED_IMPORT_KEY_PREFIX))
      .map((k) => `« ${k.external_id.toLowerCase()} »`),
  ]);

  // The audit log holds ids, not names; should a personal value have slipped into the details of
  // an entry about this person, it is replaced.
  if (ids.length > 0) {
    const entries = await trx
      .selectFrom('audit_log')
      .select(['id', 'details'])
      .where('details', 'is not', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'person'), eb('entity_id', '=', p.id)]),
          sql<boolean>`details->>'personId' = ${p.id}`,
        ]),
      )
      .execute();
    for (const entry of entries) {
      const redacted = redactJson(entry.details, ids);
      if (!redacted.changed) continue;
      await trx
        .updateTable('audit_log')
        .set({ details: JSON.stringify(redacted.value) })
        .where('id', '=', entry.id)
        .execute();
    }
  }
  return 'erased';
}

/**
 * The rows of `history_import_key` that map to the person or to their records (trajectory events,
 * contracts, contacts; with `withEmployerContacts`, the contacts with employers about them).
 */
function importKeysOf(trx: Db, organisationId: string, personId: string, withEmployerContacts: boolean) {
  return trx
    .selectFrom('history_import_key')
    .select(['entity', 'external_id'])
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'person'), eb('entity_id', '=', personId)]),
        eb.and([
          eb('entity', '=', 'event'),
          eb(
            'entity_id',
            'in',
            eb.selectFrom('trajectory_event').select('id').where('person_id', '=', personId),
          ),
        ]),
        eb.and([
          eb('entity', '=', 'contract'),
          eb('entity_id', 'in', eb.selectFrom('contract').select('id').where('person_id', '=', personId)),
        ]),
        eb.and([
          eb('entity', '=', 'person_contact'),
          eb(
            'entity_id',
            'in',
            eb.selectFrom('contact_person').select('contact_id').where('person_id', '=', personId),
          ),
        ]),
        ...(withEmployerContacts
          ? [
              eb.and([
                eb('entity', '=', 'employer_contact'),
                eb(
                  'entity_id',
                  'in',
                  eb.selectFrom('contact_person').select('contact_id').where('person_id', '=', personId),
                ),
              ]),
            ]
          : []),
      ]),
    )
    .execute();
}

/**
 * Historical import jobs keep no file, but their error and skip messages may quote a cell (a name
 * typed in the wrong column) or an external id: every message of the organisation's jobs that
 * contains one of `needles` (lower case) is replaced.
 */
async function redactImportJobs(trx: Db, organisationId: string, needles: string[]) {
  if (needles.length === 0) return;
  const jobs = await trx
    .selectFrom('import_job')
    .select(['id', 'errors', 'summary'])
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', 'history')
    .execute();
  for (const job of jobs) {
    const errors = redactJson(job.errors, needles);
    const summary = redactJson(job.summary, needles);
    if (!errors.changed && !summary.changed) continue;
    await trx
      .updateTable('import_job')
      .set({
        errors: JSON.stringify(errors.value),
        summary: summary.value === null ? null : JSON.stringify(summary.value),
      })
      .where('id', '=', job.id)
      .execute();
  }
}

/**
 * Removes a person of the context's organisation and every row that depends on them (installation
 * admin only), inside the context's transaction. Contacts with employers about the person are kept
 * for the employer's history and the "employers contacted" count, detached from the person and
 * without their notes. The audit log keeps its rows (ids only).
 */
export async function hardDeletePerson(ctx: Context, personId: string): Promise<void> {
  const trx = ctx.db;
  if (!trx.isTransaction) throw new Error('hardDeletePerson runs inside a transaction');
  const p = await trx
    .selectFrom('person')
    .select(['organisation_id', 'first_name', 'last_name', 'niss', 'email', 'phone', 'address'])
    .where('id', '=', personId)
    .executeTakeFirst();
  await sql`SELECT set_config('jobcoach.hard_delete', 'on', true)`.execute(trx);
  if (p) {
    // The historical import forgets the person and their records: importing the files again
    // creates them anew (the kept contacts with employers keep their mapping).
    const mapped = await importKeysOf(trx, p.organisation_id, personId, false);
    for (const key of mapped) {
      await trx
        .deleteFrom('history_import_key')
        .where('organisation_id', '=', p.organisation_id)
        .where('entity', '=', key.entity)
        .where('external_id', '=', key.external_id)
        .execute();
    }
    await redactImportJobs(trx, p.organisation_id, [
      ...identifiersOf(p),
      ...mapped.map((k) => `« ${k.external_id.toLowerCase()} »`),
    ]);
  }
  await trx.deleteFrom('person_handoff').where('person_id', '=', personId).execute();
  await trx.deleteFrom('person_consent').where('person_id', '=', personId).execute();
  await trx.deleteFrom('follow_up_arrangement').where('person_id', '=', personId).execute();
  await trx.deleteFrom('contract').where('person_id', '=', personId).execute();
  await trx
    .deleteFrom('presentation_step')
    .where('presentation_id', 'in', (eb) =>
      eb.selectFrom('presentation').select('id').where('person_id', '=', personId),
    )
    .execute();
  await trx.deleteFrom('presentation').where('person_id', '=', personId).execute();
  // Contacts with an employer stay, detached from the person and without notes (« Employeurs
  // contactés » does not change); the person's other contacts go when nobody else is in them.
  const contactIds = trx.selectFrom('contact_person').select('contact_id').where('person_id', '=', personId);
  await trx
    .updateTable('contact')
    .set({ notes: null, counterpart: null })
    .where('employer_id', 'is not', null)
    .where('id', 'in', contactIds)
    .execute();
  const alone = await trx
    .selectFrom('contact as c')
    .select('c.id')
    .where('c.employer_id', 'is', null)
    .where('c.id', 'in', contactIds)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('contact_person as o')
            .select('o.contact_id')
            .whereRef('o.contact_id', '=', 'c.id')
            .where('o.person_id', '<>', personId),
        ),
      ),
    )
    .execute();
  await trx.deleteFrom('contact_person').where('person_id', '=', personId).execute();
  if (alone.length > 0) {
    await trx
      .deleteFrom('contact')
      .where(
        'id',
        'in',
        alone.map((c) => c.id),
      )
      .execute();
  }
  await trx.deleteFrom('employment_period').where('person_id', '=', personId).execute();
  await trx.deleteFrom('person_document').where('person_id', '=', personId).execute();
  await trx.deleteFrom('coachability_assessment').where('person_id', '=', personId).execute();
  await trx.deleteFrom('trajectory_event').where('person_id', '=', personId).execute();
  // Tables added later that point at the person through a person_id column.
  const others = await sql<{ table_name: string }>`
    SELECT DISTINCT tc.table_name
    FROM information_schema.table_constraints tc
    JOIN information_schema.constraint_column_usage ccu
      ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
    JOIN information_schema.key_column_usage kcu
      ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
    WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
      AND ccu.table_name = 'person' AND kcu.column_name = 'person_id'
      AND tc.table_name NOT IN ('person_handoff', 'person_consent', 'follow_up_arrangement', 'contract',
        'presentation', 'employer_contact', 'contact', 'employment_period', 'person_document',
        'coachability_assessment', 'trajectory_event')`.execute(trx);
  for (const { table_name } of others.rows) {
    await sql`DELETE FROM ${sql.table(table_name)} WHERE person_id = ${personId}`.execute(trx);
  }
  await trx.deleteFrom('person').where('id', '=', personId).execute();
}
