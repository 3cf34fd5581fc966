import type { VacancySource } from '@jobcoach/contract';

export const VACANCY_SOURCE_LABELS: Record<VacancySource, string> = {
  forem: 'FOREm',
  newspaper: 'Journal',
  union_delegate: 'Délégué·e syndical·e',
  canvassing: 'Démarchage',
  employer_request: 'Demande de l’employeur',
  other: 'Autre',
};
