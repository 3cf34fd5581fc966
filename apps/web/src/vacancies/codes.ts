import type { VacancySource, VacancyStatus } from '@jobcoach/contract';

// The vacancy enumerations of the API that the domain does not hold (contract types, schedules,
// diplomas, languages and physical demands come from @jobcoach/domain). Labels: `vacancySource.forem`…

export const VACANCY_SOURCES: readonly VacancySource[] = [
  'forem',
  'newspaper',
  'union_delegate',
  'canvassing',
  'employer_request',
  'other',
];
export const VACANCY_STATUSES: readonly VacancyStatus[] = ['open', 'filled', 'closed'];
