import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { run } from '../http/use-case-route.ts';
import { idParams } from './common.ts';
import { personFileSchema } from './schemas.ts';
import {
  addEmploymentPeriod,
  applyTransition,
  employmentPeriodInput,
  removeEmploymentPeriod,
  transitionBodySchema,
} from './use-cases/trajectory.ts';

const periodParams = idParams.extend({ periodId: z.uuid('identifiant invalide.') });

export const trajectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/persons/:id/transitions',
    {
      config: { access: 'session', audit: applyTransition.audit },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: transitionBodySchema,
        response: { 200: personFileSchema },
      },
    },
    (request) => run(request, applyTransition, { personId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/persons/:id/employment-periods',
    {
      config: { access: 'session', audit: addEmploymentPeriod.audit },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: employmentPeriodInput.omit({ personId: true }),
        response: { 201: personFileSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await run(request, addEmploymentPeriod, { personId: request.params.id, ...request.body })),
  );

  app.delete(
    '/api/persons/:id/employment-periods/:periodId',
    {
      config: { access: 'session', audit: removeEmploymentPeriod.audit },
      schema: { tags: ['persons'], params: periodParams, response: { 200: personFileSchema } },
    },
    (request) =>
      run(request, removeEmploymentPeriod, {
        personId: request.params.id,
        periodId: request.params.periodId,
      }),
  );
};
