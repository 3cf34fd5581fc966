import type { HistoryImportList, HistoryUndone } from '@jobcoach/contract';
import { z } from 'zod';
import { unscoped } from '../../application/database.ts';
import { AppError, notFound } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { UNDO_DAYS, undoImportRows, undoState } from '../undo.ts';

/**
 * Undoing a historical import (docs/import.md, « Annuler un import »): coordinators
 * (`history.import`), within 30 days, while nothing recorded since depends on the import's rows
 * (history/undo.ts). The answer of a refused undo says what prevents it.
 */

/** How far back the page lists the imports (the undo window and a little more). */
const LISTED_DAYS = UNDO_DAYS + 30;

/** The organisation's written imports of the last weeks, the latest first, and whether each can be undone. */
export const listHistoryImports = defineQuery(
  'history.list',
  z.object({}),
  async (ctx): Promise<HistoryImportList> => {
    ctx.require('history.import');
    const since = new Date(ctx.now.getTime() - LISTED_DAYS * 86_400_000);
    const jobs = await ctx.db
      .selectFrom('import_job')
      .leftJoin('app_user', 'app_user.id', 'import_job.created_by')
      .selectAll('import_job')
      .select('app_user.name as created_by_name')
      .where('import_job.kind', '=', 'history')
      .where('import_job.dry_run', '=', false)
      .where('import_job.status', '=', 'done')
      .where('import_job.created_at', '>=', since)
      .orderBy('import_job.created_at', 'desc')
      .limit(50)
      .execute();
    const db = unscoped(ctx.db, 'jobs');
    const out: HistoryImportList = [];
    for (const job of jobs) {
      const summary = (job.summary ?? {}) as {
        written?: boolean;
        files?: HistoryImportList[number]['files'];
      };
      if (summary.written !== true) continue;
      out.push({
        id: job.id,
        createdAt: new Date(job.created_at).toISOString(),
        finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
        createdBy: job.created_by_name ?? null,
        validOnly: job.valid_only,
        total: job.total,
        created: job.created,
        files: summary.files ?? [],
        undoneAt: job.undone_at ? new Date(job.undone_at).toISOString() : null,
        undo: await undoState(db, job, ctx.now),
      });
    }
    return out;
  },
);

/**
 * Undoes an import: refused (409, saying why) past 30 days, when it was undone already, when it
 * updated earlier rows, or while rows recorded since depend on its rows. The audit entry counts the
 * rows removed.
 */
export const undoHistoryImport = defineCommand(
  'history.undo',
  z.object({ jobId: z.uuid('identifiant invalide.') }),
  { action: 'history_import_undo', entity: 'history_import' },
  async (ctx, { jobId }): Promise<HistoryUndone> => {
    ctx.require('history.import');
    const job = await ctx.db
      .selectFrom('import_job')
      .selectAll()
      .where('id', '=', jobId)
      .where('kind', '=', 'history')
      .forUpdate()
      .executeTakeFirst();
    if (!job) throw notFound('Import');
    const db = unscoped(ctx.db, 'jobs');
    const state = await undoState(db, job, ctx.now);
    if (!state.possible) {
      throw new AppError(
        409,
        'conflict',
        `Cet import ne peut pas être annulé. ${state.blockers.join(' ')}`,
        'jobId',
        {
          blockers: state.blockers,
        },
      );
    }
    const removed = await undoImportRows(db, ctx.organisationId, jobId, ctx.now);
    await ctx.db
      .updateTable('import_job')
      .set({ undone_at: ctx.now, undone_by: ctx.userId, updated_at: ctx.now })
      .where('id', '=', jobId)
      .execute();
    ctx.audit.entityId = jobId;
    ctx.audit.details = { removed };
    return { removed };
  },
);
