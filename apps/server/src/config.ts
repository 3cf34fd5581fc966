import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Public address printed and used in links; derived from host and port unless PUBLIC_URL is set. */
  publicUrl: string;
  /** Cookies marked Secure (set COOKIE_SECURE=true behind HTTPS). */
  cookieSecure: boolean;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after login after which a session ends whatever the activity. */
  sessionAbsoluteHours: number;
  /** Whether a test may move the server's clock (only ever true in the test suite). */
  allowTestClock: boolean;
  logLevel: string;
  /** Run the background jobs (retention) in this process; BACKGROUND_JOBS=false turns them off. */
  backgroundJobs: boolean;
  /** SMTP server for the outbox (smtp://user:password@host:587 or smtps://…); unset: nothing is sent. */
  smtpUrl: string | undefined;
  /** The sender of every message ("Jobcoach <jobcoach@example.be>"); required with SMTP_URL. */
  mailFrom: string;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

/**
 * The test clock lets the browser tests move the server's "today". It is refused unless the
 * server runs under NODE_ENV=test, so no real installation can have it.
 */
function testClockAllowed(env: NodeJS.ProcessEnv): boolean {
  if (env.JOBCOACH_TEST_CLOCK !== 'true') return false;
  if (env.NODE_ENV !== 'test')
    throw new Error('JOBCOACH_TEST_CLOCK=true is refused outside tests (NODE_ENV=test)');
  return true;
}

function smtpUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('SMTP_URL must be a URL such as smtp://user:password@host:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error('SMTP_URL must start with smtp:// or smtps://');
  return value;
}

/** MAIL_FROM is required with SMTP_URL: a made-up sender would be refused or land in spam. */
function mailFromOf(env: NodeJS.ProcessEnv): string {
  const from = env.MAIL_FROM?.trim() ?? '';
  if (env.SMTP_URL && !from.includes('@'))
    throw new Error('MAIL_FROM must be set to an address with SMTP_URL');
  return from;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = intFrom(env.PORT, 3000, 'PORT');
  const host = env.HOST || '127.0.0.1';
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || 'data'),
    publicUrl: env.PUBLIC_URL || `http://${shownHost}:${port}`,
    cookieSecure: env.COOKIE_SECURE === 'true',
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 240, 'SESSION_IDLE_MINUTES'),
    sessionAbsoluteHours: intFrom(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
    allowTestClock: testClockAllowed(env),
    logLevel: env.LOG_LEVEL || 'info',
    backgroundJobs: env.BACKGROUND_JOBS !== 'false',
    smtpUrl: smtpUrlFrom(env.SMTP_URL),
    mailFrom: mailFromOf(env),
    ...overrides,
  };
}
