import {
  historyDocumentationSchema,
  historyImportBodySchema,
  historyImportJobSchema,
  historyImportListSchema,
  historyInspectBodySchema,
  historyInspectSchema,
  historyUndoneSchema,
  idParams,
  jobStartedSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { downloadHistoryTemplate, readHistoryDocumentation } from './use-cases/history-help.ts';
import { historyImportJobs } from './use-cases/history-import.ts';
import { inspectHistoryImport } from './use-cases/history-inspect.ts';
import { listHistoryImports, undoHistoryImport } from './use-cases/history-undo.ts';

/**
 * The historical import (docs/import.md): POST the files (base64 in JSON: the API takes JSON only),
 * get a job back at once, and follow its progress and result on GET (history/use-cases).
 */

/** Six files of 10,000 rows stay well under this; base64 adds a third. */
const BODY_LIMIT = 64 * 1024 * 1024;

export const historyImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { startHistoryImport, readHistoryImport } = historyImportJobs({
    runners: app.deps.importRunners,
    log: app.log,
  });

  app.post(
    '/api/history-imports',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: 'session', audit: startHistoryImport.audit },
      schema: {
        tags: ['history'],
        body: historyImportBodySchema,
        response: { 202: jobStartedSchema },
      },
    },
    async (request, reply) => reply.status(202).send(await run(request, startHistoryImport, request.body)),
  );

  app.post(
    '/api/history-imports/inspect',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: 'session', audit: inspectHistoryImport.audit },
      schema: {
        tags: ['history'],
        body: historyInspectBodySchema,
        response: { 200: historyInspectSchema },
      },
    },
    (request) => run(request, inspectHistoryImport, request.body),
  );

  app.get(
    '/api/history-imports',
    {
      config: { access: 'session' },
      schema: { tags: ['history'], response: { 200: historyImportListSchema } },
    },
    (request) => run(request, listHistoryImports, {}),
  );

  app.post(
    '/api/history-imports/:id/undo',
    {
      config: { access: 'session', audit: undoHistoryImport.audit },
      schema: { tags: ['history'], params: idParams, response: { 200: historyUndoneSchema } },
    },
    (request) => run(request, undoHistoryImport, { jobId: request.params.id }),
  );

  app.get(
    '/api/history-imports/template.xlsx',
    { config: { access: 'session' }, schema: { tags: ['history'] } },
    async (request, reply) => {
      const file = await run(request, downloadHistoryTemplate, {});
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/api/history-imports/documentation',
    {
      config: { access: 'session' },
      schema: { tags: ['history'], response: { 200: historyDocumentationSchema } },
    },
    (request) => run(request, readHistoryDocumentation, {}),
  );

  app.get(
    '/api/history-imports/:id',
    {
      config: { access: 'session' },
      schema: {
        tags: ['history'],
        params: idParams,
        response: { 200: historyImportJobSchema },
      },
    },
    (request) => run(request, readHistoryImport, { jobId: request.params.id }),
  );
};
