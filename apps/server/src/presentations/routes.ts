import { compareDates, maxDate, PHASE_LABELS, type Phase } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { basinScope, CODES } from '../employers/scope.ts';
import { AppError, invalid, notFound, staleVersion } from '../http/errors.ts';
import { personScope, recordNotFound, requirePresentation } from '../http/scope.ts';
import { assertNotFuture, frenchDate, idParams } from '../persons/common.ts';
import { lockPerson } from '../persons/queries.ts';
import { trajectoryRole } from '../persons/scope.ts';
import { applyTransition } from '../persons/transitions.ts';
import { lockVacancy, presentationCap } from '../vacancies/queries.ts';
import { loadPresentation, loadPresentations } from './queries.ts';
import {
  presentationInputSchema,
  presentationListQuerySchema,
  presentationSchema,
  stepInputSchema,
} from './schemas.ts';
import { checkStep, PRESENTATION_STEP_LABELS, type PresentationStep } from './workflow.ts';

export const presentationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/presentations',
    {
      config: { access: 'session' },
      schema: {
        tags: ['presentations'],
        querystring: presentationListQuerySchema,
        response: { 200: presentationSchema.array() },
      },
    },
    async (request) => {
      await basinScope(request, 'presentations.read');
      const scope = await personScope(request, 'presentations.read');
      const { vacancyId, personId, limit } = request.query;
      return loadPresentations(db, scope.organisationId, {
        ...(vacancyId ? { vacancyId } : {}),
        ...(personId ? { personId } : {}),
        limit,
        scope,
      });
    },
  );

  app.post(
    '/api/presentations',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'presentation' } },
      schema: {
        tags: ['presentations'],
        body: presentationInputSchema,
        response: { 201: presentationSchema },
      },
    },
    async (request, reply) => {
      const scope = await basinScope(request, 'presentations.write');
      // The person is within the caller's scope (a jobcoach: own caseload): the scope guard checked
      // `personId` before this handler (http/scope.ts).
      const { personId, vacancyId } = request.body;
      const today = clock.today();
      const date = request.body.date ?? today;
      assertNotFuture('date', date, today);
      const orgId = scope.organisationId;
      const id = await request.mutate(async (trx, audit) => {
        // The vacancy is locked first: concurrent proposals for it queue up behind the cap check.
        const vacancy = await lockVacancy(trx, orgId, vacancyId);
        if (!vacancy) throw new AppError(404, 'not_found', 'Offre d’emploi introuvable.', 'vacancyId');
        if (vacancy.status !== 'open') {
          throw new AppError(
            409,
            'conflict',
            `L’offre « ${vacancy.title} » n’est plus ouverte : on n’y présente plus de candidat·e.`,
            'vacancyId',
          );
        }
        const person = await lockPerson(trx, orgId, personId);
        if (!person) throw recordNotFound('person', 'personId');
        if (person.phase !== 'pre_hire') {
          throw new AppError(
            409,
            'conflict',
            `${person.first_name} ${person.last_name} n’est pas en pré-embauche (phase « ${PHASE_LABELS[person.phase as Phase]} ») : seules les personnes en pré-embauche sont présentées à un employeur.`,
            'personId',
          );
        }
        const existing = await trx
          .selectFrom('presentation')
          .select('id')
          .where('person_id', '=', personId)
          .where('vacancy_id', '=', vacancyId)
          .where('active', '=', true)
          .executeTakeFirst();
        if (existing) {
          throw new AppError(
            409,
            'conflict',
            `${person.first_name} ${person.last_name} est déjà proposé·e pour l’offre « ${vacancy.title} ».`,
            'personId',
            { existingId: existing.id },
          );
        }
        const cap = await presentationCap(trx, orgId);
        const active = await trx
          .selectFrom('presentation')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('vacancy_id', '=', vacancyId)
          .where('active', '=', true)
          .executeTakeFirstOrThrow();
        const n = Number(active.n);
        if (n >= cap) {
          throw new AppError(
            409,
            CODES.presentationCap,
            `Votre organisation présente au plus ${cap} candidat·e${cap > 1 ? 's' : ''} à la fois pour une offre, et ${n} ${n > 1 ? 'sont' : 'est'} déjà en cours pour « ${vacancy.title} ». Clôturez une candidature (refus, désistement, engagement…) avant d’en proposer une autre.`,
            'vacancyId',
            { cap, active: n },
          );
        }
        const row = await trx
          .insertInto('presentation')
          .values({
            organisation_id: orgId,
            person_id: personId,
            vacancy_id: vacancyId,
            step: 'proposed',
            created_by: scope.userId,
            created_at: clock.now(),
            updated_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('presentation_step')
          .values({
            organisation_id: orgId,
            presentation_id: row.id,
            step: 'proposed',
            date,
            author_id: scope.userId,
            at: clock.now(),
          })
          .execute();
        audit.entityId = row.id;
        audit.organisationId = orgId;
        audit.details = { personId, vacancyId };
        return row.id;
      });
      return reply.status(201).send((await loadPresentation(db, orgId, id))!);
    },
  );

  app.post(
    '/api/presentations/:id/steps',
    {
      config: { access: 'session', audit: { action: 'step', entity: 'presentation' } },
      schema: {
        tags: ['presentations'],
        params: idParams,
        body: stepInputSchema,
        response: { 200: presentationSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'presentations.write');
      const { id } = request.params;
      await requirePresentation(request, 'presentations.write', id);
      const { step, date, reason, channel, version } = request.body;
      const orgId = scope.organisationId;
      const today = clock.today();
      assertNotFuture('date', date, today);
      await request.mutate(async (trx, audit) => {
        const found = await trx
          .selectFrom('presentation')
          .select('vacancy_id')
          .where('organisation_id', '=', orgId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!found) throw notFound('Candidature');
        // Same lock order as a new proposal: the vacancy, then the presentation, then the person.
        const vacancy = (await lockVacancy(trx, orgId, found.vacancy_id))!;
        const presentation = await trx
          .selectFrom('presentation')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (presentation.version !== version) throw staleVersion(await loadPresentation(trx, orgId, id));
        // The person last (the lock order); an erased person's file is read-only.
        await lockPerson(trx, orgId, presentation.person_id);
        const from = presentation.step as PresentationStep;
        const check = checkStep(from, step, { reason: reason ?? null, channel: channel ?? null });
        if (!check.ok) {
          if (check.code === 'not_allowed') {
            throw new AppError(409, CODES.stepNotAllowed, check.message, 'step', {
              allowed: check.allowed.map((s) => ({ step: s, label: PRESENTATION_STEP_LABELS[s] })),
            });
          }
          throw new AppError(400, 'validation', check.message, check.field);
        }
        const last = await trx
          .selectFrom('presentation_step')
          .select((eb) => eb.fn.max('date').as('d'))
          .where('presentation_id', '=', id)
          .executeTakeFirst();
        if (last?.d && compareDates(date, last.d) < 0) {
          throw invalid(
            'date',
            `la date ne peut pas précéder celle de l’étape précédente (${frenchDate(last.d)}).`,
          );
        }
        if (step === 'hired') {
          const employer = await trx
            .selectFrom('employer')
            .select('name')
            .where('id', '=', vacancy.employer_id)
            .executeTakeFirstOrThrow();
          // The hand-over to hiring is the trajectory's own move, checked and logged by it.
          await applyTransition(trx, {
            organisationId: orgId,
            personId: presentation.person_id,
            userId: scope.userId,
            role: trajectoryRole(scope),
            today,
            now: clock.now(),
            transitionId: 'start_hiring',
            fields: { date, employerId: vacancy.employer_id },
            fieldPrefix: '',
            detail: `Engagement pour l’offre « ${vacancy.title} » chez ${employer.name} (candidature)`,
          });
          const hired = await trx
            .selectFrom('presentation')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('vacancy_id', '=', vacancy.id)
            .where('step', '=', 'hired')
            .executeTakeFirstOrThrow();
          // This hiring fills the last opening: the vacancy is filled on that day.
          if (Number(hired.n) + 1 >= vacancy.openings && vacancy.status === 'open') {
            await trx
              .updateTable('vacancy')
              .set((eb) => ({
                status: 'filled',
                closed_on: maxDate(date, vacancy.opened_on),
                version: eb('version', '+', 1),
                updated_at: clock.now(),
              }))
              .where('id', '=', vacancy.id)
              .execute();
          }
        }
        await trx
          .updateTable('presentation')
          .set((eb) => ({ step, version: eb('version', '+', 1), updated_at: clock.now() }))
          .where('id', '=', id)
          .execute();
        await trx
          .insertInto('presentation_step')
          .values({
            organisation_id: orgId,
            presentation_id: id,
            step,
            date,
            reason: reason ?? null,
            channel: channel ?? null,
            author_id: scope.userId,
            at: clock.now(),
          })
          .execute();
        audit.entityId = id;
        audit.organisationId = orgId;
        audit.details = { from, to: step, personId: presentation.person_id, vacancyId: vacancy.id };
      });
      return (await loadPresentation(db, orgId, id))!;
    },
  );
};
