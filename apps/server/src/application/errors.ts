import { fieldLabel } from './field-labels.ts';

/**
 * How a use case fails: a typed error that the HTTP adapter (http/errors.ts) turns into its answer,
 * and the command line and the import into their messages. `statusCode` is the kind of failure
 * (400 invalid input, 403 not allowed, 404 unknown or out of scope, 409 conflict with the current
 * state…), `code` a stable machine name, the message French, `field` the input field at fault.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'password_change_required'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'transition_not_allowed'
  | 'not_coachable'
  | 'duplicate_employer'
  | 'basin_overlap'
  | 'presentation_cap'
  | 'step_not_allowed'
  | 'discreet_follow_up'
  | 'consent_required'
  | 'person_erased'
  | 'invalid_credentials'
  | 'totp_required'
  | 'totp_invalid'
  | 'totp_enrolment_required'
  | 'locked'
  | 'rate_limited'
  | 'csrf'
  | 'database_unavailable'
  | 'shutting_down'
  | 'internal';

/** A value of a message parameter: a number, a code, an ISO date, a name, or a list of codes. */
export type MessageParam = string | number | boolean | null | string[];

/**
 * What lets a client write the message in its own language: a stable message key (the web's
 * catalogs have `apiError.<key>`) and its parameters (`{ field: 'startDate' }`, `{ max: 100 }`…).
 * An error without one is shown in French, its `message`.
 */
export interface ErrorText {
  key: string;
  params?: Record<string, MessageParam>;
}

/** An error the API reports as such: a status, a code, a French message, maybe a field and a key. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
    text?: ErrorText,
  ) {
    super(message);
    this.text = text ?? impliedText(code, message);
  }
  readonly text: ErrorText | undefined;
}

/** « Personne introuvable. » built by hand is keyed like notFound('Personne'). */
function impliedText(code: ErrorCode, message: string): ErrorText | undefined {
  if (code !== 'not_found') return undefined;
  // Only the plain « X introuvable. »: a message that says more stays in French.
  const what = /^(.+) introuvable\.$/.exec(message)?.[1];
  return what && what in RECORD_CODES
    ? { key: 'not_found', params: { record: RECORD_CODES[what]! } }
    : undefined;
}

/** The French name of a record, as the use cases pass it to notFound, and its stable code. */
const RECORD_CODES: Record<string, string> = {
  Élément: 'item',
  Personne: 'person',
  Organisation: 'organisation',
  'Offre d’emploi': 'vacancy',
  Employeur: 'employer',
  Membre: 'member',
  Import: 'import',
  Contrat: 'contract',
  Contact: 'contact',
  Candidature: 'presentation',
  Présentation: 'presentation',
  Étape: 'presentation_step',
  Utilisateur: 'user',
  Session: 'session',
  'Règle d’aide à l’embauche': 'hiring_aid_rule',
  'Période d’emploi': 'employment_period',
  Partenaire: 'partner',
  Demande: 'basin_request',
  Invitation: 'invitation',
  Document: 'document',
  Ressource: 'item',
  Consentement: 'consent',
  'Changement de phase': 'transition',
  Absence: 'absence',
  "Bassin d'emploi": 'basin',
};

/** The stable code of a record named in French (`Personne` → `person`), `item` when unknown. */
export const recordCode = (what: string) => RECORD_CODES[what] ?? 'item';

export const notFound = (what = 'Élément', field?: string) =>
  new AppError(404, 'not_found', `${what} introuvable.`, field, undefined, {
    key: 'not_found',
    params: { record: recordCode(what) },
  });
const FORBIDDEN = "Vous n'avez pas le droit d'effectuer cette action.";
export const forbidden = (message = FORBIDDEN, text?: ErrorText) =>
  new AppError(
    403,
    'forbidden',
    message,
    undefined,
    undefined,
    text ?? (message === FORBIDDEN ? { key: 'forbidden' } : undefined),
  );
export const totpEnrolmentRequired = () =>
  new AppError(
    403,
    'totp_enrolment_required',
    'Votre organisation exige une double authentification : activez-la d’abord dans « Sécurité du compte ».',
  );
/** Invalid input on a field; with a key, the client words it itself (`params.field` is added). */
export const invalid = (
  field: string,
  message: string,
  key?: string,
  params?: Record<string, MessageParam>,
) =>
  new AppError(
    400,
    'validation',
    `« ${fieldLabel(field)} » : ${message}`,
    field,
    undefined,
    key ? { key, params: { field, ...params } } : undefined,
  );

/** A domain rule's refusal (FieldError: its French message, maybe a key), as a 400 on its field. */
export const refusal = (error: {
  field: string;
  message: string;
  key?: string;
  params?: Record<string, MessageParam>;
}) =>
  new AppError(
    400,
    'validation',
    error.message,
    error.field,
    undefined,
    error.key ? { key: error.key, params: { field: error.field, ...error.params } } : undefined,
  );
export const staleVersion = (current: unknown) =>
  new AppError(
    409,
    'stale_version',
    "Quelqu'un d'autre a modifié cet élément entre-temps. Vos changements n'ont pas été enregistrés : rechargez pour voir la version actuelle.",
    undefined,
    { current },
    { key: 'stale_version' },
  );
