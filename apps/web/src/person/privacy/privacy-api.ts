export type Purpose = 'processing' | 'sharing_with_partner' | 'employer_contact';
export type HandoffPurpose = 'report_to_prescriber' | 'referral_to_service' | 'joint_follow_up';

export type Consent = {
  id: string;
  purpose: Purpose;
  partnerId: string | null;
  partnerName: string | null;
  givenOn: string;
  informationOn: string | null;
  notice: string | null;
  note: string | null;
  withdrawnOn: string | null;
  active: boolean;
  recordedByName: string | null;
};

export type Handoff = {
  id: string;
  partnerName: string;
  purpose: HandoffPurpose;
  sharedOn: string;
  sharedByName: string | null;
  sections: string[];
};

export const PURPOSES: Purpose[] = ['processing', 'sharing_with_partner', 'employer_contact'];
export const HANDOFF_PURPOSES: HandoffPurpose[] = [
  'report_to_prescriber',
  'referral_to_service',
  'joint_follow_up',
];

/** The person's API address; the privacy routes hang below it. */
export const personPath = (id: string) => `/api/persons/${encodeURIComponent(id)}`;
