import { assessmentInputSchema, contactInputSchema, idParams, personFileSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { assessPerson, logContact } from './use-cases/intake.ts';

/** The coachability assessment and the contacts of a person's file. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/persons/:id/assessments',
    {
      config: { access: 'session', audit: assessPerson.audit },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: assessmentInputSchema,
        response: { 201: personFileSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await run(request, assessPerson, { ...request.body, personId: request.params.id })),
  );

  app.post(
    '/api/persons/:id/contacts',
    {
      config: { access: 'session', audit: logContact.audit },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: contactInputSchema,
        response: { 201: personFileSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await run(request, logContact, { ...request.body, personId: request.params.id })),
  );
};
