import {
  cancelMoveSchema,
  employmentPeriodInputSchema,
  employmentPeriodParams,
  idParams,
  personFileSchema,
  transitionEventParams,
  transitionInputSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import {
  addEmploymentPeriod,
  applyTransition,
  cancelLastTransition,
  removeEmploymentPeriod,
} from './use-cases/trajectory.ts';

export const trajectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/persons/:id/transitions',
    {
      config: { access: 'session', audit: applyTransition.audit },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: transitionInputSchema,
        response: { 200: personFileSchema },
      },
    },
    (request) => run(request, applyTransition, { personId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/persons/:id/transitions/:eventId/cancel',
    {
      config: { access: 'session', audit: cancelLastTransition.audit },
      schema: {
        tags: ['persons'],
        params: transitionEventParams,
        body: cancelMoveSchema,
        response: { 200: personFileSchema },
      },
    },
    (request) =>
      run(request, cancelLastTransition, {
        personId: request.params.id,
        eventId: request.params.eventId,
        ...request.body,
      }),
  );

  app.post(
    '/api/persons/:id/employment-periods',
    {
      config: { access: 'session', audit: addEmploymentPeriod.audit },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: employmentPeriodInputSchema,
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
      schema: { tags: ['persons'], params: employmentPeriodParams, response: { 200: personFileSchema } },
    },
    (request) =>
      run(request, removeEmploymentPeriod, {
        personId: request.params.id,
        periodId: request.params.periodId,
      }),
  );
};
