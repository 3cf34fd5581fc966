import type { Database, Transaction } from '@jobcoach/db';
import { sql } from '@jobcoach/db';
import {
  addDays,
  compareDates,
  isDirectChannel,
  isEmploymentContract,
  maxDate,
  TRANSITION_FIELD_LABELS,
} from '@jobcoach/domain';
import type { HistoryEntity } from './format.ts';
import type { Plan, PlannedEvent, PlannedPerson } from './plan.ts';

/**
 * Writes a plan (plan.ts) in the caller's transaction, with the effects the live actions have, so
 * that imported rows read exactly like rows entered through the app: the person's phase, phase
 * start and first pre-hire entry from the replayed events; each event in the trajectory log
 * (attributed to the importing user) with its fields; the trust contract and end-of-coaching
 * letter documents; the employment period of a follow-up started without a contract, closed by a
 * return to pre-hire; employers hiring a coached person becoming partners, employers contacted
 * directly leaving the prospects. Rows go in by batches of multi-row inserts.
 */

export interface WriteContext {
  organisationId: string;
  basinId: string;
  /** The importing user (null from the command line without --user). */
  userId: string | null;
  now: Date;
  jobId: string | null;
  /** Called after each batch with the number of rows written so far. */
  onProgress?: (written: number) => Promise<void>;
}

const BATCH = 500;

type Trx = Transaction<Database>;

/** A row of history_import_key to write: what an external id became. */
interface ImportKey {
  entity: HistoryEntity;
  externalId: string;
  entityId: string;
  hash: string;
  matched: boolean;
}

/** The transaction, the context, the progress so far and the mapping rows gathered by the sections. */
class Writer {
  private written = 0;
  readonly keys: ImportKey[] = [];

  constructor(
    readonly trx: Trx,
    readonly ctx: WriteContext,
  ) {}

  /** Inserts the rows by batches, reporting the progress after each. */
  async insertAll<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await insert(batch);
      this.written += batch.length;
      await this.ctx.onProgress?.(this.written);
    }
  }

  /** Remembers what the rows created or changed became (unchanged rows keep their mapping). */
  remember(
    entity: HistoryEntity,
    rows: readonly { row: { externalId: string; hash: string } | null; id: string; matched?: boolean }[],
  ) {
    for (const r of rows) {
      if (!r.row) continue;
      this.keys.push({
        entity,
        externalId: r.row.externalId,
        entityId: r.id,
        hash: r.row.hash,
        matched: r.matched ?? false,
      });
    }
  }
}

export async function writePlan(trx: Trx, ctx: WriteContext, plan: Plan): Promise<void> {
  const w = new Writer(trx, ctx);
  await writePartners(w, plan);
  await writeEmployers(w, plan);
  await writePersons(w, plan);
  await writeContracts(w, plan);
  await writeEvents(w, plan);
  await writePersonContacts(w, plan);
  await writeEmployerContacts(w, plan);
  await writeImportKeys(w);
}

/** Partners named as prescribers and not yet in the organisation's directory. */
async function writePartners(w: Writer, plan: Plan) {
  const orgId = w.ctx.organisationId;
  await w.insertAll(plan.partners, (batch) =>
    w.trx
      .insertInto('partner')
      .values(batch.map((p) => ({ id: p.id, organisation_id: orgId, name: p.name, type: 'other' })))
      .execute(),
  );
}

