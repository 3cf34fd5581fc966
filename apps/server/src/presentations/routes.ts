import {
  cancelMoveSchema,
  idParams,
  presentationInputSchema,
  presentationListQuerySchema,
  presentationListSchema,
  presentationSchema,
  presentationStepParams,
  stepInputSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import {
  addPresentationStep,
  cancelPresentationStep,
  listPresentations,
  proposePresentation,
} from './use-cases/presentations.ts';

export const presentationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/presentations',
    {
      config: { access: 'session' },
      schema: {
        tags: ['presentations'],
        querystring: presentationListQuerySchema,
        response: { 200: presentationListSchema },
      },
    },
    (request) => run(request, listPresentations, request.query),
  );

  app.post(
    '/api/presentations',
    {
      config: { access: 'session', audit: proposePresentation.audit },
      schema: {
        tags: ['presentations'],
        body: presentationInputSchema,
        response: { 201: presentationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await run(request, proposePresentation, request.body)),
  );

  app.post(
    '/api/presentations/:id/steps',
    {
      config: { access: 'session', audit: addPresentationStep.audit },
      schema: {
        tags: ['presentations'],
        params: idParams,
        body: stepInputSchema,
        response: { 200: presentationSchema },
      },
    },
    (request) => run(request, addPresentationStep, { ...request.body, presentationId: request.params.id }),
  );

  app.post(
    '/api/presentations/:id/steps/:stepId/cancel',
    {
      config: { access: 'session', audit: cancelPresentationStep.audit },
      schema: {
        tags: ['presentations'],
        params: presentationStepParams,
        body: cancelMoveSchema,
        response: { 200: presentationSchema },
      },
    },
    (request) =>
      run(request, cancelPresentationStep, {
        ...request.body,
        presentationId: request.params.id,
        stepId: request.params.stepId,
      }),
  );
};
