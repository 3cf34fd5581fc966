import { contractSettingsInputSchema } from '@jobcoach/contract';
import { DEFAULT_CADENCE_SETTINGS } from '@jobcoach/domain';
import { z } from 'zod';
import { staleVersion } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { DEFAULT_TRUST_CONTRACT_TEMPLATE } from '../../documents/template.ts';
import { loadContractSettings } from '../queries.ts';

/** The organisation's contract settings (the context's organisation: the one the URL names). */
export const getContractSettings = defineQuery('contracts.getSettings', z.object({}), async (ctx) => {
  ctx.require('settings.read');
  return loadContractSettings(ctx.db, ctx.organisationId);
});

/** How many days before a CDD's planned end « Ma journée » raises its alert. */
export const updateContractSettings = defineCommand(
  'contracts.updateSettings',
  contractSettingsInputSchema,
  { action: 'update', entity: 'organisation_settings' },
  async (ctx, { cddAlertDays, version }) => {
    ctx.require('settings.update');
    ctx.audit.entityId = ctx.organisationId;
    ctx.audit.details = { cddAlertDays };
    const saved =
      version === 0
        ? await ctx.db
            .insertInto('organisation_settings')
            .values({
              organisation_id: ctx.organisationId,
              cadence: JSON.stringify(DEFAULT_CADENCE_SETTINGS),
              trust_contract_template: DEFAULT_TRUST_CONTRACT_TEMPLATE,
              cdd_alert_days: cddAlertDays,
              updated_at: ctx.now,
            })
            .onConflict((oc) => oc.column('organisation_id').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await ctx.db
            .updateTable('organisation_settings')
            .set((eb) => ({
              cdd_alert_days: cddAlertDays,
              version: eb('version', '+', 1),
              updated_at: ctx.now,
            }))
            .where('version', '=', version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) throw staleVersion(await loadContractSettings(ctx.db, ctx.organisationId));
    return loadContractSettings(ctx.db, ctx.organisationId);
  },
);
