import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldLabel } from './field-labels.ts';

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
/** The organisation requires a second factor the user has not enabled yet. */
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

function send(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  field?: string,
  extra?: object,
) {
  return reply.status(status).send({ error: { code, message, ...(field ? { field } : {}), ...extra } });
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return send(reply, error.statusCode, error.code, error.message, error.field, error.extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0]!;
    const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const where = error.validationContext ?? 'body';
    const field = path || where;
    const params = first.params as { input?: unknown; expected?: string };
    const missing = first.keyword === 'invalid_type' && params.input === undefined;
    const detail = missing ? 'ce champ est obligatoire.' : first.message;
    const message =
      path === '' && where === 'body'
        ? `Le corps de la requête est invalide : ${detail}`
        : `« ${fieldLabel(field)} » : ${detail}`;
    return send(reply, 400, 'validation', message, field);
  }
  if (isResponseSerializationError(error)) {
    request.log.error(
      { err: { message: error.message, url: error.url } },
      'response does not match its schema',
    );
    return send(reply, 500, 'internal', 'Erreur interne du serveur.');
  }
  // Database constraints back the application's checks up: a race that slips past a check
  // still ends as a clear 409/400, not a 500.
  const pgCode = (error as { code?: string }).code;
  if (pgCode === '23505') return send(reply, 409, 'conflict', 'Cet élément existe déjà (doublon).');
  if (pgCode === '23503') return send(reply, 400, 'validation', 'Un élément référencé est introuvable.');
  if (pgCode === '22021' || pgCode === '22P05') {
    return send(reply, 400, 'validation', 'Le texte contient des caractères non autorisés.');
  }
  if (
    pgCode === '23514' ||
    pgCode === '22P02' ||
    pgCode === '22007' ||
    pgCode === '22008' ||
    pgCode === '22003'
  ) {
    return send(
      reply,
      400,
      'validation',
      'Valeur refusée par la base de données : vérifiez les champs saisis.',
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(reply, 400, 'validation', "Le corps de la requête n'est pas du JSON valide.", 'body');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 400, 'validation', 'Le corps de la requête est vide.', 'body');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, 415, 'validation', 'Type de contenu non pris en charge : envoyez du JSON.', 'body');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, 413, 'validation', 'La requête est trop volumineuse.', 'body');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, error.statusCode, 'validation', 'Requête invalide.');
  }
  request.log.error(
    { err: { message: error.message, stack: error.stack, code: error.code } },
    'unhandled error',
  );
  return send(reply, 500, 'internal', 'Erreur interne du serveur.');
}
