import {
  DISMISSIBLE_SETUP_ITEMS,
  SETUP_CHECKLIST_ITEMS,
  type SetupChecklist,
  type SetupChecklistItem,
  setupDismissalInputSchema,
} from '@jobcoach/contract';
import { z } from 'zod';
import type { Context } from '../../application/context.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { checklistFacts } from '../queries.ts';

/**
 * The setup checklist of a coordinator's home: each item is done when the data shows it (another
 * member added or invited, the settings saved, a partner recorded, a history import written); the
 * settings and the history import may be set aside instead. Complete when every item is done or set
 * aside.
 */
async function checklistOf(ctx: Context): Promise<SetupChecklist> {
  const facts = await checklistFacts(ctx.db, ctx.organisationId, ctx.userId);
  const done: Record<SetupChecklistItem, boolean> = {
    team: Boolean(facts.other_member) || Boolean(facts.invited),
    settings: Boolean(facts.settings_saved),
    partners: Boolean(facts.partner),
    history: Boolean(facts.history_imported),
  };
  const dismissible = DISMISSIBLE_SETUP_ITEMS as readonly string[];
  const items = SETUP_CHECKLIST_ITEMS.map((key) => ({
    key,
    done: Boolean(done[key]),
    dismissed: facts.dismissed.includes(key),
    dismissible: dismissible.includes(key),
  }));
  return { items, complete: items.every((i) => i.done || i.dismissed) };
}

export const getSetupChecklist = defineQuery('team.checklist', z.object({}), async (ctx) => {
  ctx.require('organisation.update');
  return checklistOf(ctx);
});

/** Sets aside an item of the checklist (settings kept as shipped, no history to import). */
export const dismissSetupItem = defineCommand(
  'team.checklist.dismiss',
  setupDismissalInputSchema,
  { action: 'dismiss', entity: 'setup_checklist' },
  async (ctx, { item }) => {
    ctx.require('organisation.update');
    await ctx.db
      .insertInto('setup_checklist_dismissal')
      .values({ organisation_id: ctx.organisationId, item, dismissed_by: ctx.userId, dismissed_at: ctx.now })
      .onConflict((oc) => oc.columns(['organisation_id', 'item']).doNothing())
      .execute();
    ctx.audit.entityId = ctx.organisationId;
    ctx.audit.details = { item };
    return checklistOf(ctx);
  },
);
