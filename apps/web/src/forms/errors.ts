import { ApiError } from '../api.ts';
import { type MessageId, type Translate, useT } from '../i18n/index.ts';

// The server's French message is shown as is; these only cover an answer without one.
const FALLBACKS: Record<string, MessageId> = {
  network: 'error.network',
  invalid_credentials: 'login.failed',
  locked: 'login.locked',
  rate_limited: 'error.rateLimited',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  stale_version: 'error.stale',
};

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    return t(FALLBACKS[error.code] ?? 'error.generic');
  }
  return t('error.generic');
}

export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => errorMessage(error, t);
}
