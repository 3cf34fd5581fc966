import {
  createPersonSchema,
  idParams,
  patchPersonSchema,
  personFileSchema,
  personListQuerySchema,
  personSummaryListSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { createPerson, getPersonFile, listPersons, updatePerson } from './use-cases/persons.ts';

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/persons',
    {
      config: { access: 'session' },
      schema: {
        tags: ['persons'],
        querystring: personListQuerySchema,
        response: { 200: personSummaryListSchema },
      },
    },
    (request) => run(request, listPersons, request.query),
  );

  app.post(
    '/api/persons',
    {
      config: { access: 'session', audit: createPerson.audit },
      schema: { tags: ['persons'], body: createPersonSchema, response: { 201: personFileSchema } },
    },
    async (request, reply) => reply.status(201).send(await run(request, createPerson, request.body)),
  );

  app.get(
    '/api/persons/:id',
    {
      config: { access: 'session' },
      schema: { tags: ['persons'], params: idParams, response: { 200: personFileSchema } },
    },
    (request) => run(request, getPersonFile, { personId: request.params.id }),
  );

  app.patch(
    '/api/persons/:id',
    {
      config: { access: 'session', audit: updatePerson.audit },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: patchPersonSchema,
        response: { 200: personFileSchema },
      },
    },
    (request) => run(request, updatePerson, { ...request.body, personId: request.params.id }),
  );
};
