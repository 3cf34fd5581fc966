import {
  employmentPeriodInputSchema,
  employmentPeriodParams,
  idParams,
  personFileSchema,
  transitionInputSchema,
} from '@jobcoach/contract';
import { compareDates } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invalid, notFound } from '../http/errors.ts';
import { requirePerson, viewerOf } from '../http/scope.ts';
import { loadPersonFile } from './file.ts';
import { lockPerson } from './queries.ts';
import { applyTransition } from './transitions.ts';

export const trajectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.post(
    '/api/persons/:id/transitions',
    {
      config: { access: 'session', audit: { action: 'transition', entity: 'person' } },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: transitionInputSchema,
        response: { 200: personFileSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const scope = await requirePerson(request, 'persons.write', id);
      const { transitionId, fields, version } = request.body;
      const orgId = scope.organisationId;
      const viewer = viewerOf(scope);
      const role = viewer.role;
      const today = clock.today();
      await request.mutate(async (trx, audit) => {
        const { from, to } = await applyTransition(trx, {
          organisationId: orgId,
          personId: id,
          userId: scope.userId,
          role,
          today,
          now: clock.now(),
          transitionId,
          fields,
          version,
          // A contract still running is ended through its own record (PATCH /api/contracts/:id).
          refuseOpenContracts: true,
        });
        audit.entityId = id;
        audit.organisationId = orgId;
        audit.details = { transitionId, from, to };
      });
      return (await loadPersonFile(db, orgId, id, viewer, today))!;
    },
  );

  app.post(
    '/api/persons/:id/employment-periods',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'employment_period' } },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: employmentPeriodInputSchema,
        response: { 201: personFileSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const scope = await requirePerson(request, 'persons.write', id);
      const { kind, start, end } = request.body;
      const orgId = scope.organisationId;
      if (end && compareDates(end, start) < 0) {
        throw invalid('end', 'la fin du contrat ne peut pas précéder son début.');
      }
      await request.mutate(async (trx, audit) => {
        if (!(await lockPerson(trx, orgId, id))) throw notFound('Personne');
        const row = await trx
          .insertInto('employment_period')
          .values({
            organisation_id: orgId,
            person_id: id,
            kind,
            start_on: start,
            end_on: end ?? null,
            created_by: scope.userId,
            created_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit.entityId = row.id;
        audit.organisationId = orgId;
        audit.details = { personId: id, kind };
      });
      const file = await loadPersonFile(db, orgId, id, viewerOf(scope), clock.today());
      return reply.status(201).send(file!);
    },
  );

  app.delete(
    '/api/persons/:id/employment-periods/:periodId',
    {
      config: { access: 'session', audit: { action: 'delete', entity: 'employment_period' } },
      schema: { tags: ['persons'], params: employmentPeriodParams, response: { 200: personFileSchema } },
    },
    async (request) => {
      const { id, periodId } = request.params;
      const scope = await requirePerson(request, 'persons.write', id);
      const orgId = scope.organisationId;
      await request.mutate(async (trx, audit) => {
        if (!(await lockPerson(trx, orgId, id))) throw notFound('Personne');
        const deleted = await trx
          .deleteFrom('employment_period')
          .where('id', '=', periodId)
          .where('person_id', '=', id)
          .where('organisation_id', '=', orgId)
          .returning('id')
          .executeTakeFirst();
        if (!deleted) throw notFound('Période d’emploi');
        audit.entityId = periodId;
        audit.organisationId = orgId;
        audit.details = { personId: id };
      });
      return (await loadPersonFile(db, orgId, id, viewerOf(scope), clock.today()))!;
    },
  );
};
