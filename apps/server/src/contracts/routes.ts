import {
  arrangementInputSchema,
  cancellationSchema,
  contractAndPersonSchema,
  contractInputSchema,
  contractListSchema,
  contractPatchSchema,
  contractSettingsInputSchema,
  contractSettingsSchema,
  idParams,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextIn, run } from '../http/use-case-route.ts';
import { getContractSettings, updateContractSettings } from './use-cases/contract-settings.ts';
import {
  cancelContract,
  listContracts,
  saveArrangement,
  signContract,
  startContractFollowUp,
  updateContract,
} from './use-cases/contracts.ts';
import { endLetterPdf } from './use-cases/end-letter.ts';

/** A person's contracts, their follow-up arrangements and end letter, and the contract settings. */
export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/persons/:id/contracts',
    {
      config: { access: 'session' },
      schema: { tags: ['contracts'], params: idParams, response: { 200: contractListSchema } },
    },
    (request) => run(request, listContracts, { personId: request.params.id }),
  );

  app.post(
    '/api/persons/:id/contracts',
    {
      config: { access: 'session', audit: signContract.audit },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: contractInputSchema,
        response: { 201: contractAndPersonSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await run(request, signContract, { ...request.body, personId: request.params.id })),
  );

  app.patch(
    '/api/contracts/:id',
    {
      config: { access: 'session', audit: updateContract.audit },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: contractPatchSchema,
        response: { 200: contractAndPersonSchema },
      },
    },
    (request) => run(request, updateContract, { ...request.body, contractId: request.params.id }),
  );

  app.post(
    '/api/contracts/:id/start-follow-up',
    {
      config: { access: 'session', audit: startContractFollowUp.audit },
      schema: { tags: ['contracts'], params: idParams, response: { 200: contractAndPersonSchema } },
    },
    (request) => run(request, startContractFollowUp, { contractId: request.params.id }),
  );

  app.post(
    '/api/contracts/:id/cancel',
    {
      config: { access: 'session', audit: cancelContract.audit },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: cancellationSchema,
        response: { 200: contractAndPersonSchema },
      },
    },
    (request) => run(request, cancelContract, { ...request.body, contractId: request.params.id }),
  );

  app.put(
    '/api/contracts/:id/follow-up',
    {
      config: { access: 'session', audit: saveArrangement.audit },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: arrangementInputSchema,
        response: { 200: contractAndPersonSchema },
      },
    },
    (request) => run(request, saveArrangement, { ...request.body, contractId: request.params.id }),
  );

  app.get(
    '/api/persons/:id/end-letter.pdf',
    {
      config: { access: 'session' },
      schema: { tags: ['contracts'], params: idParams },
    },
    async (request, reply) => {
      const pdf = await run(request, endLetterPdf, { personId: request.params.id });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="lettre-de-fin-d-accompagnement.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/organisations/:id/contract-settings',
    {
      config: { access: 'session' },
      schema: { tags: ['contracts'], params: idParams, response: { 200: contractSettingsSchema } },
    },
    async (request) => run(request, getContractSettings, {}, await contextIn(request, request.params.id)),
  );

  app.put(
    '/api/organisations/:id/contract-settings',
    {
      config: { access: 'session', audit: updateContractSettings.audit },
      schema: {
        tags: ['contracts'],
        params: idParams,
        body: contractSettingsInputSchema,
        response: { 200: contractSettingsSchema },
      },
    },
    async (request) =>
      run(request, updateContractSettings, request.body, await contextIn(request, request.params.id)),
  );
};
