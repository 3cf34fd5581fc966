import { ApiError } from '../api.ts';
import { french, type MessageId, type Translate, useT } from '../i18n/index.ts';

// The server sends a message key and its parameters beside its French message: the message is
// worded here in the interface's language; without a key the catalogs know, the French message is
// shown as is. These fallbacks only cover an answer without either.
const FALLBACKS: Record<string, MessageId> = {
  network: 'error.network',
  invalid_credentials: 'login.failed',
  locked: 'login.locked',
  rate_limited: 'error.rateLimited',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  stale_version: 'error.stale',
};

// A code whose message never varies: the catalogs' wording (the same as the server's French).
const BY_CODE: Record<string, MessageId> = { invalid_credentials: 'login.failed' };

const known = (id: string): id is MessageId => Object.hasOwn(french, id);

/**
 * A field's name in the interface's language, from the path the server names (`lastName`,
 * `fields.contractStart`, `languages.0.level`), the way the server's French labels are built.
 */
export function fieldLabel(path: string, t: Translate): string {
  const label = (key: string) => {
    const id = `apiField.${key}`;
    return known(id) ? t(id) : undefined;
  };
  const exact = label(path);
  if (exact !== undefined) return exact;
  const parts = path.split('.');
  const last = parts[parts.length - 1] ?? path;
  const prefix = parts.length > 1 ? (label(parts[0]!) ?? parts[0]) : undefined;
  const name = label(last) ?? last;
  return prefix && prefix !== last ? `${name} (${prefix})` : name;
}

type Params = Record<string, unknown>;

/** The error worded from its key and parameters, or null when the catalogs lack the key. */
export function keyedMessage(error: ApiError, t: Translate): string | null {
  const key = error.details.key;
  if (typeof key !== 'string') return null;
  const params: Params =
    typeof error.details.params === 'object' && error.details.params !== null
      ? (error.details.params as Params)
      : {};
  const id =
    key === 'not_found' ? `apiError.not_found.${String(params.record ?? 'item')}` : `apiError.${key}`;
  if (!known(id)) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number' || typeof value === 'string') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.map((v) => `« ${String(v)} »`).join(', ');
  }
  const message = t(id, values);
  const field = params.field;
  // A field's check is shown as « <field> : <message> », the way the server writes it.
  if (typeof field === 'string' && key.startsWith('validation.') && key !== 'validation.unknown_field') {
    return t('apiError.fieldMessage', { field: fieldLabel(field, t), message });
  }
  return message;
}

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const keyed = keyedMessage(error, t);
    if (keyed) return keyed;
    const byCode = BY_CODE[error.code];
    if (byCode) return t(byCode);
    if (error.message) return error.message;
    return t(FALLBACKS[error.code] ?? 'error.generic');
  }
  return t('error.generic');
}

export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => errorMessage(error, t);
}
