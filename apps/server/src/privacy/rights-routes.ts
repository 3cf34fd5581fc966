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
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForInstallation } from '../http/installation-route.ts';
import { contextIn, run } from '../http/use-case-route.ts';
import {
  getRetentionSettings,
  listAllRetentionRuns,
  listRetentionRuns,
  updateRetentionSettings,
} from './use-cases/retention.ts';
import {
  deletePersonForGood,
  erasePersonOnRequest,
  exportPersonJson,
  exportPersonPdf,
} from './use-cases/rights.ts';

/**
 * Data-subject rights: the export of everything held about a person (JSON and PDF), erasure on
 * request, hard deletion by the installation admin, and the retention job's reports and setting
 * (privacy/use-cases/rights.ts and retention.ts).
 */
export const rightsRoutes: FastifyPluginAsyncZod = async (app) => {
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
      const data = await run(request, exportPersonJson, { personId: request.params.id });
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
      const pdf = await run(request, exportPersonPdf, { personId: request.params.id });
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
      config: { access: 'session', audit: erasePersonOnRequest.audit },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: reasonBodySchema,
        response: { 200: erasureSchema },
      },
    },
    (request) => run(request, erasePersonOnRequest, { ...request.body, personId: request.params.id }),
  );

  app.delete(
    '/api/persons/:id',
    {
      config: { access: 'admin', audit: deletePersonForGood.audit },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: reasonBodySchema,
      },
    },
    async (request, reply) => {
      await runForInstallation(request, deletePersonForGood, {
        ...request.body,
        personId: request.params.id,
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
    // The administrator sees every organisation's lines (with or without a current organisation);
    // a coordinator those of the current organisation.
    (request) =>
      request.user?.isAdmin
        ? runForInstallation(request, listAllRetentionRuns, request.query)
        : run(request, listRetentionRuns, request.query),
  );

  app.get(
    '/api/organisations/:id/retention-settings',
    {
      config: { access: 'session' },
      schema: { tags: ['privacy'], params: idParams, response: { 200: retentionSettingsSchema } },
    },
    async (request) => run(request, getRetentionSettings, {}, await contextIn(request, request.params.id)),
  );

  app.put(
    '/api/organisations/:id/retention-settings',
    {
      config: { access: 'session', audit: updateRetentionSettings.audit },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: retentionSettingsInputSchema,
        response: { 200: retentionSettingsSchema },
      },
    },
    async (request) =>
      run(request, updateRetentionSettings, request.body, await contextIn(request, request.params.id)),
  );
};
