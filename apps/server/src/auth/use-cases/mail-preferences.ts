import { type MailPreferences, mailPreferencesPatchSchema } from '@jobcoach/contract';
import { z } from 'zod';
import type { Db } from '../../application/database.ts';
import { defineInstallationCommand, defineInstallationQuery } from '../../application/installation.ts';

/**
 * The caller's e-mail preferences (« Mon compte »): the language of the messages they receive, and
 * the morning digest of « Ma journée » (mail/digest.ts), off unless they turn it on.
 */

async function preferencesOf(db: Db, userId: string): Promise<MailPreferences> {
  const row = await db
    .selectFrom('app_user')
    .select(['morning_digest', 'language'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { morningDigest: row.morning_digest, language: row.language };
}

export const readMailPreferences = defineInstallationQuery(
  'auth.mail-preferences',
  z.object({}),
  async (ctx) => {
    ctx.requireSession();
    return preferencesOf(ctx.across('account'), ctx.userId);
  },
);

export const updateMailPreferences = defineInstallationCommand(
  'auth.mail-preferences.update',
  mailPreferencesPatchSchema,
  { action: 'update', entity: 'mail_preferences' },
  async (ctx, { morningDigest, language }) => {
    ctx.requireSession();
    const db = ctx.across('account');
    ctx.audit.entityId = ctx.userId;
    ctx.audit.details = { morningDigest, language };
    if (morningDigest !== undefined || language !== undefined) {
      await db
        .updateTable('app_user')
        .set({
          ...(morningDigest !== undefined ? { morning_digest: morningDigest } : {}),
          ...(language !== undefined ? { language } : {}),
          updated_at: ctx.now,
        })
        .where('id', '=', ctx.userId)
        .execute();
    }
    return preferencesOf(db, ctx.userId);
  },
);
