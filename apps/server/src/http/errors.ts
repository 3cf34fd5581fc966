import { isDatabaseUnavailable } from '@jobcoach/db';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorText, type MessageParam } from '../application/errors.ts';
import { fieldLabel } from '../application/field-labels.ts';

export * from '../application/errors.ts';

/**
 * The answer `{ error: { code, message, field?, key?, params? } }`: the French message for API
 * clients and as a fallback, and, when known, a message key and its parameters that the web words
 * in the interface's language (docs/api.md « Errors »).
 */
function send(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  field?: string,
  extra?: object,
  text?: ErrorText,
) {
  return reply.status(status).send({
    error: {
      code,
      message,
      ...(field ? { field } : {}),
      ...(text ? { key: text.key, params: text.params ?? {} } : {}),
      ...extra,
    },
  });
}

type IssueParams = {
  input?: unknown;
  expected?: string;
  keys?: string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  params?: { key?: unknown };
};

const bound = (value: number | bigint | undefined): MessageParam =>
  typeof value === 'bigint'
    ? Number(value)
    : typeof value === 'number' && Number.isFinite(value)
      ? value
      : null;

/**
 * The message key of a zod issue, by its kind: required, too long, out of range, invalid date,
 * unknown field, invalid value… A refinement names its own key (`params: { key }`); one that does
 * not is left to its French message (no key).
 */
export function validationKey(
  keyword: string,
  p: IssueParams,
): { key: string; params: Record<string, MessageParam> } | null {
  const sized = p.origin === 'string' ? 'long' : p.origin === 'array' || p.origin === 'set' ? 'many' : null;
  switch (keyword) {
    case 'invalid_type':
      if (p.input === undefined || p.input === null) return { key: 'validation.required', params: {} };
      if (p.expected === 'int') return { key: 'validation.integer', params: {} };
      return { key: 'validation.invalid_value', params: {} };
    case 'too_small':
      if (p.origin === 'string' && bound(p.minimum) === 1) return { key: 'validation.required', params: {} };
      if (sized === 'long') return { key: 'validation.too_short', params: { min: bound(p.minimum) } };
      if (sized === 'many') return { key: 'validation.too_few', params: { min: bound(p.minimum) } };
      return { key: 'validation.too_small', params: { min: bound(p.minimum) } };
    case 'too_big':
      if (sized === 'long') return { key: 'validation.too_long', params: { max: bound(p.maximum) } };
      if (sized === 'many') return { key: 'validation.too_many', params: { max: bound(p.maximum) } };
      return { key: 'validation.too_large', params: { max: bound(p.maximum) } };
    case 'invalid_format':
      if (p.format === 'email') return { key: 'validation.email', params: {} };
      if (p.format === 'date') return { key: 'validation.invalid_date', params: {} };
      return { key: 'validation.invalid_value', params: {} };
    case 'unrecognized_keys':
      return { key: 'validation.unknown_field', params: { keys: p.keys ?? [] } };
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { key: 'validation.invalid_value', params: {} };
    case 'custom': {
      const key = p.params?.key;
      return typeof key === 'string' ? { key: `validation.${key}`, params: {} } : null;
    }
    default:
      return null;
  }
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return send(reply, error.statusCode, error.code, error.message, error.field, error.extra, error.text);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0]!;
    const params = first.params as IssueParams;
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
    const keyed = validationKey(first.keyword, params);
    return send(
      reply,
      400,
      'validation',
      message,
      field,
      undefined,
      keyed ? { key: keyed.key, params: { field, ...keyed.params } } : undefined,
    );
  }
  if (isResponseSerializationError(error)) {
    request.log.error(
      { err: { message: error.message, url: error.url } },
      'response does not match its schema',
    );
    return send(reply, 500, 'internal', 'Erreur interne du serveur.', undefined, undefined, {
      key: 'internal',
    });
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
      undefined,
      undefined,
      { key: 'database_unavailable' },
    );
  }
  // Database constraints back the application's checks up: a race that slips past a check
  // still ends as a clear 409/400, not a 500.
  const pgCode = (error as { code?: string }).code;
  if (pgCode === '23505')
    return send(reply, 409, 'conflict', 'Cet élément existe déjà (doublon).', undefined, undefined, {
      key: 'duplicate',
    });
  if (pgCode === '23503')
    return send(reply, 400, 'validation', 'Un élément référencé est introuvable.', undefined, undefined, {
      key: 'validation.missing_reference',
    });
  if (pgCode === '22021' || pgCode === '22P05') {
    return send(
      reply,
      400,
      'validation',
      'Le texte contient des caractères non autorisés.',
      undefined,
      undefined,
      {
        key: 'validation.forbidden_characters',
      },
    );
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
      undefined,
      undefined,
      { key: 'validation.refused_by_database' },
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
  return send(reply, 500, 'internal', 'Erreur interne du serveur.', undefined, undefined, {
    key: 'internal',
  });
}