/** New employers in the basin's registry, changed ones updated; linked ones are left as they are. */
async function writeEmployers(w: Writer, plan: Plan) {
  const { ctx, trx } = w;
  const newEmployers = plan.employers.filter((e) => e.action === 'create' && !e.matched);
  await w.insertAll(newEmployers, (batch) =>
    trx
      .insertInto('employer')
      .values(
        batch.map((e) => ({
          id: e.id,
          basin_id: ctx.basinId,
          ...e.row.values,
          status: e.row.values.status ?? 'prospect',
          created_by_organisation_id: ctx.organisationId,
          created_by: ctx.userId,
          created_at: ctx.now,
          updated_at: ctx.now,
        })),
      )
      .execute(),
  );
  for (const e of plan.employers.filter((x) => x.action === 'update' && !x.matched)) {
    const { status, ...values } = e.row.values;
    await trx
      .updateTable('employer')
      .set((eb) => ({
        ...values,
        ...(status ? { status } : {}),
        version: eb('version', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', e.id)
      .where('basin_id', '=', ctx.basinId)
      .execute();
  }
  w.remember(
    'employer',
    plan.employers.filter((e) => e.action !== 'unchanged'),
  );
}

const personColumns = (p: PlannedPerson) => ({
  ...p.row!.values,
  referral_kind: p.row!.referralKind,
  referral_partner_id: p.partnerId,
  referral_received_on: p.row!.referralDate,
  coach_id: p.coachId,
});

/** The trajectory's columns of the person, from the replayed events. */
const stateColumns = (p: PlannedPerson) => ({
  phase: p.state.phase,
  phase_since: p.state.since,
  pre_hire_entry: p.state.preHireEntry,
  trust_contract_signed_on: p.state.trustContractSignedOn,
});

/** New persons; changed ones updated; existing ones with new events get their new phase. */
async function writePersons(w: Writer, plan: Plan) {
  const { ctx, trx } = w;
  const orgId = ctx.organisationId;
  await w.insertAll(
    plan.persons.filter((p) => p.action === 'create'),
    (batch) =>
      trx
        .insertInto('person')
        .values(
          batch.map((p) => ({
            id: p.id,
            organisation_id: orgId,
            ...personColumns(p),
            ...stateColumns(p),
            sex: String(p.row!.values.sex),
            first_name: String(p.row!.values.first_name),
            last_name: String(p.row!.values.last_name),
            created_by: ctx.userId,
            created_at: ctx.now,
            updated_at: ctx.now,
          })),
        )
        .execute(),
  );
  for (const p of plan.persons.filter(
    (x) => x.action === 'update' || (x.action === 'unchanged' && x.appended),
  )) {
    await trx
      .updateTable('person')
      .set((eb) => ({
        ...(p.action === 'update' ? personColumns(p) : {}),
        ...(p.appended ? stateColumns(p) : {}),
        version: eb('version', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', p.id)
      .where('organisation_id', '=', orgId)
      .execute();
  }
  w.remember(
    'person',
    plan.persons.filter((p) => p.action !== 'unchanged'),
  );
}

/**
 * New contracts (a contract may continue another of the same batch: the continued ones go first),
 * changed ones updated; signing makes the employer a partner.
 */
async function writeContracts(w: Writer, plan: Plan) {
  const { ctx, trx } = w;
  const orgId = ctx.organisationId;
  const contractColumns = (c: Plan['contracts'][number]) => ({
    ...c.row.values,
    person_id: c.personId,
    employer_id: c.employerId,
    converted_from_contract_id: c.convertedFromId,
  });
  const newContracts = plan.contracts.filter((c) => c.action === 'create');
  const ordered = [
    ...newContracts.filter((c) => !c.convertedFromId),
    ...newContracts.filter((c) => c.convertedFromId),
  ];
  await w.insertAll(ordered, (batch) =>
    trx
      .insertInto('contract')
      .values(
        batch.map((c) => ({
          id: c.id,
          organisation_id: orgId,
          ...contractColumns(c),
          created_by: ctx.userId,
          created_at: ctx.now,
          updated_at: ctx.now,
        })),
      )
      .execute(),
  );
  for (const c of plan.contracts.filter((x) => x.action === 'update')) {
    await trx
      .updateTable('contract')
      .set((eb) => ({ ...contractColumns(c), version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', c.id)
      .where('organisation_id', '=', orgId)
      .execute();
  }
  w.remember(
    'contract',
    plan.contracts.filter((c) => c.action !== 'unchanged'),
  );
  await markHiringEmployersPartners(
    w,
    newContracts.filter((c) => isEmploymentContract(c.row.values.type)).map((c) => c.employerId),
  );
}

/** Signing makes the employer a partner (decisions.md), as signing through the app does. */
async function markHiringEmployersPartners(w: Writer, employerIds: string[]) {
  const hiring = [...new Set(employerIds)];
  for (let i = 0; i < hiring.length; i += BATCH) {
    await w.trx
      .updateTable('employer')
      .set((eb) => ({ status: 'partner', version: eb('version', '+', 1), updated_at: w.ctx.now }))
      .where('id', 'in', hiring.slice(i, i + BATCH))
      .where('status', 'in', ['prospect', 'contacted'])
      .execute();
  }
}

type DocumentRow = { person_id: string; kind: string; dated_on: string };
type PeriodRow = { person_id: string; kind: string; start_on: string; end_on: string | null };

/**
 * The effects of the events, as the live transitions have them: the trust contract at the entry
 * into pre-hire (once per signing date), the end-of-coaching letter at an exit for consolidated
 * insertion, an employment period for a follow-up started without a contract, closed the day
 * before a return to pre-hire. Returns the rows to insert and the persons of an earlier import
 * whose stored open periods a return closes (person → return date).
 */
function eventEffects(plan: Plan) {
  const documents: DocumentRow[] = [];
  const periods: PeriodRow[] = [];
  const openPeriods = new Map<string, PeriodRow[]>();
  const trustSeen = new Map<string, string | null>();
  const appended = new Set(plan.persons.filter((p) => p.appended).map((p) => p.id));
  const storedReturns: { personId: string; date: string }[] = [];
  for (const e of plan.events) {
    const fields = e.fields;
    const date = String(fields.date);
    if (e.row.transitionId === 'enter_pre_hire') {
      const signedOn = String(fields.trustContractSignedOn);
      if (!trustSeen.has(e.personId)) trustSeen.set(e.personId, null);
      if (trustSeen.get(e.personId) !== signedOn) {
        documents.push({ person_id: e.personId, kind: 'trust_contract', dated_on: signedOn });
        trustSeen.set(e.personId, signedOn);
      }
    } else if (e.row.transitionId === 'start_follow_up' && e.contractId === null) {
      const period = {
        person_id: e.personId,
        kind: String(fields.contractKind),
        start_on: String(fields.contractStart),
        end_on: (fields.contractEnd as string | undefined) ?? null,
      };
      periods.push(period);
      openPeriods.set(e.personId, [...(openPeriods.get(e.personId) ?? []), period]);
    } else if (e.row.transitionId === 'return_to_pre_hire') {
      // Back in pre-hire, a period still open ended the day before (as the live transition does).
      const lastDay = addDays(date, -1);
      for (const p of openPeriods.get(e.personId) ?? []) {
        if (p.end_on === null && compareDates(p.start_on, date) <= 0) p.end_on = maxDate(p.start_on, lastDay);
      }
      if (appended.has(e.personId)) storedReturns.push({ personId: e.personId, date });
    } else if (e.row.transitionId === 'exit' && fields.exitReason === 'consolidated_insertion') {
      documents.push({ person_id: e.personId, kind: 'end_letter', dated_on: date });
    }
  }
  return { documents, periods, storedReturns };
}

/** The trajectory log's row of an event: the day it happened, at noon, in the person's order. */
function eventRow(orgId: string, userId: string | null, e: PlannedEvent) {
  const recorded: Record<string, unknown> = Object.fromEntries(
    Object.entries(e.fields).filter(([key, v]) => key in TRANSITION_FIELD_LABELS && v !== undefined),
  );
  if (e.contractId) recorded.contractId = e.contractId;
  const date = String(e.fields.date);
  return {
    id: e.id,
    organisation_id: orgId,
    person_id: e.personId,
    actor_id: userId,
    // The day it happened (at noon, in the order of the person's events): the log reads in order.
    at: new Date(Date.parse(`${date}T12:00:00Z`) + e.rank * 1000),
    date,
    transition_id: e.row.transitionId,
    from_phase: e.from,
    to_phase: e.to,
    reason:
      (e.fields.returnReason as string | undefined) ?? (e.fields.exitReason as string | undefined) ?? null,
    detail: (e.fields.reasonDetail as string | undefined) ?? null,
    fields: JSON.stringify(recorded),
  };
}

/** The trajectory events and their effects (documents, employment periods). */
async function writeEvents(w: Writer, plan: Plan) {
  const { ctx, trx } = w;
  const orgId = ctx.organisationId;
  const { documents, periods, storedReturns } = eventEffects(plan);
  // A return to pre-hire closes the periods a person of an earlier import still has open.
  for (const { personId, date } of storedReturns) {
    await trx
      .updateTable('employment_period')
      .set({ end_on: sql<string>`greatest(start_on, ${addDays(date, -1)}::date)` })
      .where('person_id', '=', personId)
      .where('organisation_id', '=', orgId)
      .where('end_on', 'is', null)
      .where('start_on', '<=', date)
      .execute();
  }
  await w.insertAll(plan.events, (batch) =>
    trx
      .insertInto('trajectory_event')
      .values(batch.map((e) => eventRow(orgId, ctx.userId, e)))
      .execute(),
  );
  w.remember('event', plan.events);
  await w.insertAll(documents, (batch) =>
    trx
      .insertInto('person_document')
      .values(
        batch.map((d) => ({ ...d, organisation_id: orgId, author_id: ctx.userId, created_at: ctx.now })),
      )
      .execute(),
  );
  await w.insertAll(periods, (batch) =>
    trx
      .insertInto('employment_period')
      .values(
        batch.map((p) => ({ ...p, organisation_id: orgId, created_by: ctx.userId, created_at: ctx.now })),
      )
      .execute(),
  );
}

/** Contacts with persons: new ones inserted, changed ones updated. */
async function writePersonContacts(w: Writer, plan: Plan) {
  const { ctx, trx } = w;
  const orgId = ctx.organisationId;
  // One contact record (domain contacts.ts): about the person, who took part when it was « avec
  // la personne ».
  const contactValues = ({
    with_whom: _withWhom,
    ...values
  }: (typeof plan.personContacts)[number]['row']['values']) => values;
  await w.insertAll(
    plan.personContacts.filter((c) => c.action === 'create'),
    async (batch) => {
      await trx
        .insertInto('contact')
        .values(
          batch.map((c) => ({
            id: c.id,
            organisation_id: orgId,
            ...contactValues(c.row.values),
            author_id: ctx.userId,
            created_at: ctx.now,
          })),
        )
        .execute();
      await trx
        .insertInto('contact_person')
        .values(
          batch.map((c) => ({
            contact_id: c.id,
            organisation_id: orgId,
            person_id: c.personId,
            present: c.row.values.with_whom === 'person',
          })),
        )
        .execute();
    },
  );
  for (const c of plan.personContacts.filter((x) => x.action === 'update')) {
    await trx
      .updateTable('contact')
      .set(contactValues(c.row.values))
      .where('id', '=', c.id)
      .where('organisation_id', '=', orgId)
      .execute();
    await trx.deleteFrom('contact_person').where('contact_id', '=', c.id).execute();
    await trx
      .insertInto('contact_person')
      .values({
        contact_id: c.id,
        organisation_id: orgId,
        person_id: c.personId,
        present: c.row.values.with_whom === 'person',
      })
      .execute();
  }
  w.remember(
    'person_contact',
    plan.personContacts.filter((c) => c.action !== 'unchanged'),
  );
}

/** Contacts with employers: new ones inserted, changed ones updated; a direct one makes a prospect contacted. */
async function writeEmployerContacts(w: Writer, plan: Plan) {
  const { ctx, trx } = w;
  const orgId = ctx.organisationId;
  const newContacts = plan.employerContacts.filter((c) => c.action === 'create');
  // One contact record with the employer (domain contacts.ts), about the person when one is named.
  const about = (c: (typeof newContacts)[number]) =>
    c.personId ? [{ contact_id: c.id, organisation_id: orgId, person_id: c.personId, present: false }] : [];
  await w.insertAll(newContacts, async (batch) => {
    await trx
      .insertInto('contact')
      .values(
        batch.map((c) => ({
          id: c.id,
          organisation_id: orgId,
          employer_id: c.employerId,
          ...c.row.values,
          author_id: ctx.userId,
          created_at: ctx.now,
        })),
      )
      .execute();
    const persons = batch.flatMap(about);
    if (persons.length > 0) await trx.insertInto('contact_person').values(persons).execute();
  });
  for (const c of plan.employerContacts.filter((x) => x.action === 'update')) {
    await trx
      .updateTable('contact')
      .set({ ...c.row.values, employer_id: c.employerId })
      .where('id', '=', c.id)
      .where('organisation_id', '=', orgId)
      .execute();
    await trx.deleteFrom('contact_person').where('contact_id', '=', c.id).execute();
    const persons = about(c);
    if (persons.length > 0) await trx.insertInto('contact_person').values(persons).execute();
  }
  await markContactedEmployers(
    w,
    newContacts.filter((c) => isDirectChannel(c.row.values.channel)).map((c) => c.employerId),
  );
  w.remember(
    'employer_contact',
    plan.employerContacts.filter((c) => c.action !== 'unchanged'),
  );
}

/** A direct contact turns a prospect into a contacted employer, as logging one in the app does. */
async function markContactedEmployers(w: Writer, employerIds: string[]) {
  const contacted = [...new Set(employerIds)];
  for (let i = 0; i < contacted.length; i += BATCH) {
    await w.trx
      .updateTable('employer')
      .set((eb) => ({ status: 'contacted', version: eb('version', '+', 1), updated_at: w.ctx.now }))
      .where('id', 'in', contacted.slice(i, i + BATCH))
      .where('status', '=', 'prospect')
      .execute();
  }
}

/** The mapping of external ids, for the next import of the same files. */
async function writeImportKeys(w: Writer) {
  const { ctx, keys } = w;
  for (let i = 0; i < keys.length; i += BATCH) {
    await w.trx
      .insertInto('history_import_key')
      .values(
        keys.slice(i, i + BATCH).map((k) => ({
          organisation_id: ctx.organisationId,
          entity: k.entity,
          external_id: k.externalId,
          entity_id: k.entityId,
          content_hash: k.hash,
          matched: k.matched,
          job_id: ctx.jobId,
          created_at: ctx.now,
          updated_at: ctx.now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'entity', 'external_id']).doUpdateSet((eb) => ({
          entity_id: eb.ref('excluded.entity_id'),
          content_hash: eb.ref('excluded.content_hash'),
          matched: eb.ref('excluded.matched'),
          job_id: eb.ref('excluded.job_id'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
