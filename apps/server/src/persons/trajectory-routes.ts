import { sql } from '@jobcoach/db';
import {
  addDays,
  CONTRACT_KINDS,
  checkTransition,
  compareDates,
  type Phase,
  TRANSITION_FIELD_LABELS,
  TRANSITION_IDS,
} from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalid, notFound, staleVersion } from '../http/errors.ts';
import { assertNotFuture, dateSchema, idParams, text, versionSchema } from './common.ts';
import { loadPersonFile, transitionOptions } from './file.ts';
import { lockPerson } from './queries.ts';
import { personFileSchema } from './schemas.ts';
import { currentScope, trajectoryRole } from './scope.ts';

const fieldValue = z.union([text().max(2000, 'au plus 2000 caractères.'), z.number(), z.boolean(), z.null()]);

const transitionBody = z.object({
  transitionId: z.enum(TRANSITION_IDS, 'changement de phase inconnu.'),
  fields: z.record(text().max(50), fieldValue, 'objet attendu.'),
  version: versionSchema,
});

const periodBody = z.object({
  kind: z.enum(CONTRACT_KINDS, 'type de contrat inconnu (cdd, cdi ou other).'),
  start: dateSchema,
  end: dateSchema.nullish(),
});

const periodParams = idParams.extend({ periodId: z.uuid('identifiant invalide.') });

export const trajectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.post(
    '/api/persons/:id/transitions',
    {
      config: { access: 'session', audit: { action: 'transition', entity: 'person' } },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: transitionBody,
        response: { 200: personFileSchema },
      },
    },
    async (request) => {
      const scope = await currentScope(request, 'persons.write');
      const { id } = request.params;
      const { transitionId, fields, version } = request.body;
      const orgId = scope.organisationId;
      const role = trajectoryRole(scope);
      const today = clock.today();
      await request.mutate(async (trx, audit) => {
        const person = await lockPerson(trx, orgId, id);
        if (!person) throw notFound('Personne');
        if (person.version !== version) throw staleVersion(await loadPersonFile(trx, orgId, id, role, today));
        const from = person.phase as Phase;
        const check = checkTransition({
          from,
          transitionId,
          role,
          fields,
          today,
          phaseStart: person.phase_since,
        });
        if (!check.ok) {
          if (check.code === 'not_allowed') {
            throw new AppError(409, 'transition_not_allowed', check.message, undefined, {
              allowed: transitionOptions(from, role),
            });
          }
          throw new AppError(400, 'validation', check.message, `fields.${check.field}`);
        }
        const date = fields.date as string;
        const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : null);
        const changes: Record<string, unknown> = {};
        if (transitionId === 'enter_pre_hire') {
          // The method admits to pre-hire only a person assessed coachable (method.md §3).
          const assessment = await trx
            .selectFrom('coachability_assessment')
            .select('decision')
            .where('person_id', '=', id)
            .orderBy('created_at', 'desc')
            .limit(1)
            .executeTakeFirst();
          if (person.pre_hire_entry === null && assessment?.decision !== 'accepted') {
            throw new AppError(
              409,
              'not_coachable',
              "La personne ne peut entrer en pré-embauche qu'après une évaluation de coachabilité qui l'accepte.",
            );
          }
          const signedOn = text('trustContractSignedOn')!;
          assertNotFuture('fields.trustContractSignedOn', signedOn, today);
          // The clocks start at the first entry; a return to pre-hire keeps it (CDDs push the deadline).
          changes.pre_hire_entry = person.pre_hire_entry ?? date;
          changes.trust_contract_signed_on = signedOn;
          if (person.trust_contract_signed_on !== signedOn) {
            await trx
              .insertInto('person_document')
              .values({
                organisation_id: orgId,
                person_id: id,
                kind: 'trust_contract',
                dated_on: signedOn,
                author_id: scope.userId,
                created_at: clock.now(),
              })
              .execute();
          }
        } else if (transitionId === 'start_follow_up') {
          await trx
            .insertInto('employment_period')
            .values({
              organisation_id: orgId,
              person_id: id,
              kind: text('contractKind')!,
              start_on: text('contractStart')!,
              end_on: text('contractEnd'),
              created_by: scope.userId,
              created_at: clock.now(),
            })
            .execute();
        } else if (transitionId === 'return_to_pre_hire') {
          // Back in pre-hire, a contract still open ended the day before.
          const lastDay = addDays(date, -1);
          await trx
            .updateTable('employment_period')
            .set({ end_on: sql<string>`greatest(start_on, ${lastDay}::date)` })
            .where('person_id', '=', id)
            .where('end_on', 'is', null)
            .where('start_on', '<=', date)
            .execute();
        }
        const recorded = Object.fromEntries(
          Object.entries(fields).filter(([key]) => key in TRANSITION_FIELD_LABELS),
        );
        await trx
          .insertInto('trajectory_event')
          .values({
            organisation_id: orgId,
            person_id: id,
            actor_id: scope.userId,
            at: clock.now(),
            date,
            transition_id: transitionId,
            from_phase: from,
            to_phase: check.to,
            reason: text('returnReason') ?? text('exitReason'),
            detail: text('reasonDetail'),
            fields: JSON.stringify(recorded),
          })
          .execute();
        await trx
          .updateTable('person')
          .set((eb) => ({
            ...changes,
            phase: check.to,
            phase_since: date,
            version: eb('version', '+', 1),
            updated_at: clock.now(),
          }))
          .where('id', '=', id)
          .where('version', '=', version)
          .execute();
        audit.entityId = id;
        audit.organisationId = orgId;
        audit.details = { transitionId, from, to: check.to };
      });
      return (await loadPersonFile(db, orgId, id, role, today))!;
    },
  );

  app.post(
    '/api/persons/:id/employment-periods',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'employment_period' } },
      schema: { tags: ['persons'], params: idParams, body: periodBody, response: { 201: personFileSchema } },
    },
    async (request, reply) => {
      const scope = await currentScope(request, 'persons.write');
      const { id } = request.params;
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
      const file = await loadPersonFile(db, orgId, id, trajectoryRole(scope), clock.today());
      return reply.status(201).send(file!);
    },
  );

  app.delete(
    '/api/persons/:id/employment-periods/:periodId',
    {
      config: { access: 'session', audit: { action: 'delete', entity: 'employment_period' } },
      schema: { tags: ['persons'], params: periodParams, response: { 200: personFileSchema } },
    },
    async (request) => {
      const scope = await currentScope(request, 'persons.write');
      const { id, periodId } = request.params;
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
      return (await loadPersonFile(db, orgId, id, trajectoryRole(scope), clock.today()))!;
    },
  );
};
