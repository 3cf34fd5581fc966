import { type Driver, executeRaw, vacuumAndAnalyze } from '@jobcoach/db';
import PgBoss from 'pg-boss';
import type { AppDatabase } from '../application/database.ts';
import type { Backups } from '../backup/service.ts';
import type { Clock } from '../clock.ts';
import { startDueFollowUps } from '../contracts/jobs/start-follow-ups.ts';
import { writeMorningDigests } from '../mail/digest.ts';
import { deliverDue } from '../mail/outbox.ts';
import type { Mailer } from '../mail/transport.ts';
import { runRetention } from './retention.ts';

/** pg-boss keeps its own tables in this schema, outside our migrations. */
export const JOBS_SCHEMA = 'pgboss';
export const RETENTION_QUEUE = 'retention';
/** Every night at 02:30, Brussels time. */
export const RETENTION_CRON = '30 2 * * *';
export const FOLLOW_UP_QUEUE = 'start-follow-ups';
/** Every morning at 00:15, Brussels time: the follow-ups of the contracts that begin that day. */
export const FOLLOW_UP_CRON = '15 0 * * *';
export const BACKUP_QUEUE = 'backup';
/** Every night at 02:00, Brussels time: before the retention job anonymises anything. */
export const BACKUP_CRON = '0 2 * * *';
export const OUTBOX_QUEUE = 'outbox';
/** Every minute: the e-mails that are due (mail/outbox.ts); each message waits on its own back-off. */
export const OUTBOX_CRON = '* * * * *';
export const MAINTENANCE_QUEUE = 'embedded-maintenance';
/**
 * Every night at 03:30, Brussels time, on the embedded database only: after the backup and the
 * retention job (which rewrites rows), the vacuum and the planner's statistics that a PostgreSQL
 * server's autovacuum keeps by itself (packages/db maintenance.ts).
 */
export const MAINTENANCE_CRON = '30 3 * * *';
export const DIGEST_QUEUE = 'morning-digest';
/**
 * Monday to Friday at 07:00, Brussels time: the coaches' morning digests (mail/digest.ts), which
 * skip Belgian public holidays themselves.
 */
export const DIGEST_CRON = '0 7 * * 1-5';

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobsOptions {
  /** Register the nightly schedule (off when a test only wants the worker). */
  schedule?: boolean;
  /** How often the worker looks for work, in seconds (pg-boss's default: 2). */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
}

/**
 * Background work on pg-boss, in the same database: on PostgreSQL through our pool, on the embedded
 * PGlite through the same single-session facade (pg-boss accepts a `db` adapter; every statement
 * goes through Kysely, so it never interleaves with a transaction of ours).
 */
export async function startJobs(
  deps: {
    database: AppDatabase;
    clock: Clock;
    /** The engine: the embedded one has no autovacuum, and gets the nightly maintenance. */
    driver?: Driver;
    backups?: Backups;
    mailer?: Mailer | null;
    config?: { publicUrl: string };
  },
  options: JobsOptions = {},
): Promise<Jobs> {
  const { database, clock, driver, backups, mailer, config } = deps;
  const db = database.acrossOrganisations('jobs');
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => executeRaw(db, text, values ?? []) },
    schema: JOBS_SCHEMA,
    schedule: options.schedule !== false,
    supervise: true,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  /**
   * A queue, its worker and, unless the caller asked for none, its schedule (Brussels time). Each
   * job's own retries cover a failure of the job itself (the database).
   */
  const register = async (
    name: string,
    retry: { retryLimit: number; retryDelay: number; retryBackoff?: boolean; expireInSeconds: number },
    polling: number,
    cron: string,
    handler: () => Promise<unknown>,
  ) => {
    await boss.createQueue(name, { name, ...retry });
    await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? polling }, handler);
    if (options.schedule !== false) await boss.schedule(name, cron, {}, { tz: 'Europe/Brussels' });
  };

  await register(
    RETENTION_QUEUE,
    { retryLimit: 2, retryDelay: 300, expireInSeconds: 3600 },
    60,
    RETENTION_CRON,
    () => runRetention(database, { today: clock.today(), now: () => clock.now(), trigger: 'schedule' }),
  );
  // The follow-up starts from the contract on its first day (contracts/jobs/start-follow-ups.ts).
  await register(
    FOLLOW_UP_QUEUE,
    { retryLimit: 3, retryDelay: 600, expireInSeconds: 3600 },
    60,
    FOLLOW_UP_CRON,
    async () => ({ started: await startDueFollowUps(database, { today: clock.today(), now: clock.now() }) }),
  );
  // The e-mail outbox, when SMTP is configured (without it, the messages wait in the outbox and the
  // administrator sees them). A message that fails waits on its own back-off (mail/outbox.ts).
  if (mailer) {
    await register(
      OUTBOX_QUEUE,
      { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 },
      10,
      OUTBOX_CRON,
      () => deliverDue(database, mailer, () => clock.now()),
    );
    // The morning digests go into the same outbox; once per account and morning (mail/digest.ts).
    if (config) {
      await register(
        DIGEST_QUEUE,
        { retryLimit: 3, retryDelay: 300, expireInSeconds: 1800 },
        60,
        DIGEST_CRON,
        () => writeMorningDigests(database, clock, config.publicUrl),
      );
    }
  }
  // The nightly backup of the embedded database (backup/service.ts).
  if (backups?.enabled) {
    await register(
      BACKUP_QUEUE,
      { retryLimit: 2, retryDelay: 600, expireInSeconds: 3600 },
      60,
      BACKUP_CRON,
      async () => {
        const file = await backups.take();
        return { name: file.name, bytes: file.bytes };
      },
    );
  }
  // The embedded database's vacuum and statistics (packages/db maintenance.ts).
  if (driver === 'pglite') {
    await register(
      MAINTENANCE_QUEUE,
      { retryLimit: 1, retryDelay: 600, expireInSeconds: 3600 },
      60,
      MAINTENANCE_CRON,
      () => vacuumAndAnalyze(db),
    );
  }
  return {
    boss,
    // Within the server's stop budget (cli/start.ts): a run still going after this is abandoned.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 8_000 }),
  };
}
