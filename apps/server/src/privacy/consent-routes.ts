import {
  consentInputSchema,
  consentListSchema,
  consentParams,
  consentWithdrawalSchema,
  handoffCreatedSchema,
  handoffInputSchema,
  handoffListSchema,
  idParams,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { giveConsent, handOff, listConsents, listHandoffs, withdrawConsent } from './use-cases/consents.ts';

/**
 * Consent per purpose (with the information given) and hand-offs of a person's data to a named
 * partner (privacy/use-cases/consents.ts).
 */
export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/persons/:id/consents',
    {
      config: { access: 'session' },
      schema: { tags: ['privacy'], params: idParams, response: { 200: consentListSchema } },
    },
    (request) => run(request, listConsents, { personId: request.params.id }),
  );

  app.post(
    '/api/persons/:id/consents',
    {
      config: { access: 'session', audit: giveConsent.audit },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: consentInputSchema,
        response: { 201: consentListSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await run(request, giveConsent, { ...request.body, personId: request.params.id })),
  );

  app.post(
    '/api/persons/:id/consents/:consentId/withdraw',
    {
      config: { access: 'session', audit: withdrawConsent.audit },
      schema: {
        tags: ['privacy'],
        params: consentParams,
        body: consentWithdrawalSchema,
        response: { 200: consentListSchema },
      },
    },
    (request) =>
      run(request, withdrawConsent, {
        ...request.body,
        personId: request.params.id,
        consentId: request.params.consentId,
      }),
  );

  app.get(
    '/api/persons/:id/handoffs',
    {
      config: { access: 'session' },
      schema: { tags: ['privacy'], params: idParams, response: { 200: handoffListSchema } },
    },
    (request) => run(request, listHandoffs, { personId: request.params.id }),
  );

  app.post(
    '/api/persons/:id/handoffs',
    {
      config: { access: 'session', audit: handOff.audit },
      schema: {
        tags: ['privacy'],
        params: idParams,
        body: handoffInputSchema,
        response: { 201: handoffCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, handOff, { ...request.body, personId: request.params.id })),
  );
};
