import {
  type RetentionRun,
  retentionRunsQuerySchema,
  retentionSettingsInputSchema,
} from '@jobcoach/contract';
import { DEFAULT_CADENCE_SETTINGS } from '@jobcoach/domain';
import { z } from 'zod';
import type { Db } from '../../application/database.ts';
import { staleVersion } from '../../application/errors.ts';
import { defineInstallationQuery } from '../../application/installation.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { DEFAULT_TRUST_CONTRACT_TEMPLATE } from '../../documents/template.ts';
import { loadRetentionYears } from '../retention.ts';

/**
 * The retention job's reports (the administrator sees every organisation's lines, a coordinator
 * those of the current organisation) and the organisation's retention period.
 */

/**
 * The last runs (not the dry ones) and their lines per organisation, those `db` reaches: the runs
 * belong to no organisation, an organisation's scoped handle keeps only that organisation's lines.
 */
async function retentionRuns(db: Db, limit: number, all: boolean): Promise<RetentionRun[]> {
  const runs = await db
    .selectFrom('retention_run')
    .selectAll()
    .where('dry_run', '=', false)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
  if (runs.length === 0) return [];
  const rows = await db
    .selectFrom('retention_run_organisation as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select(['r.run_id', 'r.organisation_id', 'o.name', 'r.retention_years', 'r.cutoff', 'r.anonymised'])
    .where(
      'r.run_id',
      'in',
      runs.map((r) => r.id),
    )
    .orderBy('o.name')
    .execute();
  return runs.map((run) => {
    const organisations = rows
      .filter((l) => l.run_id === run.id)
      .map((l) => ({
        organisationId: l.organisation_id,
        organisationName: l.name,
        retentionYears: l.retention_years,
        cutoff: l.cutoff,
        anonymised: l.anonymised,
      }));
    return {
      id: run.id,
      trigger: run.trigger as 'schedule' | 'command_line',
      today: run.today,
      startedAt: new Date(run.started_at).toISOString(),
      finishedAt: run.finished_at ? new Date(run.finished_at).toISOString() : null,
      error: all ? run.error : null,
      anonymised: all ? run.anonymised : organisations.reduce((n, o) => n + o.anonymised, 0),
      organisations,
    };
  });
}

/** A coordinator's view of the runs: the lines of the organisation, without the job's errors. */
export const listRetentionRuns = defineQuery(
  'privacy.listRetentionRuns',
  retentionRunsQuerySchema,
  async (ctx, { limit }) => {
    ctx.require('privacy.retention');
    return retentionRuns(ctx.db, limit, false);
  },
);

/** The installation administrator's view of the runs: every organisation's lines, the errors. */
export const listAllRetentionRuns = defineInstallationQuery(
  'privacy.listAllRetentionRuns',
  retentionRunsQuerySchema,
  async (ctx, { limit }) => {
    ctx.requireAdmin();
    return retentionRuns(ctx.across('administration'), limit, true);
  },
);

/** The organisation's retention period (the route names the organisation). */
export const getRetentionSettings = defineQuery('privacy.getRetentionSettings', z.object({}), async (ctx) => {
  ctx.require('settings.read');
  return loadRetentionYears(ctx.db, ctx.organisationId);
});

/** A new retention period for the organisation, from the version the caller read. */
export const updateRetentionSettings = defineCommand(
  'privacy.updateRetentionSettings',
  retentionSettingsInputSchema,
  { action: 'update_retention', entity: 'organisation_settings' },
  async (ctx, { retentionYears, version }) => {
    ctx.require('privacy.retention');
    const organisationId = ctx.organisationId;
    ctx.audit.entityId = organisationId;
    ctx.audit.details = { retentionYears };
    const current = await loadRetentionYears(ctx.db, organisationId);
    if (current.version !== version) throw staleVersion(current);
    if (version === 0) {
      await ctx.db
        .insertInto('organisation_settings')
        .values({
          organisation_id: organisationId,
          cadence: JSON.stringify(DEFAULT_CADENCE_SETTINGS),
          trust_contract_template: DEFAULT_TRUST_CONTRACT_TEMPLATE,
          retention_years: retentionYears,
          updated_at: ctx.now,
        })
        .execute();
    } else {
      await ctx.db
        .updateTable('organisation_settings')
        .set((eb) => ({
          retention_years: retentionYears,
          version: eb('version', '+', 1),
          updated_at: ctx.now,
        }))
        .where('organisation_id', '=', organisationId)
        .execute();
    }
    return loadRetentionYears(ctx.db, organisationId);
  },
);
