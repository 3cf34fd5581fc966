import type {
  EmployerContactPurpose,
  EmployerSector,
  EmployerSizeClass,
  EmployerStatus,
} from '@jobcoach/contract';

// The employer enumerations of the API (docs/api.md), in the order the lists show them. Their
// labels are catalog keys built from these codes: `employerStatus.partner`, `employerPurpose.vacancy`… (the channels are the contacts' one vocabulary, domain contacts.ts)

export const EMPLOYER_STATUSES: readonly EmployerStatus[] = ['prospect', 'contacted', 'partner', 'dormant'];
export const EMPLOYER_SIZE_CLASSES: readonly EmployerSizeClass[] = ['lt10', '10_49', '50_249', '250_plus'];
export const EMPLOYER_SECTORS: readonly EmployerSector[] = ['private', 'public'];
export const EMPLOYER_CONTACT_PURPOSES: readonly EmployerContactPurpose[] = [
  'canvassing',
  'vacancy',
  'follow_up',
  'other',
];
