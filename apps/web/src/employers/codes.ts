import type {
  EmployerContactChannel,
  EmployerContactPurpose,
  EmployerSector,
  EmployerSizeClass,
  EmployerStatus,
} from '@jobcoach/contract';

// The employer enumerations of the API (docs/api.md), in the order the lists show them. Their
// labels are catalog keys built from these codes: `employerStatus.partner`, `employerChannel.visit`…

export const EMPLOYER_STATUSES: readonly EmployerStatus[] = ['prospect', 'contacted', 'partner', 'dormant'];
export const EMPLOYER_SIZE_CLASSES: readonly EmployerSizeClass[] = ['lt10', '10_49', '50_249', '250_plus'];
export const EMPLOYER_SECTORS: readonly EmployerSector[] = ['private', 'public'];
export const EMPLOYER_CONTACT_CHANNELS: readonly EmployerContactChannel[] = [
  'visit',
  'phone',
  'letter_email',
  'meeting',
  'event',
];
/**
 * Visits and phone calls are the direct contacts (the server marks each contact `direct`); the
 * list of channels says so before the contact is saved.
 */
export const DIRECT_EMPLOYER_CHANNELS: readonly EmployerContactChannel[] = ['visit', 'phone'];
export const EMPLOYER_CONTACT_PURPOSES: readonly EmployerContactPurpose[] = [
  'canvassing',
  'vacancy',
  'follow_up',
  'other',
];
