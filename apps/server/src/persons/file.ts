import type { PersonFile } from '@jobcoach/contract';
import {
  ageAt,
  allowedTransitions,
  blockedTransitions,
  type CoachabilityDecision,
  type ContractKind,
  cadenceOf,
  cadenceWithFrequency,
  clockOf,
  currentFrequency,
  DEFAULT_CDD_ALERT_DAYS,
  keepsCadence,
  type MembershipRole,
  type Phase,
  PRIORITY_GROUP_LABELS,
  priorityGroups,
  type Studies,
  type TrajectoryFacts,
} from '@jobcoach/domain';
import { plansToHold } from '../agenda/queries.ts';
import { contactsOfPerson } from '../contacts/queries.ts';
import { contractsOf, openContractsOf, toContractView } from '../contracts/queries.ts';
import { asViewer, contactNotesVisible, redactPersonFile, type Viewer } from '../privacy/sensitive.ts';
import { settingsOf } from '../settings/queries.ts';
import type { Db } from './common.ts';
import { followUpOf, personEmployment } from './employment.ts';
import { personInputOf } from './queries.ts';
import { buildTimeline, type TimelineSources } from './timeline.ts';

/** The moves offered to the role, exactly those the domain would accept given the person's facts. */
export function transitionOptions(phase: Phase, role: MembershipRole, facts: TrajectoryFacts) {
  return allowedTransitions(phase, role, facts).map((t) => ({
    id: t.id,
    label: t.label,
    to: t.to,
    requiredFields: [...t.requiredFields],
  }));
}

/**
 * The person with what the file shows beside them, in one statement: the names of the partner who
 * referred them, of who recorded them and of their coach, and the two settings of the organisation
 * the file reads (the cadence, the days before a fixed-term contract's end that raise the alert).
 */
function findPersonWithNames(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('partner as pa', 'pa.id', 'p.referral_partner_id')
    .leftJoin('app_user as creator', 'creator.id', 'p.created_by')
    .leftJoin('app_user as coach', 'coach.id', 'p.coach_id')
    .leftJoin('organisation_settings as s', 's.organisation_id', 'p.organisation_id')
    .selectAll('p')
    .select([
      'pa.name as file_partner_name',
      'creator.name as file_creator_name',
      'coach.name as file_coach_name',
      's.version as file_settings_version',
      's.cadence as file_cadence',
      's.cdd_alert_days as file_cdd_alert_days',
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', '=', id)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Runs reads that do not depend on one another: side by side on the pool (docs/performance.md),
 * one after the other on a transaction's single connection.
 */
async function readAll<T extends readonly unknown[]>(
  db: Db,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!db.isTransaction) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}

function assessmentsOf(db: Db, personId: string) {
  return db
    .selectFrom('coachability_assessment as a')
    .leftJoin('partner as pa', 'pa.id', 'a.redirect_partner_id')
    .leftJoin('app_user as u', 'u.id', 'a.assessor_id')
    .select([
      'a.id',
      'a.assessed_on',
      'a.created_at',
      'a.decision',
      'a.review_date',
      'a.redirect_partner_id',
      'a.reason',
      'a.conditions',
      'pa.name as partner_name',
      'u.name as assessor_name',
    ])
    .where('a.person_id', '=', personId)
    .orderBy('a.created_at', 'desc')
    .execute();
}

function eventsOf(db: Db, personId: string) {
  return db
    .selectFrom('trajectory_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.date',
      'e.at',
      'e.transition_id',
      'e.from_phase',
      'e.to_phase',
      'e.reason',
      'e.detail',
      'e.fields',
      'e.actor_id',
      'e.cancelled_at',
      'e.cancellation_reason',
      'u.name as actor_name',
    ])
    .where('e.person_id', '=', personId)
    .orderBy('e.at')
    .execute();
}

function documentsOf(db: Db, personId: string) {
  return db
    .selectFrom('person_document as d')
    .leftJoin('app_user as u', 'u.id', 'd.author_id')
    .select(['d.id', 'd.kind', 'd.dated_on', 'd.created_at', 'u.name as author_name'])
    .where('d.person_id', '=', personId)
    .execute();
}

function presentationStepsOf(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('presentation_step as s')
    .innerJoin('presentation as pr', 'pr.id', 's.presentation_id')
    .innerJoin('vacancy as v', 'v.id', 'pr.vacancy_id')
    .innerJoin('employer as e', 'e.id', 'v.employer_id')
    .leftJoin('app_user as u', 'u.id', 's.author_id')
    .select([
      's.id',
      's.step',
      's.date',
      's.at',
      's.reason',
      's.channel',
      's.presentation_id',
      's.author_id',
      's.cancelled_at',
      's.cancellation_reason',
      'pr.version as presentation_version',
      'v.title as vacancy_title',
      'e.name as employer_name',
      'u.name as author_name',
    ])
    .where('pr.person_id', '=', personId)
    .where('s.organisation_id', '=', organisationId)
    .orderBy('s.at')
    .execute();
}

export async function employmentsOf(db: Db, personId: string) {
  const rows = await db
    .selectFrom('employment_period')
    .select(['id', 'kind', 'start_on', 'end_on'])
    .where('person_id', '=', personId)
    .orderBy('start_on')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as ContractKind, start: r.start_on, end: r.end_on }));
}

