import { isDatabaseUnavailable } from '@jobcoach/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../application/errors.ts';
import { fieldLabel } from '../application/field-labels.ts';

export * from '../application/errors.ts';

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
    const params = first.params as { input?: unknown; expected?: string; keys?: string[] };
    // An unknown field is named as the field itself (a misspelt `drivingLicense`).
    const unknownKey = first.keyword === 'unrecognized_keys' ? params.keys?.[0] : undefined;
    const base = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const path = unknownKey === undefined ? base : base ? `${base}.${unknownKey}` : unknownKey;
    const where = error.validationContext ?? 'body';
    const field = path || where;
    const missing = first.keyword === 'invalid_type' && params.input === undefined;
    const detail = missing ? 'ce champ est obligatoire.' : first.message;
    const message = unknownKey
      ? `Champ inconnu : ${(params.keys ?? []).map((k) => `« ${k} »`).join(', ')} (vérifiez l’orthographe).`
      : path === '' && where === 'body'
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
  // The database cannot be reached (connections cut, server restarting or refusing): the pool
  // reconnects by itself and the client may try again. (A change whose commit was sent just as
  // its connection was cut may have been recorded: the message does not claim otherwise.)
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ code: (error as { code?: string }).code }, 'database unavailable');
    reply.header('retry-after', '5');
    return send(
      reply,
      503,
      'database_unavailable',
      'La base de données est momentanément indisponible. Réessayez dans quelques instants.',
    );
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
