import { idParams, settingsInputSchema, settingsSchema } from '@jobcoach/contract';
import { validateCadenceSettings } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { unknownPlaceholders } from '../documents/template.ts';
import { requireOrgPermission } from '../http/access.ts';
import { invalid, staleVersion } from '../http/errors.ts';
import { loadSettings } from './queries.ts';

/** Per-organisation settings: caseload norm, contact cadence, trust contract template. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/organisations/:id/settings',
    {
      config: { access: 'session' },
      schema: { tags: ['organisations'], params: idParams, response: { 200: settingsSchema } },
    },
    async (request) => {
      await requireOrgPermission(request, db, request.params.id, 'settings.read');
      return loadSettings(db, request.params.id);
    },
  );

  app.put(
    '/api/organisations/:id/settings',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'organisation_settings' } },
      schema: {
        tags: ['organisations'],
        params: idParams,
        body: settingsInputSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { personsPerFte, cadence, trustContractTemplate, version } = request.body;
      await requireOrgPermission(request, db, id, 'settings.update');
      const [cadenceError] = validateCadenceSettings(cadence);
      if (cadenceError) throw invalid(`cadence.${cadenceError.field}`, cadenceError.message);
      const unknown = unknownPlaceholders(trustContractTemplate);
      if (unknown.length > 0) {
        throw invalid(
          'trustContractTemplate',
          `champ(s) inconnu(s) ${unknown.map((u) => `{{${u}}}`).join(', ')} ; champs possibles : {{prenom}}, {{nom}}, {{organisation}}, {{jobcoach}}, {{date}}.`,
        );
      }
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = id;
        audit.details = { personsPerFte, cadence };
        const values = {
          persons_per_fte: personsPerFte,
          cadence: JSON.stringify(cadence),
          trust_contract_template: trustContractTemplate,
          updated_at: clock.now(),
        };
        const saved =
          version === 0
            ? await trx
                .insertInto('organisation_settings')
                .values({ organisation_id: id, ...values })
                .onConflict((oc) => oc.column('organisation_id').doNothing())
                .returning('version')
                .executeTakeFirst()
            : await trx
                .updateTable('organisation_settings')
                .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
                .where('organisation_id', '=', id)
                .where('version', '=', version)
                .returning('version')
                .executeTakeFirst();
        if (!saved) throw staleVersion(await loadSettings(trx, id));
      });
      return loadSettings(db, id);
    },
  );
};
