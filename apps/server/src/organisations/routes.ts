import {
  idParams,
  organisationInputSchema,
  organisationListSchema,
  organisationPatchSchema,
  organisationSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForInstallation } from '../http/installation-route.ts';
import { contextIn, run } from '../http/use-case-route.ts';
import {
  createOrganisation,
  listOrganisations,
  readOrganisation,
  updateOrganisation,
} from './use-cases/organisations.ts';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organisations',
    {
      config: { access: 'session' },
      schema: { tags: ['organisations'], response: { 200: organisationListSchema } },
    },
    (request) => runForInstallation(request, listOrganisations, {}),
  );

  app.post(
    '/api/organisations',
    {
      config: { access: 'admin', audit: createOrganisation.audit },
      schema: {
        tags: ['organisations'],
        body: organisationInputSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runForInstallation(request, createOrganisation, request.body)),
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { access: 'session' },
      schema: { tags: ['organisations'], params: idParams, response: { 200: organisationSchema } },
    },
    async (request) => run(request, readOrganisation, {}, await contextIn(request, request.params.id)),
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { access: 'session', audit: updateOrganisation.audit },
      schema: {
        tags: ['organisations'],
        params: idParams,
        body: organisationPatchSchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) =>
      run(request, updateOrganisation, request.body, await contextIn(request, request.params.id)),
  );
};
