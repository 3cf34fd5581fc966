// The one way the app talks to the server: JSON in and out, the session cookie, the CSRF header,
// and the error shape `{ error: { code, message, field } }` turned into an ApiError.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** For 409 stale_version: the record as it is now on the server. */
  readonly current: unknown;
  /** The whole `error` object, for codes that say more (`existingId`, `allowed`…). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    field?: string,
    current?: unknown,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.current = current;
    this.details = details;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Options = {
  /** A call that does not need a session (setup, login, me): a 401 is an answer, not a lost session. */
  anonymous?: boolean;
  /** Set on the second try after a 403 `csrf`. */
  retried?: boolean;
};

let csrfToken: string | null = null;
let sessionLost: (error: ApiError) => void = () => {};

/** Kept from the last `Me` received (me, login, setup, organisation switch). */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on 401 from a protected call, and on 403 `password_change_required` or `totp_enrolment_required`. */
export function onSessionLost(handler: (error: ApiError) => void): void {
  sessionLost = handler;
}

async function request<T>(method: Method, path: string, body?: unknown, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const payload = body === undefined && method !== 'GET' && method !== 'DELETE' ? {} : body;
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }

  const data: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = toApiError(response.status, data);
    if (response.status === 403 && error.code === 'csrf' && !options.retried) {
      // The token changed (signed in again in another tab): take the current one, try once more.
      await request('GET', '/api/auth/me', undefined, { anonymous: true }).catch(() => undefined);
      return request<T>(method, path, body, { ...options, retried: true });
    }
    const lost =
      (response.status === 401 && !options.anonymous) ||
      (response.status === 403 &&
        (error.code === 'password_change_required' || error.code === 'totp_enrolment_required'));
    if (lost) sessionLost(error);
    throw error;
  }
  if (isMe(data)) rememberCsrfToken(data.csrfToken);
  return data as T;
}

function toApiError(status: number, data: unknown): ApiError {
  const error = (data as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error || typeof error !== 'object')
    return new ApiError(status, status >= 500 ? 'internal' : 'http', '');
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return new ApiError(
    status,
    text(error.code) ?? 'http',
    text(error.message) ?? '',
    text(error.field),
    error.current,
    error,
  );
}

function isMe(data: unknown): data is { csrfToken: string } {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { csrfToken?: unknown }).csrfToken === 'string'
  );
}

export const api = {
  get: <T>(path: string, options?: Options) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: Options) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
