import {
  employerContactInputSchema,
  employerFileSchema,
  employerInputSchema,
  employerListQuerySchema,
  employerLookupQuerySchema,
  employerLookupSchema,
  employerPatchSchema,
  employerPersonListSchema,
  employerSummaryListSchema,
  idParams,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import {
  createEmployer,
  getEmployer,
  listEmployers,
  lookupEmployer,
  recordEmployerContact,
  updateEmployer,
} from './use-cases/employers.ts';
import { listEmployerPersons } from './use-cases/visit-sheet.ts';

/** The basin's shared employer registry (employers/use-cases/employers.ts). */
export const employerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/employers',
    {
      config: { access: 'session' },
      schema: {
        tags: ['employers'],
        querystring: employerListQuerySchema,
        response: { 200: employerSummaryListSchema },
      },
    },
    (request) => run(request, listEmployers, request.query),
  );

  app.get(
    '/api/employers/lookup',
    {
      config: { access: 'session' },
      schema: {
        tags: ['employers'],
        querystring: employerLookupQuerySchema,
        response: { 200: employerLookupSchema },
      },
    },
    (request) => run(request, lookupEmployer, request.query),
  );

  app.post(
    '/api/employers',
    {
      config: { access: 'session', audit: createEmployer.audit },
      schema: {
        tags: ['employers'],
        body: employerInputSchema,
        response: { 201: employerFileSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await run(request, createEmployer, request.body)),
  );

  app.get(
    '/api/employers/:id',
    {
      config: { access: 'session' },
      schema: { tags: ['employers'], params: idParams, response: { 200: employerFileSchema } },
    },
    (request) => run(request, getEmployer, { employerId: request.params.id }),
  );

  app.get(
    '/api/employers/:id/persons',
    {
      config: { access: 'session' },
      schema: { tags: ['employers'], params: idParams, response: { 200: employerPersonListSchema } },
    },
    (request) => run(request, listEmployerPersons, { employerId: request.params.id }),
  );

  app.patch(
    '/api/employers/:id',
    {
      config: { access: 'session', audit: updateEmployer.audit },
      schema: {
        tags: ['employers'],
        params: idParams,
        body: employerPatchSchema,
        response: { 200: employerFileSchema },
      },
    },
    (request) => run(request, updateEmployer, { ...request.body, employerId: request.params.id }),
  );

  app.post(
    '/api/employers/:id/contacts',
    {
      config: { access: 'session', audit: recordEmployerContact.audit },
      schema: {
        tags: ['employers'],
        params: idParams,
        body: employerContactInputSchema,
        response: { 201: employerFileSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await run(request, recordEmployerContact, { ...request.body, employerId: request.params.id })),
  );
};
