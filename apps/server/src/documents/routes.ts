import { idParams, personFileSchema, trustContractInputSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { recordTrustContract, trustContractPdf } from './use-cases/trust-contract.ts';

/** The trust contract of a person: its signature, and the document to print. */
export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/persons/:id/trust-contract',
    {
      config: { access: 'session', audit: recordTrustContract.audit },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: trustContractInputSchema,
        response: { 200: personFileSchema },
      },
    },
    (request) => run(request, recordTrustContract, { ...request.body, personId: request.params.id }),
  );

  app.get(
    '/api/persons/:id/trust-contract.pdf',
    {
      config: { access: 'session' },
      schema: { tags: ['persons'], params: idParams },
    },
    async (request, reply) => {
      const pdf = await run(request, trustContractPdf, { personId: request.params.id });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="contrat-de-confiance.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
