import type { ConsentPurpose, HandoffPurpose } from '@jobcoach/contract';

export const PURPOSES: ConsentPurpose[] = ['processing', 'sharing_with_partner', 'employer_contact'];
export const HANDOFF_PURPOSES: HandoffPurpose[] = [
  'report_to_prescriber',
  'referral_to_service',
  'joint_follow_up',
];

/** The person's API address; the privacy routes hang below it. */
export const personPath = (id: string) => `/api/persons/${encodeURIComponent(id)}`;
