import {
  idParams,
  vacancyFileSchema,
  vacancyInputSchema,
  vacancyListQuerySchema,
  vacancyPatchSchema,
  vacancySummaryListSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { createVacancy, getVacancy, listVacancies, updateVacancy } from './use-cases/vacancies.ts';

export const vacancyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/vacancies',
    {
      config: { access: 'session' },
      schema: {
        tags: ['vacancies'],
        querystring: vacancyListQuerySchema,
        response: { 200: vacancySummaryListSchema },
      },
    },
    (request) => run(request, listVacancies, request.query),
  );

  app.post(
    '/api/vacancies',
    {
      config: { access: 'session', audit: createVacancy.audit },
      schema: {
        tags: ['vacancies'],
        body: vacancyInputSchema,
        response: { 201: vacancyFileSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await run(request, createVacancy, request.body)),
  );

  app.get(
    '/api/vacancies/:id',
    {
      config: { access: 'session' },
      schema: { tags: ['vacancies'], params: idParams, response: { 200: vacancyFileSchema } },
    },
    (request) => run(request, getVacancy, { vacancyId: request.params.id }),
  );

  app.patch(
    '/api/vacancies/:id',
    {
      config: { access: 'session', audit: updateVacancy.audit },
      schema: {
        tags: ['vacancies'],
        params: idParams,
        body: vacancyPatchSchema,
        response: { 200: vacancyFileSchema },
      },
    },
    (request) => run(request, updateVacancy, { ...request.body, vacancyId: request.params.id }),
  );
};
