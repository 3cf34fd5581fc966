import type { Presentation } from '@jobcoach/contract';
import {
  allowedSteps,
  type IntroductionChannel,
  PRESENTATION_STEP_LABELS,
  type PresentationStep,
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
      'e.name as employer_name',
    ])
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
