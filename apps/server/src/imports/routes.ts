import {
  importBodySchema,
  importJobParams,
  importJobSchema,
  importPreviewBodySchema,
  importPreviewSchema,
  jobStartedSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { previewVacancyImport, vacancyImportJobs } from './use-cases/vacancy-import.ts';

/** A 10,000-row export is about 3 MB; JSON escaping adds a little. The server's default is 5 MiB. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** The vacancy CSV import: a preview, the import as a job, its progress (imports/use-cases). */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { startVacancyImport, readVacancyImport } = vacancyImportJobs({
    runners: app.deps.importRunners,
    log: app.log,
  });

  app.post(
    '/api/vacancies/import/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: 'session', audit: previewVacancyImport.audit },
      schema: {
        tags: ['vacancies'],
        body: importPreviewBodySchema,
        response: { 200: importPreviewSchema },
      },
    },
    (request) => run(request, previewVacancyImport, request.body),
  );

  app.post(
    '/api/vacancies/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: 'session', audit: startVacancyImport.audit },
      schema: {
        tags: ['vacancies'],
        body: importBodySchema,
        response: { 202: jobStartedSchema },
      },
    },
    async (request, reply) => reply.status(202).send(await run(request, startVacancyImport, request.body)),
  );

  app.get(
    '/api/vacancies/import/:jobId',
    {
      config: { access: 'session' },
      schema: {
        tags: ['vacancies'],
        params: importJobParams,
        response: { 200: importJobSchema },
      },
    },
    (request) => run(request, readVacancyImport, request.params),
  );
};
