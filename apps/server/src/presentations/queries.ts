import type { Presentation } from '@jobcoach/contract';
import {
  allowedSteps,
  contractDraftFrom,
  type IntroductionChannel,
  PRESENTATION_STEP_LABELS,
  type PresentationStep,
  type VacancyContractType,
} from '@jobcoach/domain';
import { type PersonScope, personInScope } from '../application/person-scope.ts';
import type { Db } from '../persons/common.ts';

/** The organisation's presentations, filtered, newest activity first, with their history. */
export async function loadPresentations(
  db: Db,
  organisationId: string,
  filter: { id?: string; personId?: string; vacancyId?: string; limit?: number; scope?: PersonScope },
): Promise<Presentation[]> {
  let q = db
    .selectFrom('presentation as p')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.id', '=', 'p.person_id').onRef('pe.organisation_id', '=', 'p.organisation_id'),
    )
    .innerJoin('vacancy as v', (j) =>
      j.onRef('v.id', '=', 'p.vacancy_id').onRef('v.organisation_id', '=', 'p.organisation_id'),
    )
    .innerJoin('employer as e', 'e.id', 'v.employer_id')
    .select([
      'p.id',
      'p.person_id',
      'p.vacancy_id',
      'p.step',
      'p.active',
      'p.version',
      'pe.first_name',
      'pe.last_name',
      'v.title',
      'v.employer_id',
      'v.contract_type',
      'v.contract_months',
      'v.hours_per_week',
      'e.name as employer_name',
    ])
    // The contract signed for this presentation, if one was recorded (the hire is entered once).
    .select((eb) =>
      eb
        .selectFrom('contract as k')
        .select('k.id')
        .whereRef('k.presentation_id', '=', 'p.id')
        .where('k.cancelled_at', 'is', null)
        .limit(1)
        .as('contract_id'),
    )
    .where('p.organisation_id', '=', organisationId)
    .where('pe.deleted_at', 'is', null)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id');
  if (filter.id) q = q.where('p.id', '=', filter.id);
  if (filter.personId) q = q.where('p.person_id', '=', filter.personId);
  // Only the persons the caller reaches (a jobcoach: own caseload, application/person-scope.ts).
  if (filter.scope) q = q.where(personInScope(filter.scope, 'pe'));
  if (filter.vacancyId) q = q.where('p.vacancy_id', '=', filter.vacancyId);
  if (filter.limit) q = q.limit(filter.limit);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const steps = await db
    .selectFrom('presentation_step as s')
    .leftJoin('app_user as u', 'u.id', 's.author_id')
    .select(['s.presentation_id', 's.step', 's.date', 's.reason', 's.channel', 'u.name as author_name'])
    .where('s.organisation_id', '=', organisationId)
    .where('s.cancelled_at', 'is', null)
    .where(
      's.presentation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('s.at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => {
    const step = r.step as PresentationStep;
    return {
      id: r.id,
      personId: r.person_id,
      vacancyId: r.vacancy_id,
      step,
      active: r.active,
      personName: `${r.first_name} ${r.last_name}`,
      vacancyTitle: r.title,
      employerName: r.employer_name,
      allowedSteps: allowedSteps(step).map((s) => ({ step: s, label: PRESENTATION_STEP_LABELS[s] })),
      contractId: r.contract_id,
      // Hired and no contract recorded yet: the contract form is filled from the offer.
      contractDraft:
        step === 'hired' && r.contract_id === null
          ? contractDraftFrom({
              employerId: r.employer_id,
              employerName: r.employer_name,
              vacancyId: r.vacancy_id,
              title: r.title,
              contractType: r.contract_type as VacancyContractType,
              contractMonths: r.contract_months,
              hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
            })
          : null,
      history: steps
        .filter((s) => s.presentation_id === r.id)
        .map((s) => ({
          step: s.step as PresentationStep,
          label: PRESENTATION_STEP_LABELS[s.step as PresentationStep],
          date: s.date,
          reason: s.reason,
          channel: s.channel as IntroductionChannel | null,
          authorName: s.author_name,
        })),
      version: r.version,
    };
  });
}

export async function loadPresentation(db: Db, organisationId: string, id: string) {
  return (await loadPresentations(db, organisationId, { id }))[0];
}
