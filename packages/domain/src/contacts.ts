import { compareDates, type IsoDate } from './calendar.ts';
import type { FieldError } from './coachability.ts';
import type { MembershipRole } from './organisation.ts';

/**
 * Contacts (method.md §5, §6, §7): one record per conversation, visit or message, with who took
 * part. A contact is about one or more coached persons, and/or with an employer of the basin's
 * registry; the same visit to a company about a person in follow-up counts for the person's
 * cadence (when the person took part) and among « Employeurs contactés » (when direct), and shows on
 * the person's timeline and on the employer's page. One vocabulary of channels serves every form.
 */
export const CONTACT_CHANNELS = [
  'office_meeting',
  'visit',
  'phone',
  'video',
  'sms_messaging',
  'attempt_no_answer',
  'letter_email',
  'group_session',
  'event',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  office_meeting: 'Entretien au bureau',
  visit: 'Visite sur place (entreprise, lieu de travail, domicile)',
  phone: 'Téléphone',
  video: 'Visioconférence',
  sms_messaging: 'SMS ou messagerie',
  attempt_no_answer: 'Tentative sans réponse',
  letter_email: 'Courrier ou e-mail',
  group_session: 'Réunion ou séance collective',
  event: 'Événement (salon, job day…)',
};

/**
 * Direct contacts are live and personal: face to face or by phone (the report's « contact direct et
 * personnel », method.md §7). A video call counts as direct by decision: it is a live conversation,
 * like a phone call. Messages, letters, collective sessions, events and a call nobody answered are
 * not direct: they keep neither the cadence nor « Employeurs contactés ».
 */
export const DIRECT_CHANNELS: readonly ContactChannel[] = ['office_meeting', 'visit', 'phone', 'video'];

export function isDirectChannel(channel: ContactChannel): boolean {
  return DIRECT_CHANNELS.includes(channel);
}

/**
 * The channels of the two earlier vocabularies (a person's contacts, an employer's contacts), as
 * the one vocabulary names them: for the migration of recorded contacts and for old import files.
 * Direct stays direct and indirect stays indirect.
 */
export const EARLIER_CHANNELS: Readonly<Record<string, ContactChannel>> = {
  workplace_visit: 'visit',
  meeting: 'group_session',
};

/** Why a contact with an employer was made. */
export const CONTACT_PURPOSES = ['canvassing', 'vacancy', 'follow_up', 'other'] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];

export const CONTACT_PURPOSE_LABELS: Record<ContactPurpose, string> = {
  canvassing: 'Démarchage',
  vacancy: 'Offre d’emploi',
  follow_up: 'Suivi en entreprise',
  other: 'Autre',
};

/** A coached person the contact is about, and whether the person took part in it. */
export interface ContactPerson {
  personId: string;
  present: boolean;
}

export interface ContactInput {
  date: IsoDate;
  channel: ContactChannel;
  persons: readonly ContactPerson[];
  employerId: string | null;
  /** Someone else who took part (a partner's worker, a relative), as free text. */
  counterpart: string | null;
  nextPlannedOn: IsoDate | null;
}

/**
 * Checks a contact before it is recorded: about someone (a person or an employer), each person
 * once, not in the future, the next contact not before this one.
 */
export function validateContact(c: ContactInput, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (c.persons.length === 0 && c.employerId === null && !c.counterpart) {
    errors.push({
      field: 'persons',
      message:
        'Indiquez avec qui le contact a eu lieu : une personne coachée, un employeur ou un autre interlocuteur.',
    });
  }
  if (new Set(c.persons.map((p) => p.personId)).size !== c.persons.length) {
    errors.push({ field: 'persons', message: 'Une même personne est citée deux fois.' });
  }
  if (compareDates(c.date, today) > 0) {
    errors.push({ field: 'date', message: 'La date du contact ne peut pas être dans le futur.' });
  }
  if (c.nextPlannedOn && compareDates(c.nextPlannedOn, c.date) < 0) {
    errors.push({ field: 'nextPlannedOn', message: 'Le prochain contact ne peut pas précéder celui-ci.' });
  }
  return errors;
}

/** Whether a contact keeps a person's cadence: direct, with the person taking part, not cancelled. */
export function keepsCadence(
  c: { channel: ContactChannel; cancelled: boolean },
  person: ContactPerson,
): boolean {
  return !c.cancelled && person.present && isDirectChannel(c.channel);
}

/** Whether a contact counts among « Employeurs contactés »: direct, with an employer, not cancelled. */
export function countsAsEmployerContact(c: {
  channel: ContactChannel;
  employerId: string | null;
  cancelled: boolean;
}): boolean {
  return !c.cancelled && c.employerId !== null && isDirectChannel(c.channel);
}

/**
 * Corrections (« Corriger », « Annuler »): a contact, a presentation step, a contract or the last
 * move of a trajectory entered by mistake is corrected or cancelled, never deleted. Its author or a
 * coordinator of the organisation may do it, with a reason; the timeline shows it as corrected or
 * cancelled and the audit log keeps both versions. Every count and clock reads the corrected facts.
 */
export const CORRECTION_REASON_MAX = 500;

export function mayCorrect(
  entry: { authorId: string | null },
  actor: { userId: string; role: MembershipRole | 'admin' },
) {
  return actor.role === 'admin' || actor.role === 'coordinator' || entry.authorId === actor.userId;
}

export function validateCorrectionReason(reason: string | null | undefined): FieldError[] {
  const text = reason?.trim() ?? '';
  if (text.length < 3) {
    return [
      {
        field: 'reason',
        message: 'Dites en quelques mots pourquoi vous corrigez ou annulez cette saisie.',
        key: 'correction.reason_required',
      },
    ];
  }
  if (text.length > CORRECTION_REASON_MAX) {
    return [
      {
        field: 'reason',
        message: `Le motif compte au plus ${CORRECTION_REASON_MAX} caractères.`,
        key: 'correction.reason_too_long',
        params: { max: CORRECTION_REASON_MAX },
      },
    ];
  }
  return [];
}
