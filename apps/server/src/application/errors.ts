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

/** An error the API reports as such: a status, a code, a French message, maybe a field. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Élément') => new AppError(404, 'not_found', `${what} introuvable.`);
export const forbidden = (message = "Vous n'avez pas le droit d'effectuer cette action.") =>
  new AppError(403, 'forbidden', message);
export const totpEnrolmentRequired = () =>
  new AppError(
    403,
    'totp_enrolment_required',
    'Votre organisation exige une double authentification : activez-la d’abord dans « Sécurité du compte ».',
  );
export const invalid = (field: string, message: string) =>
  new AppError(400, 'validation', `« ${fieldLabel(field)} » : ${message}`, field);
export const staleVersion = (current: unknown) =>
  new AppError(
    409,
    'stale_version',
    "Quelqu'un d'autre a modifié cet élément entre-temps. Vos changements n'ont pas été enregistrés : rechargez pour voir la version actuelle.",
    undefined,
    { current },
  );
