import type { Arrangement, ContractView } from '@jobcoach/contract';
import {
  CONTRACT_END_REASON_LABELS,
  CONTRACT_TYPE_LABELS,
  type Contract,
  type ContractEndReason,
  type ContractType,
  cddEndAlert,
  compareDates,
  contractStatus,
  DEFAULT_CDD_ALERT_DAYS,
  endReasonsFor,
  FOLLOW_UP_MODE_LABELS,
  type FollowUpMode,
  HIRING_AID_LABELS,
  type HiringAid,
  isEmploymentContract,
  openContractsOn,
  type Phase,
  THREE_WAY_REASON_LABELS,
  type ThreeWayReason,
} from '@jobcoach/domain';
import type { Db } from '../persons/common.ts';

/**
 * A contract with what its views need: employer, vacancy, the contract continuing it, its
 * arrangement. Only the contracts not cancelled unless asked: a contract cancelled as entered by
 * mistake counts for nothing (clocks, guards, « Ma journée »); the person's file still shows it.
 */
export function selectContracts(db: Db, organisationId: string, opts: { withCancelled?: boolean } = {}) {
  const query = db
    .selectFrom('contract as k')
    .innerJoin('employer as e', 'e.id', 'k.employer_id')
    .leftJoin('vacancy as v', (j) =>
      j.onRef('v.id', '=', 'k.vacancy_id').onRef('v.organisation_id', '=', 'k.organisation_id'),
    )
    .leftJoin('follow_up_arrangement as a', 'a.contract_id', 'k.id')
    .leftJoin('app_user as u', 'u.id', 'k.created_by')
    .selectAll('k')
    .select([
      'u.name as author_name',
      'e.name as employer_name',
      'e.reference_name as employer_reference_name',
      'e.reference_role as employer_reference_role',
      'e.reference_phone as employer_reference_phone',
      'e.reference_email as employer_reference_email',
      'v.title as vacancy_title',
      'a.id as arrangement_id',
      'a.reference_name',
      'a.reference_role',
      'a.reference_phone',
      'a.reference_email',
      'a.mode',
      'a.three_way_reason',
      'a.three_way_detail',
      'a.frequency',
      'a.consent_on',
      'a.discreet',
      'a.notes',
      'a.version as arrangement_version',
    ])
    .select((eb) =>
      eb
        .selectFrom('contract as n')
        .select('n.id')
        .whereRef('n.converted_from_contract_id', '=', 'k.id')
        .where('n.cancelled_at', 'is', null)
        .limit(1)
        .as('converted_to_id'),
    )
    .where('k.organisation_id', '=', organisationId)
    .orderBy('k.start_on', 'desc')
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id');
  return opts.withCancelled ? query : query.where('k.cancelled_at', 'is', null);
}
export type ContractLine = Awaited<ReturnType<ReturnType<typeof selectContracts>['execute']>>[number];

/** The person's contracts not cancelled (all of them with withCancelled), newest start first. */
export function contractsOf(
  db: Db,
  organisationId: string,
  personId: string,
  opts: { withCancelled?: boolean } = {},
) {
  return selectContracts(db, organisationId, opts).where('k.person_id', '=', personId).execute();
}

