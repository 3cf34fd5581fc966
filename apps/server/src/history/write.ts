import type { Database, Transaction } from '@jobcoach/db';
import { sql } from '@jobcoach/db';
import {
  addDays,
  compareDates,
  isEmploymentContract,
  maxDate,
  TRANSITION_FIELD_LABELS,
} from '@jobcoach/domain';
import type { HistoryEntity } from './format.ts';
import type { Plan } from './plan.ts';

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

export async function writePlan(trx: Trx, ctx: WriteContext, plan: Plan): Promise<void> {
  const { organisationId: orgId, userId, now } = ctx;
  let written = 0;
  const progress = async (n: number) => {
    written += n;
    await ctx.onProgress?.(written);
  };
  async function insertAll<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await insert(batch);
      await progress(batch.length);
    }
  }
  const keys: {
    entity: HistoryEntity;
    externalId: string;
    entityId: string;
    hash: string;
    matched: boolean;
  }[] = [];

  // ---- partners named as prescribers ----
  await insertAll(plan.partners, (batch) =>
    trx
      .insertInto('partner')
      .values(batch.map((p) => ({ id: p.id, organisation_id: orgId, name: p.name, type: 'other' })))
      .execute(),
  );

  // ---- employers ----
  const newEmployers = plan.employers.filter((e) => e.action === 'create' && !e.matched);
  await insertAll(newEmployers, (batch) =>
    trx
      .insertInto('employer')
      .values(
        batch.map((e) => ({
          id: e.id,
          basin_id: ctx.basinId,
          ...e.row.values,
          status: e.row.values.status ?? 'prospect',
          created_by_organisation_id: orgId,
          created_by: userId,
          created_at: now,
          updated_at: now,
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
        updated_at: now,
      }))
      .where('id', '=', e.id)
      .where('basin_id', '=', ctx.basinId)
      .execute();
  }
  for (const e of plan.employers) {
    if (e.action === 'unchanged') continue;
    keys.push({
      entity: 'employer',
      externalId: e.row.externalId,
      entityId: e.id,
      hash: e.row.hash,
      matched: e.matched,
    });
  }

  // ---- persons ----
  const personColumns = (p: Plan['persons'][number]) => ({
    ...p.row!.values,
    referral_kind: p.row!.referralKind,
    referral_partner_id: p.partnerId,
    referral_received_on: p.row!.referralDate,
    coach_id: p.coachId,
  });
  const stateColumns = (p: Plan['persons'][number]) => ({
    phase: p.state.phase,
    phase_since: p.state.since,
    pre_hire_entry: p.state.preHireEntry,
    trust_contract_signed_on: p.state.trustContractSignedOn,
  });
  await insertAll(
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
            created_by: userId,
            created_at: now,
            updated_at: now,
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
        updated_at: now,
      }))
      .where('id', '=', p.id)
      .where('organisation_id', '=', orgId)
      .execute();
  }
  for (const p of plan.persons) {
    if (p.row && p.action !== 'unchanged') {
      keys.push({
        entity: 'person',
        externalId: p.row.externalId,
        entityId: p.id,
        hash: p.row.hash,
        matched: false,
      });
    }
  }

  // ---- contracts (a contract may continue another of the same batch: one statement holds both) ----
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
  await insertAll(ordered, (batch) =>
    trx
      .insertInto('contract')
      .values(
        batch.map((c) => ({
          id: c.id,
          organisation_id: orgId,
          ...contractColumns(c),
          created_by: userId,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute(),
  );
  for (const c of plan.contracts.filter((x) => x.action === 'update')) {
    await trx
      .updateTable('contract')
      .set((eb) => ({ ...contractColumns(c), version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', c.id)
      .where('organisation_id', '=', orgId)
      .execute();
  }
  for (const c of plan.contracts) {
    if (c.action !== 'unchanged') {
      keys.push({
        entity: 'contract',
        externalId: c.row.externalId,
        entityId: c.id,
        hash: c.row.hash,
        matched: false,
      });
    }
  }
  // Signing makes the employer a partner (decisions.md), as signing through the app does.
  const hiring = [
    ...new Set(newContracts.filter((c) => isEmploymentContract(c.row.values.type)).map((c) => c.employerId)),
  ];
  for (let i = 0; i < hiring.length; i += BATCH) {
    await trx
      .updateTable('employer')
      .set((eb) => ({ status: 'partner', version: eb('version', '+', 1), updated_at: now }))
      .where('id', 'in', hiring.slice(i, i + BATCH))
      .where('status', 'in', ['prospect', 'contacted'])
      .execute();
  }

  // ---- trajectory events and their effects ----
  const statesBefore = new Map(plan.persons.map((p) => [p.id, p]));
  const documents: { person_id: string; kind: string; dated_on: string }[] = [];
  const periods: { person_id: string; kind: string; start_on: string; end_on: string | null }[] = [];
  const openPeriods = new Map<string, (typeof periods)[number][]>();
  const trustSeen = new Map<string, string | null>();
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
      if (statesBefore.get(e.personId)?.appended) {
        await trx
          .updateTable('employment_period')
          .set({ end_on: sql<string>`greatest(start_on, ${lastDay}::date)` })
          .where('person_id', '=', e.personId)
          .where('organisation_id', '=', orgId)
          .where('end_on', 'is', null)
          .where('start_on', '<=', date)
          .execute();
      }
    } else if (e.row.transitionId === 'exit' && fields.exitReason === 'consolidated_insertion') {
      documents.push({ person_id: e.personId, kind: 'end_letter', dated_on: date });
    }
  }
  await insertAll(plan.events, (batch) =>
    trx
      .insertInto('trajectory_event')
      .values(
        batch.map((e) => {
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
              (e.fields.returnReason as string | undefined) ??
              (e.fields.exitReason as string | undefined) ??
              null,
            detail: (e.fields.reasonDetail as string | undefined) ?? null,
            fields: JSON.stringify(recorded),
          };
        }),
      )
      .execute(),
  );
  for (const e of plan.events) {
    keys.push({
      entity: 'event',
      externalId: e.row.externalId,
      entityId: e.id,
      hash: e.row.hash,
      matched: false,
    });
  }
  if (documents.length > 0) {
    await insertAll(documents, (batch) =>
      trx
        .insertInto('person_document')
        .values(batch.map((d) => ({ ...d, organisation_id: orgId, author_id: userId, created_at: now })))
        .execute()
        .then(() => undefined),
    );
  }
  if (periods.length > 0) {
    await insertAll(periods, (batch) =>
      trx
        .insertInto('employment_period')
        .values(batch.map((p) => ({ ...p, organisation_id: orgId, created_by: userId, created_at: now })))
        .execute(),
    );
  }

  // ---- contacts ----
  await insertAll(
    plan.personContacts.filter((c) => c.action === 'create'),
    (batch) =>
      trx
        .insertInto('contact')
        .values(
          batch.map((c) => ({
            id: c.id,
            organisation_id: orgId,
            person_id: c.personId,
            ...c.row.values,
            author_id: userId,
            created_at: now,
          })),
        )
        .execute(),
  );
  for (const c of plan.personContacts.filter((x) => x.action === 'update')) {
    await trx
      .updateTable('contact')
      .set({ ...c.row.values, person_id: c.personId })
      .where('id', '=', c.id)
      .where('organisation_id', '=', orgId)
      .execute();
  }
  const newEmployerContacts = plan.employerContacts.filter((c) => c.action === 'create');
  await insertAll(newEmployerContacts, (batch) =>
    trx
      .insertInto('employer_contact')
      .values(
        batch.map((c) => ({
          id: c.id,
          organisation_id: orgId,
          employer_id: c.employerId,
          person_id: c.personId,
          ...c.row.values,
          author_id: userId,
          created_at: now,
        })),
      )
      .execute(),
  );
  for (const c of plan.employerContacts.filter((x) => x.action === 'update')) {
    await trx
      .updateTable('employer_contact')
      .set({ ...c.row.values, employer_id: c.employerId, person_id: c.personId })
      .where('id', '=', c.id)
      .where('organisation_id', '=', orgId)
      .execute();
  }
  // A direct contact turns a prospect into a contacted employer, as logging one in the app does.
  const contacted = [
    ...new Set(
      newEmployerContacts
        .filter((c) => ['visit', 'phone'].includes(c.row.values.channel))
        .map((c) => c.employerId),
    ),
  ];
  for (let i = 0; i < contacted.length; i += BATCH) {
    await trx
      .updateTable('employer')
      .set((eb) => ({ status: 'contacted', version: eb('version', '+', 1), updated_at: now }))
      .where('id', 'in', contacted.slice(i, i + BATCH))
      .where('status', '=', 'prospect')
      .execute();
  }
  for (const c of plan.personContacts) {
    if (c.action !== 'unchanged') {
      keys.push({
        entity: 'person_contact',
        externalId: c.row.externalId,
        entityId: c.id,
        hash: c.row.hash,
        matched: false,
      });
    }
  }
  for (const c of plan.employerContacts) {
    if (c.action !== 'unchanged') {
      keys.push({
        entity: 'employer_contact',
        externalId: c.row.externalId,
        entityId: c.id,
        hash: c.row.hash,
        matched: false,
      });
    }
  }

  // ---- the mapping of external ids, for the next import of the same files ----
  for (let i = 0; i < keys.length; i += BATCH) {
    await trx
      .insertInto('history_import_key')
      .values(
        keys.slice(i, i + BATCH).map((k) => ({
          organisation_id: orgId,
          entity: k.entity,
          external_id: k.externalId,
          entity_id: k.entityId,
          content_hash: k.hash,
          matched: k.matched,
          job_id: ctx.jobId,
          created_at: now,
          updated_at: now,
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