/**
 * The person's whole file as the API shows it: recorded input, intake, computed priority groups,
 * clocks and cadence (domain rules), the moves the caller's role may make, and the timeline.
 * Undefined when the organisation has no such person. The sensitive fields reach only a viewer with
 * the right (privacy/sensitive.ts); a bare role stands for a viewer of that role.
 */
export async function loadPersonFile(
  db: Db,
  organisationId: string,
  id: string,
  who: MembershipRole | Viewer,
  today: string,
): Promise<PersonFile | undefined> {
  const viewer = asViewer(who);
  const role = viewer.role;
  // Every read of the file depends only on the person's id: they go together, and are dropped
  // when the organisation has no such person.
  const [
    found,
    assessments,
    contactRows,
    events,
    documents,
    presentationSteps,
    allContracts,
    periods,
    plans,
  ] = await readAll(db, [
    () => findPersonWithNames(db, organisationId, id),
    () => assessmentsOf(db, id),
    () => contactsOfPerson(db, id),
    () => eventsOf(db, id),
    () => documentsOf(db, id),
    () => presentationStepsOf(db, organisationId, id),
    // Cancelled ones too: the timeline and the contracts show them « annulé »; nothing counts them.
    () => contractsOf(db, organisationId, id, { withCancelled: true }),
    () => employmentsOf(db, id),
    // « Contacts planifiés »: with the file, so that the page is one request and one audited read.
    () => plansToHold(db, id),
  ]);
  if (!found) return undefined;
  const {
    file_partner_name: partnerName,
    file_creator_name: creatorName,
    file_coach_name: coachName,
    file_settings_version: settingsVersion,
    file_cadence: storedCadence,
    file_cdd_alert_days: storedCddAlertDays,
    ...p
  } = found;
  // The organisation's settings as loadSettings and loadContractSettings give them: the defaults
  // while none were saved.
  const cadence = settingsVersion === null ? settingsOf(undefined).cadence : storedCadence!;
  const cddAlertDays = settingsVersion === null ? DEFAULT_CDD_ALERT_DAYS : storedCddAlertDays!;
  const sources: TimelineSources = {
    person: p,
    contracts: allContracts,
    presentationSteps,
    creatorName,
    partnerName,
    assessments,
    // A confidential note is read by its author and by members with the right (privacy/sensitive.ts).
    contacts: contactRows.map((c) => (contactNotesVisible(c, viewer) ? c : { ...c, notes: null })),
    events,
    documents,
  };
  // The clocks read the contracts not cancelled and the hand-entered periods (contracts/, packages/domain contracts).
  const contracts = sources.contracts.filter((l) => l.cancelled_at === null);
  const employment = personEmployment(contracts, periods, today);
  // Each contract with the frequency its arrangement agreed, for the cadence (currentFrequency).
  const agreed = employment.contracts.map((c, i) => ({ ...c, frequency: contracts[i]!.frequency ?? null }));
  // The cadence counts the direct contacts the person took part in, not cancelled (domain contacts.ts).
  const lastDirectContact =
    sources.contacts.find((c) =>
      keepsCadence(
        { channel: c.channel, cancelled: c.cancelled_at !== null },
        {
          personId: p.id,
          present: c.present,
        },
      ),
    )?.date ?? null;
  const state = {
    phase: p.phase as Phase,
    phaseSince: p.phase_since,
    preHireEntry: p.pre_hire_entry,
    lastDirectContact,
  };
  const latest = sources.assessments[0];
  // What the transition guards read, today (domain trajectory.ts).
  const facts: TrajectoryFacts = {
    assessmentDecision: (latest?.decision as CoachabilityDecision | undefined) ?? null,
    preHireEntry: p.pre_hire_entry,
    openContracts: openContractsOf(contracts, today).map((c) => c.label),
  };
  const input = personInputOf(p);
  const entry = p.pre_hire_entry ?? p.referral_received_on;
  return redactPersonFile<PersonFile>(
    {
      ...input,
      id: p.id,
      organisationId: p.organisation_id,
      version: p.version,
      phase: state.phase,
      phaseSince: p.phase_since,
      coachId: p.coach_id,
      coachName,
      referral: {
        kind: p.referral_kind as PersonFile['referral']['kind'],
        partnerId: p.referral_partner_id,
        partnerName: sources.partnerName,
        receivedOn: p.referral_received_on,
        informationSessionOn: p.information_session_on,
        consentOn: p.consent_on,
        consentScope: p.consent_scope,
      },
      assessment: latest
        ? {
            assessedOn: latest.assessed_on,
            conditions: latest.conditions,
            decision: latest.decision as CoachabilityDecision,
            reviewDate: latest.review_date,
            redirectPartnerId: latest.redirect_partner_id,
            redirectPartnerName: latest.partner_name,
            reason: latest.reason,
            assessorName: latest.assessor_name,
          }
        : null,
      trustContractSignedOn: p.trust_contract_signed_on,
      ageToday: p.birth_date ? ageAt(p.birth_date, today) : null,
      // Age at entry into jobcoaching (pre-hire); while still in intake, at the referral.
      ageAtEntry: p.birth_date ? ageAt(p.birth_date, entry) : null,
      priorityGroups: priorityGroups(
        {
          birthDate: p.birth_date,
          monthsWithoutJob: p.months_without_job,
          debtSettlementPlan: p.debt_settlement_plan,
          singleParent: p.single_parent,
          childrenCount: p.children_count,
          studies: p.studies as Studies | null,
        },
        today,
      ).map((code) => ({ code, label: PRIORITY_GROUP_LABELS[code] })),
      clock: clockOf(state, employment.clockPeriods, today),
      cadence: {
        // The follow-up frequency agreed in the arrangement, when there is one, sets the cadence.
        ...cadenceOf(state, today, cadenceWithFrequency(cadence, currentFrequency(agreed))),
        lastDirectContact,
        nextPlanned: sources.contacts.find((c) => c.cancelled_at === null)?.next_planned_on ?? null,
      },
      allowedTransitions: transitionOptions(state.phase, role, facts),
      blockedTransitions: blockedTransitions(state.phase, role, facts).map((b) => ({
        id: b.transition.id,
        guard: b.guard,
      })),
      employmentPeriods: periods,
      contracts: sources.contracts.map((l) => toContractView(l, today, cddAlertDays, state.phase)),
      employmentHistory: employment.history,
      followUp: followUpOf(employment.window, state.phase, today),
      plannedContacts: plans,
      timeline: buildTimeline(sources),
      restricted: [],
    },
    viewer,
  );
}