/** The contracts of several persons, by person. */
export async function contractsByPerson(db: Db, organisationId: string, personIds: string[]) {
  const byPerson = new Map<string, ContractLine[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await selectContracts(db, organisationId).where('k.person_id', 'in', personIds).execute();
  for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
  return byPerson;
}

/** One contract, cancelled or not. */
export function findContract(db: Db, organisationId: string, id: string) {
  return selectContracts(db, organisationId, { withCancelled: true })
    .where('k.id', '=', id)
    .executeTakeFirst();
}

/** The contract row itself, locked for the rest of the transaction. */
export function lockContract(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('contract')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The contract as the domain's rules read it. */
export function toDomainContract(r: {
  id: string;
  type: string;
  signed_on: string;
  start_on: string;
  planned_end_on: string | null;
  actual_end_on: string | null;
  end_reason: string | null;
  converted_from_contract_id: string | null;
}): Contract {
  return {
    id: r.id,
    type: r.type as ContractType,
    signedOn: r.signed_on,
    start: r.start_on,
    plannedEnd: r.planned_end_on,
    actualEnd: r.actual_end_on,
    endReason: r.end_reason as ContractEndReason | null,
    convertedFromId: r.converted_from_contract_id,
  };
}

function arrangementOf(r: ContractLine): Arrangement | null {
  if (!r.arrangement_id) return null;
  const mode = r.mode as FollowUpMode;
  const threeWayReason = r.three_way_reason as ThreeWayReason | null;
  return {
    id: r.arrangement_id,
    contractId: r.id,
    reference: r.reference_name
      ? { name: r.reference_name, role: r.reference_role, phone: r.reference_phone, email: r.reference_email }
      : null,
    mode,
    modeLabel: FOLLOW_UP_MODE_LABELS[mode],
    threeWayReason,
    threeWayReasonLabel: threeWayReason ? THREE_WAY_REASON_LABELS[threeWayReason] : null,
    threeWayDetail: r.three_way_detail,
    frequency: r.frequency ?? null,
    consentOn: r.consent_on,
    discreet: r.discreet ?? false,
    notes: r.notes,
    version: r.arrangement_version ?? 1,
  };
}

const stamp = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/** The contract as the API shows it, read on `today` for a person in `phase`. */
export function toContractView(
  r: ContractLine,
  today: string,
  alertDays: number,
  phase: Phase,
): ContractView {
  const c = toDomainContract(r);
  const type = c.type;
  const status = contractStatus(c, today);
  const endReason = c.endReason;
  const cancelled = r.cancelled_at !== null;
  return {
    id: r.id,
    personId: r.person_id,
    employerId: r.employer_id,
    employerName: r.employer_name,
    employerReference: r.employer_reference_name
      ? {
          name: r.employer_reference_name,
          role: r.employer_reference_role,
          phone: r.employer_reference_phone,
          email: r.employer_reference_email,
        }
      : null,
    vacancyId: r.vacancy_id,
    vacancyTitle: r.vacancy_title ?? null,
    presentationId: r.presentation_id,
    type,
    typeLabel: CONTRACT_TYPE_LABELS[type],
    signedOn: r.signed_on,
    start: r.start_on,
    plannedEnd: r.planned_end_on,
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    jobTitle: r.job_title,
    hiringAids: (r.hiring_aids as HiringAid[]).map((code) => ({
      code,
      label: HIRING_AID_LABELS[code] ?? code,
    })),
    actualEnd: r.actual_end_on,
    endReason,
    endReasonLabel: endReason ? CONTRACT_END_REASON_LABELS[endReason] : null,
    endDetail: r.end_detail,
    convertedFromContractId: r.converted_from_contract_id,
    convertedToContractId: r.converted_to_id ?? null,
    status,
    employment: isEmploymentContract(type),
    endReasons:
      c.actualEnd === null && !cancelled
        ? endReasonsFor(c).map((reason) => ({ reason, label: CONTRACT_END_REASON_LABELS[reason] }))
        : [],
    alert: cancelled ? null : cddEndAlert(c, today, alertDays),
    canStartFollowUp:
      !cancelled &&
      phase === 'hiring' &&
      isEmploymentContract(type) &&
      c.actualEnd === null &&
      compareDates(c.start, today) <= 0,
    arrangement: arrangementOf(r),
    cancelled: r.cancelled_at ? { at: stamp(r.cancelled_at), reason: r.cancellation_reason ?? '' } : null,
    corrected: r.corrected_at ? { at: stamp(r.corrected_at), reason: r.correction_reason ?? '' } : null,
    version: r.version,
  };
}

/** The organisation's contract settings (default 21 days of CDD alert, version 0 while none saved). */
export async function loadContractSettings(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('organisation_settings')
    .select(['cdd_alert_days', 'version'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row
    ? { cddAlertDays: row.cdd_alert_days, version: row.version }
    : { cddAlertDays: DEFAULT_CDD_ALERT_DAYS, version: 0 };
}

/** The contracts still running on `day`, with their names (« job » chez employer). */
export function openContractsOf(contracts: readonly ContractLine[], day: string) {
  const lines = new Map(contracts.map((c) => [c.id, c]));
  return openContractsOn(contracts.map(toDomainContract), day).map((c) => {
    const line = lines.get(c.id)!;
    return { id: c.id, label: `« ${line.job_title} » chez ${line.employer_name}` };
  });
}
