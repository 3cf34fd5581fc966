import type { EmployerContactChannel } from '@jobcoach/contract';

/** Visits and phone calls are the direct personal contacts (method.md §7). */
export const DIRECT_EMPLOYER_CHANNELS: readonly EmployerContactChannel[] = ['visit', 'phone'];

export const EMPLOYER_CONTACT_CHANNEL_LABELS: Record<EmployerContactChannel, string> = {
  visit: 'Visite',
  phone: 'Téléphone',
  letter_email: 'Courrier ou e-mail',
  meeting: 'Réunion',
  event: 'Événement',
};
