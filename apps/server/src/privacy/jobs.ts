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
  await boss.createQueue(RETENTION_QUEUE, {
    name: RETENTION_QUEUE,
    retryLimit: 2,
    retryDelay: 300,
    expireInSeconds: 3600,
  });
  await boss.work<{ trigger?: string }>(
    RETENTION_QUEUE,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 },
    async () => runRetention(database, { today: clock.today(), now: () => clock.now(), trigger: 'schedule' }),
  );
  if (options.schedule !== false) {
    await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: 'Europe/Brussels' });
  }
  // The follow-up starts from the contract on its first day (contracts/jobs/start-follow-ups.ts).
  await boss.createQueue(FOLLOW_UP_QUEUE, {
    name: FOLLOW_UP_QUEUE,
    retryLimit: 3,
    retryDelay: 600,
    expireInSeconds: 3600,
  });
  await boss.work(
    FOLLOW_UP_QUEUE,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 },
    async () => ({
      started: await startDueFollowUps(database, { today: clock.today(), now: clock.now() }),
    }),
  );
  if (options.schedule !== false) {
    await boss.schedule(FOLLOW_UP_QUEUE, FOLLOW_UP_CRON, {}, { tz: 'Europe/Brussels' });
  }
  // The e-mail outbox, when SMTP is configured (without it, the messages wait in the outbox and the
  // administrator sees them). The job's own retries cover a failure of the job itself (the
  // database); a message that fails waits on its own back-off (mail/outbox.ts).
  if (mailer) {
    await boss.createQueue(OUTBOX_QUEUE, {
      name: OUTBOX_QUEUE,
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 900,
    });
    await boss.work(
      OUTBOX_QUEUE,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 },
      async () => deliverDue(database, mailer, () => clock.now()),
    );
    if (options.schedule !== false) {
      await boss.schedule(OUTBOX_QUEUE, OUTBOX_CRON, {}, { tz: 'Europe/Brussels' });
    }
    // The morning digests go into the same outbox; once per account and morning (mail/digest.ts).
    if (config) {
      await boss.createQueue(DIGEST_QUEUE, {
        name: DIGEST_QUEUE,
        retryLimit: 3,
        retryDelay: 300,
        expireInSeconds: 1800,
      });
      await boss.work(
        DIGEST_QUEUE,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 },
        async () => writeMorningDigests(database, clock, config.publicUrl),
      );
      if (options.schedule !== false) {
        await boss.schedule(DIGEST_QUEUE, DIGEST_CRON, {}, { tz: 'Europe/Brussels' });
      }
    }
  }
  // The nightly backup of the embedded database (backup/service.ts).
  if (backups?.enabled) {
    await boss.createQueue(BACKUP_QUEUE, {
      name: BACKUP_QUEUE,
      retryLimit: 2,
      retryDelay: 600,
      expireInSeconds: 3600,
    });
    await boss.work(
      BACKUP_QUEUE,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 },
      async () => {
        const file = await backups.take();
        return { name: file.name, bytes: file.bytes };
      },
    );
    if (options.schedule !== false) {
      await boss.schedule(BACKUP_QUEUE, BACKUP_CRON, {}, { tz: 'Europe/Brussels' });
    }
  }
  if (driver === 'pglite') {
    await boss.createQueue(MAINTENANCE_QUEUE, {
      name: MAINTENANCE_QUEUE,
      retryLimit: 1,
      retryDelay: 600,
      expireInSeconds: 3600,
    });
    await boss.work(
      MAINTENANCE_QUEUE,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 },
      async () => vacuumAndAnalyze(db),
    );
    if (options.schedule !== false) {
      await boss.schedule(MAINTENANCE_QUEUE, MAINTENANCE_CRON, {}, { tz: 'Europe/Brussels' });
    }
  }
  return {
    boss,
    // Within the server's stop budget (cli/start.ts): a run still going after this is abandoned.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 8_000 }),
  };
}
