import { settingsInputSchema } from '@jobcoach/contract';
import { validateCadenceSettings } from '@jobcoach/domain';
import { z } from 'zod';
import { invalid, staleVersion } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { unknownPlaceholders } from '../../documents/template.ts';
import { loadSettings } from '../queries.ts';

/** The organisation's settings (the context's organisation: the one the URL names). */
export const getSettings = defineQuery('settings.get', z.object({}), async (ctx) => {
  ctx.require('settings.read');
  return loadSettings(ctx.db, ctx.organisationId);
});

/**
 * The caseload norm, the contact cadence (checked by the domain), the trust contract template and
 * the cap of candidates presented at once per offer (1 to 10; kept when the body leaves it out).
 */
export const updateSettings = defineCommand(
  'settings.update',
  settingsInputSchema,
  { action: 'update', entity: 'organisation_settings' },
  async (ctx, { personsPerFte, cadence, trustContractTemplate, presentationCap, version }) => {
    ctx.require('settings.update');
    const [cadenceError] = validateCadenceSettings(cadence);
    if (cadenceError) throw invalid(`cadence.${cadenceError.field}`, cadenceError.message);
    const unknown = unknownPlaceholders(trustContractTemplate);
    if (unknown.length > 0) {
      throw invalid(
        'trustContractTemplate',
        `champ(s) inconnu(s) ${unknown.map((u) => `{{${u}}}`).join(', ')} ; champs possibles : {{prenom}}, {{nom}}, {{organisation}}, {{jobcoach}}, {{date}}.`,
      );
    }
    ctx.audit.entityId = ctx.organisationId;
    ctx.audit.details = {
      personsPerFte,
      cadence,
      ...(presentationCap === undefined ? {} : { presentationCap }),
    };
    const values = {
      persons_per_fte: personsPerFte,
      cadence: JSON.stringify(cadence),
      trust_contract_template: trustContractTemplate,
      ...(presentationCap === undefined ? {} : { presentation_cap: presentationCap }),
      updated_at: ctx.now,
    };
    const saved =
      version === 0
        ? await ctx.db
            .insertInto('organisation_settings')
            .values({ organisation_id: ctx.organisationId, ...values })
            .onConflict((oc) => oc.column('organisation_id').doNothing())
            .returning('version')
            .executeTakeFirst()
        : await ctx.db
            .updateTable('organisation_settings')
            .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
            .where('version', '=', version)
            .returning('version')
            .executeTakeFirst();
    if (!saved) throw staleVersion(await loadSettings(ctx.db, ctx.organisationId));
    return loadSettings(ctx.db, ctx.organisationId);
  },
);
