import { absenceInputSchema, absenceListSchema, absenceSchema, idParams } from '@jobcoach/contract';
import { compareDates } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { can, currentScope } from '../persons/scope.ts';
import { assertStaff, selectAbsences, toAbsence } from './queries.ts';

const ownOnly = () =>
  new AppError(403, 'forbidden', 'Un·e jobcoach ne gère que ses propres absences.', 'coachId');

/** Cover for absences (method.md §5): while a coach is away, a colleague sees their persons. */
export const absenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/absences',
    {
      config: { access: 'session' },
      schema: { tags: ['absences'], response: { 200: absenceListSchema } },
    },
    async (request) => {
      const scope = await currentScope(request, 'absences.read');
      const rows = await selectAbsences(db, scope.organisationId)
        .where('a.to_on', '>=', clock.today())
        .execute();
      return rows.map(toAbsence);
    },
  );

  app.post(
    '/api/absences',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'absence' } },
      schema: { tags: ['absences'], body: absenceInputSchema, response: { 201: absenceSchema } },
    },
    async (request, reply) => {
      const scope = await currentScope(request, 'absences.write');
      const { from, to, coverCoachId } = request.body;
      const coachId = request.body.coachId ?? scope.userId;
      const orgId = scope.organisationId;
      if (coachId !== scope.userId && !can(scope, 'persons.assign')) throw ownOnly();
      if (compareDates(to, from) < 0)
        throw invalid('to', 'la fin de l’absence ne peut pas précéder son début.');
      if (coverCoachId === coachId)
        throw invalid('coverCoachId', 'choisissez un·e autre collègue que la personne absente.');
      const id = await request.mutate(async (trx, audit) => {
        await assertStaff(trx, orgId, coachId, 'coachId');
        await assertStaff(trx, orgId, coverCoachId, 'coverCoachId');
        const row = await trx
          .insertInto('absence')
          .values({
            organisation_id: orgId,
            coach_id: coachId,
            from_on: from,
            to_on: to,
            cover_coach_id: coverCoachId,
            created_by: scope.userId,
            created_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit.entityId = row.id;
        audit.organisationId = orgId;
        return row.id;
      });
      const created = await selectAbsences(db, orgId).where('a.id', '=', id).executeTakeFirstOrThrow();
      return reply.status(201).send(toAbsence(created));
    },
  );

  app.delete(
    '/api/absences/:id',
    {
      config: { access: 'session', audit: { action: 'delete', entity: 'absence' } },
      schema: { tags: ['absences'], params: idParams },
    },
    async (request, reply) => {
      const scope = await currentScope(request, 'absences.write');
      const { id } = request.params;
      const orgId = scope.organisationId;
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = orgId;
        const absence = await trx
          .selectFrom('absence')
          .select('coach_id')
          .where('id', '=', id)
          .where('organisation_id', '=', orgId)
          .executeTakeFirst();
        if (!absence) throw notFound('Absence');
        if (absence.coach_id !== scope.userId && !can(scope, 'persons.assign')) throw ownOnly();
        await trx.deleteFrom('absence').where('id', '=', id).execute();
      });
      return reply.status(204).send();
    },
  );
};
