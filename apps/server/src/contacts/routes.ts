import {
  cancellationSchema,
  contactCorrectionSchema,
  contactParams,
  correctedEntrySchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { cancelContact, correctContact } from './use-cases/corrections.ts';

/** Corrections of a contact entered by mistake (contacts/use-cases/corrections.ts). */
export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/api/contacts/:id',
    {
      config: { access: 'session', audit: correctContact.audit },
      schema: {
        tags: ['contacts'],
        params: contactParams,
        body: contactCorrectionSchema,
        response: { 200: correctedEntrySchema },
      },
    },
    (request) => run(request, correctContact, { ...request.body, contactId: request.params.id }),
  );

  app.post(
    '/api/contacts/:id/cancel',
    {
      config: { access: 'session', audit: cancelContact.audit },
      schema: {
        tags: ['contacts'],
        params: contactParams,
        body: cancellationSchema,
        response: { 200: correctedEntrySchema },
      },
    },
    (request) => run(request, cancelContact, { ...request.body, contactId: request.params.id }),
  );
};
