import { absenceInputSchema, absenceListSchema, absenceSchema, idParams } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { createAbsence, deleteAbsence, listAbsences } from './use-cases/absences.ts';

/** Cover for absences (method.md §5): while a coach is away, a colleague sees their persons. */
export const absenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/absences',
    {
      config: { access: 'session' },
      schema: { tags: ['absences'], response: { 200: absenceListSchema } },
    },
    (request) => run(request, listAbsences, {}),
  );

  app.post(
    '/api/absences',
    {
      config: { access: 'session', audit: createAbsence.audit },
      schema: { tags: ['absences'], body: absenceInputSchema, response: { 201: absenceSchema } },
    },
    async (request, reply) => reply.status(201).send(await run(request, createAbsence, request.body)),
  );

  app.delete(
    '/api/absences/:id',
    {
      config: { access: 'session', audit: deleteAbsence.audit },
      schema: { tags: ['absences'], params: idParams },
    },
    async (request, reply) => {
      await run(request, deleteAbsence, { absenceId: request.params.id });
      return reply.status(204).send();
    },
  );
};
