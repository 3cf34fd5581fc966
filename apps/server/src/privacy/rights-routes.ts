import {
  erasureSchema,
  idParams,
  personExportSchema,
  reasonBodySchema,
  retentionRunListSchema,
  retentionRunsQuerySchema,
  retentionSettingsInputSchema,
  retentionSettingsSchema,
} from '@jobcoach/contract';
import { DEFAULT_CADENCE_SETTINGS } from '@jobcoach/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFAULT_TRUST_CONTRACT_TEMPLATE } from '../documents/template.ts';
import { requireOrgPermission } from '../http/access.ts';
import { writeAudit } from '../http/context.ts';
import { notFound, staleVersion } from '../http/errors.ts';
import { requirePerson } from '../http/scope.ts';
import { currentScope } from '../persons/scope.ts';
import { assertReasonNamesNoOne, erasePerson, hardDeletePerson } from './erasure.ts';
import { collectPersonExport, type PersonExport, renderExportPdf } from './export.ts';
import { loadRetentionYears } from './retention.ts';

/**
 * Data-subject rights: the export of everything held about a person (JSON and PDF), erasure on
 * request, hard deletion by the installation admin, and the retention job's reports and setting.
 */
export const rightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  /**
   * Everything held about the person, for a caller allowed to export it (persons.export, in
   * scope), rendered; once rendered, the export is audited under the document's name.
   */
  async function exportFor<T>(
    request: FastifyRequest,
    personId: string,
    document: 'data_export_json' | 'data_export_pdf',
    render: (data: PersonExport) => T | Promise<T>,
  ): Promise<T> {
    const scope = await requirePerson(request, 'persons.export', personId);
    const data = await collectPersonExport(db, scope.organisationId, personId, clock.now());
    if (!data) throw notFound('Personne');
    const rendered = await render(data);
    await writeAudit(
      db,
      request,
      { action: 'export', entity: 'person' },
      { entityId: personId, organisationId: scope.organisationId, details: { document } },
    );
    return rendered;
  }

  app.get(
    '/api/persons/:id/export.json',
    {
      config: { access: 'session' },
      schema: {
        tags: ['privacy'],
        params: idParams,
        response: { 200: personExportSchema },
      },
    },
    async (request, reply) => {
      const data = await exportFor(request, request.params.id, 'data_export_json', (d) => d);
      return reply
        .header('content-disposition', 'attachment; filename="donnees-personne.json"')
        .header('cache-control', 'no-store')
        .send(data as unknown as Record<string, unknown>);
    },
  );

  app.get(
    '/api/persons/:id/export.pdf',
    {
      config: { access: 'session' },
      schema: { tags: ['privacy'], params: idParams },
    },
    async (request, reply) => {
      const pdf = await exportFor(request, request.params.id, 'data_export_pdf', renderExportPdf);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="donnees-personne.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/persons/:id/erasure',
    {
      config: { access: 'session', audit: { action: 'erase', entity: 'person' } },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: reasonBodySchema,
        response: { 200: erasureSchema },
      },
    },
    async (request) => {
      const scope = await requirePerson(request, 'persons.erase', request.params.id);
      const { id } = request.params;
      const { reason } = request.body;
      const orgId = scope.organisationId;
      const outcome = await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = orgId;
        const person = await trx
          .selectFrom('person')
          .select(['first_name', 'last_name', 'niss', 'email', 'phone', 'address', 'erased_at'])
          .where('id', '=', id)
          .where('organisation_id', '=', orgId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!person) throw notFound('Personne');
        if (!person.erased_at) assertReasonNamesNoOne('reason', reason, person);
        const result = await erasePerson(trx, {
          personId: id,
          organisationId: orgId,
          kind: 'request',
          now: clock.now(),
        });
        if (result === 'not_found') throw notFound('Personne');
        audit.details = { kind: 'request', reason, alreadyErased: result === 'already_erased' };
        return result;
      });
      const row = await db
        .selectFrom('person')
        .select('erased_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return {
        id,
        erasedAt: new Date(row.erased_at!).toISOString(),
        alreadyErased: outcome === 'already_erased',
      };
    },
  );

  app.delete(
    '/api/persons/:id',
    {
      config: { access: 'admin', audit: { action: 'hard_delete', entity: 'person' } },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: reasonBodySchema,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { reason } = request.body;
      await request.mutate(async (trx, audit) => {
        const person = await trx
          .selectFrom('person')
          .select(['organisation_id', 'first_name', 'last_name', 'niss', 'email', 'phone', 'address'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!person) throw notFound('Personne');
        assertReasonNamesNoOne('reason', reason, person);
        audit.entityId = id;
        audit.organisationId = person.organisation_id;
        audit.details = { reason };
        await hardDeletePerson(trx, id);
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/privacy/retention-runs',
    {
      config: { access: 'session' },
      schema: {
        tags: ['privacy'],
        querystring: retentionRunsQuerySchema,
        response: { 200: retentionRunListSchema },
      },
    },
    async (request) => {
      // The admin sees every organisation's lines; a coordinator those of the current organisation.
      const all = request.user?.isAdmin === true;
      const orgId = all ? null : (await currentScope(request, 'privacy.retention')).organisationId;
      const runs = await db
        .selectFrom('retention_run')
        .selectAll()
        .where('dry_run', '=', false)
        .orderBy('started_at', 'desc')
        .limit(request.query.limit)
        .execute();
      if (runs.length === 0) return [];
      let lines = db
        .selectFrom('retention_run_organisation as r')
        .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
        .select(['r.run_id', 'r.organisation_id', 'o.name', 'r.retention_years', 'r.cutoff', 'r.anonymised'])
        .where(
          'r.run_id',
          'in',
          runs.map((r) => r.id),
        )
        .orderBy('o.name');
      if (orgId) lines = lines.where('r.organisation_id', '=', orgId);
      const rows = await lines.execute();
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
    },
  );

  app.get(
    '/api/organisations/:id/retention-settings',
    {
      config: { access: 'session' },
      schema: { tags: ['privacy'], params: idParams, response: { 200: retentionSettingsSchema } },
    },
    async (request) => {
      await requireOrgPermission(request, db, request.params.id, 'settings.read');
      return loadRetentionYears(db, request.params.id);
    },
  );

  app.put(
    '/api/organisations/:id/retention-settings',
    {
      config: { access: 'session', audit: { action: 'update_retention', entity: 'organisation_settings' } },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: retentionSettingsInputSchema,
        response: { 200: retentionSettingsSchema },
      },
    },
    async (request) => {
      const orgId = request.params.id;
      await requireOrgPermission(request, db, orgId, 'privacy.retention');
      const { retentionYears, version } = request.body;
      await request.mutate(async (trx, audit) => {
        audit.entityId = orgId;
        audit.organisationId = orgId;
        audit.details = { retentionYears };
        const current = await loadRetentionYears(trx, orgId);
        if (current.version !== version) throw staleVersion(current);
        if (version === 0) {
          await trx
            .insertInto('organisation_settings')
            .values({
              organisation_id: orgId,
              cadence: JSON.stringify(DEFAULT_CADENCE_SETTINGS),
              trust_contract_template: DEFAULT_TRUST_CONTRACT_TEMPLATE,
              retention_years: retentionYears,
              updated_at: clock.now(),
            })
            .execute();
        } else {
          await trx
            .updateTable('organisation_settings')
            .set((eb) => ({
              retention_years: retentionYears,
              version: eb('version', '+', 1),
              updated_at: clock.now(),
            }))
            .where('organisation_id', '=', orgId)
            .execute();
        }
      });
      return loadRetentionYears(db, orgId);
    },
  );
};
