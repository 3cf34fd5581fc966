import type { CalendarFeedCreated, CalendarFeedStatus } from '@jobcoach/contract';
import { addDays } from '@jobcoach/domain';
import { z } from 'zod';
import { notFound } from '../../application/errors.ts';
import { defineInstallationQuery } from '../../application/installation.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { newToken, sha256 } from '../../auth/tokens.ts';
import { calendarFeed, type FeedEvent } from '../ics.ts';
import { feedPlans } from '../queries.ts';

/**
 * « Abonnement calendrier »: a private address per member and organisation where a calendar
 * application reads the member's planned contacts (agenda/ics.ts). The token is 256 random bits;
 * only its SHA-256 digest is stored, so the address is shown once, when it is made. Revoked, it
 * answers 404; a new one can then be made. Making and revoking are audited.
 */

/** The feed holds the plans from this many days back to this many days ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 365;

const noInput = z.object({});

export const calendarFeedPath = (token: string) => `/api/calendar/${token}.ics`;

export const getCalendarFeed = defineQuery(
  'agenda.feed.get',
  noInput,
  async (ctx): Promise<CalendarFeedStatus> => {
    ctx.require('myday.read');
    const row = await ctx.db
      .selectFrom('calendar_feed')
      .select(['created_at', 'last_read_at'])
      .where('user_id', '=', ctx.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return {
      active: row !== undefined,
      createdAt: row ? new Date(row.created_at).toISOString() : null,
      lastReadAt: row?.last_read_at ? new Date(row.last_read_at).toISOString() : null,
    };
  },
);

/** A new address; the one the member had is revoked (one live address each). */
export const createCalendarFeed = defineCommand(
  'agenda.feed.create',
  noInput,
  { action: 'calendar_feed_created', entity: 'calendar_feed' },
  async (ctx): Promise<CalendarFeedCreated> => {
    ctx.require('myday.read');
    const revoked = await ctx.db
      .updateTable('calendar_feed')
      .set({ revoked_at: ctx.now })
      .where('user_id', '=', ctx.userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    const token = newToken();
    const row = await ctx.db
      .insertInto('calendar_feed')
      .values({
        organisation_id: ctx.organisationId,
        user_id: ctx.userId,
        token_hash: sha256(token),
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    ctx.audit.details = { replaced: revoked.map((r) => r.id) };
    return { url: calendarFeedPath(token), createdAt: ctx.now.toISOString() };
  },
);

export const revokeCalendarFeed = defineCommand(
  'agenda.feed.revoke',
  noInput,
  { action: 'calendar_feed_revoked', entity: 'calendar_feed' },
  async (ctx): Promise<CalendarFeedStatus> => {
    ctx.require('myday.read');
    const row = await ctx.db
      .updateTable('calendar_feed')
      .set({ revoked_at: ctx.now })
      .where('user_id', '=', ctx.userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw notFound('Abonnement calendrier');
    ctx.audit.entityId = row.id;
    return { active: false, createdAt: null, lastReadAt: null };
  },
);

/**
 * The feed itself, read without a session by a calendar application: the address's token names
 * the member and the organisation. An unknown or revoked token, or a member no longer active
 * there, answers 404 (nothing tells them apart). The plans are read in one statement scoped to
 * that organisation; the read is noted on the feed (`last_read_at`), not in the audit log (a
 * calendar polls every few minutes, and the feed holds no file).
 */
export const readCalendarFeed = defineInstallationQuery(
  'agenda.feed.read',
  z.object({ file: z.string() }),
  async (ctx, { file }): Promise<string> => {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file)?.[1];
    if (!token) throw notFound('Calendrier');
    const today = ctx.today;
    return ctx.transaction(async (tx) => {
      const feed = await tx
        .across('account')
        .updateTable('calendar_feed as f')
        .set({ last_read_at: tx.now })
        .from('membership as m')
        .whereRef('m.organisation_id', '=', 'f.organisation_id')
        .whereRef('m.user_id', '=', 'f.user_id')
        .where('m.active', '=', true)
        .where('f.token_hash', '=', sha256(token))
        .where('f.revoked_at', 'is', null)
        .returning(['f.organisation_id', 'f.user_id'])
        .executeTakeFirst();
      if (!feed) throw notFound('Calendrier');
      const scoped = tx.in(feed.organisation_id);
      const row = await feedPlans(
        scoped.db,
        feed.organisation_id,
        feed.user_id,
        addDays(today, -FEED_DAYS_BACK),
        addDays(today, FEED_DAYS_AHEAD),
      );
      const events: FeedEvent[] = row.plans.map((p) => ({
        uid: `${p.id}@jobcoach`,
        firstName: p.first_name,
        lastName: p.last_name,
        channel: p.channel,
        date: p.starts_on,
        time: p.starts_at,
        durationMinutes: p.duration_minutes,
        place: p.place,
        updatedAt: new Date(p.updated_at),
      }));
      return calendarFeed(`Jobcoach — ${row.name}`, events, tx.now);
    });
  },
);
