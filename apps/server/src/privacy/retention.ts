import { sql } from '@jobcoach/db';
import { addMonths } from '@jobcoach/domain';
import { type Actor, Context, writeAuditEntry } from '../application/context.ts';
import type { AppDatabase, Db } from '../application/database.ts';
import { erasePerson } from './erasure.ts';

/** Years after the exit after which a person is anonymised, unless the organisation sets another. */
export const DEFAULT_RETENTION_YEARS = 5;

/** The organisation's retention period (the settings row's version; 0 while none is saved). */
export async function loadRetentionYears(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('organisation_settings')
    .select(['retention_years', 'version'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row
    ? { retentionYears: row.retention_years, version: row.version }
    : { retentionYears: DEFAULT_RETENTION_YEARS, version: 0 };
}

export interface RetentionOptions {
  /** The day the run stands on (YYYY-MM-DD, Europe/Brussels). */
  today: string;
  now: () => Date;
  trigger: 'schedule' | 'command_line';
  /** Count who is due without changing anything, and record no run. */
  dryRun?: boolean;
}

export interface RetentionReport {
  runId: string | null;
  today: string;
  dryRun: boolean;
  anonymised: number;
  organisations: {
    organisationId: string;
    organisationName: string;
    retentionYears: number;
    cutoff: string;
    anonymised: number;
  }[];
}

/**
 * The persons of an organisation whose data has been kept long enough: those who left jobcoaching
 * on or before the cutoff, those still in intake untouched since then (a referral that never led
 * anywhere), and those deleted (soft) on or before it. Erased ones are done already.
 */
export function duePersons(db: Db, organisationId: string, cutoff: string) {
  return db
    .selectFrom('person')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('phase', '=', 'exited'), eb('phase_since', '<=', cutoff)]),
        eb.and([
          eb('phase', '=', 'intake'),
          eb('phase_since', '<=', cutoff),
          eb(sql`(updated_at AT TIME ZONE 'Europe/Brussels')::date`, '<=', cutoff),
        ]),
        eb(sql`(deleted_at AT TIME ZONE 'Europe/Brussels')::date`, '<=', cutoff),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** The retention job acts as the system: no user, no address. */
const SYSTEM: Actor = { userId: null, role: null, clientAddress: null };

/**
 * Anonymises, in every organisation, the persons past its retention period (the same erasure as on
 * request, one transaction per person on that organisation's scoped context, each audited), and
 * records what it did in `retention_run`. The job reads and records across organisations.
 */
export async function runRetention(
  database: AppDatabase,
  options: RetentionOptions,
): Promise<RetentionReport> {
  const { today, now, trigger } = options;
  const dryRun = options.dryRun === true;
  const db = database.acrossOrganisations('jobs');
  const organisations = await db
    .selectFrom('organisation as o')
    .leftJoin('organisation_settings as s', 's.organisation_id', 'o.id')
    .select(['o.id', 'o.name', 's.retention_years'])
    .orderBy('o.name')
    .execute();
  const run = dryRun
    ? null
    : await db
        .insertInto('retention_run')
        .values({ trigger, today, started_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
  const report: RetentionReport = { runId: run?.id ?? null, today, dryRun, anonymised: 0, organisations: [] };
  try {
    for (const org of organisations) {
      const retentionYears = org.retention_years ?? DEFAULT_RETENTION_YEARS;
      const cutoff = addMonths(today, -12 * retentionYears);
      const due = await duePersons(db, org.id, cutoff);
      let anonymised = 0;
      if (dryRun) anonymised = due.length;
      else {
        for (const { id } of due) {
          const done = await database.transaction(async (trx) => {
            const ctx = Context.within(trx, org.id, SYSTEM, { today, now: now() });
            const outcome = await erasePerson(ctx, { personId: id, kind: 'retention' });
            if (outcome !== 'erased') return false;
            await writeAuditEntry(
              ctx,
              { action: 'erase', entity: 'person' },
              { entityId: id, details: { kind: 'retention', runId: run!.id, retentionYears } },
            );
            return true;
          });
          if (done) anonymised += 1;
        }
        await db
          .insertInto('retention_run_organisation')
          .values({
            run_id: run!.id,
            organisation_id: org.id,
            retention_years: retentionYears,
            cutoff,
            anonymised,
          })
          .execute();
      }
      report.anonymised += anonymised;
      report.organisations.push({
        organisationId: org.id,
        organisationName: org.name,
        retentionYears,
        cutoff,
        anonymised,
      });
    }
  } catch (error) {
    if (run) {
      await db
        .updateTable('retention_run')
        .set({
          finished_at: now(),
          anonymised: report.anonymised,
          error: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
        })
        .where('id', '=', run.id)
        .execute();
    }
    throw error;
  }
  if (run) {
    await db
      .updateTable('retention_run')
      .set({ finished_at: now(), anonymised: report.anonymised })
      .where('id', '=', run.id)
      .execute();
  }
  return report;
}
