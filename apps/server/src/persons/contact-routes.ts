import { contactInputSchema, idParams, personFileSchema } from '@jobcoach/contract';
import { compareDates } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invalid, notFound } from '../http/errors.ts';
import { requirePerson, viewerOf } from '../http/scope.ts';
import { assertNotFuture } from './common.ts';
import { loadPersonFile } from './file.ts';
import { lockPerson } from './queries.ts';

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.post(
    '/api/persons/:id/contacts',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'contact' } },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: contactInputSchema,
        response: { 201: personFileSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const scope = await requirePerson(request, 'persons.write', id);
      const body = request.body;
      const orgId = scope.organisationId;
      const today = clock.today();
      assertNotFuture('date', body.date, today);
      if (body.nextPlannedOn && compareDates(body.nextPlannedOn, body.date) < 0) {
        throw invalid('nextPlannedOn', 'le prochain contact ne peut pas précéder celui-ci.');
      }
      await request.mutate(async (trx, audit) => {
        if (!(await lockPerson(trx, orgId, id))) throw notFound('Personne');
        const row = await trx
          .insertInto('contact')
          .values({
            organisation_id: orgId,
            person_id: id,
            date: body.date,
            with_whom: body.withWhom,
            counterpart: body.counterpart ?? null,
            channel: body.channel,
            duration_minutes: body.durationMinutes ?? null,
            notes: body.notes ?? null,
            confidential: body.confidential ?? false,
            next_planned_on: body.nextPlannedOn ?? null,
            author_id: scope.userId,
            created_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit.entityId = row.id;
        audit.organisationId = orgId;
        audit.details = {
          personId: id,
          channel: body.channel,
          withWhom: body.withWhom,
          confidential: body.confidential ?? false,
        };
      });
      const file = await loadPersonFile(db, orgId, id, viewerOf(scope), today);
      return reply.status(201).send(file!);
    },
  );
};
