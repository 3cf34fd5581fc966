import { assessmentInputSchema, idParams, personFileSchema } from '@jobcoach/contract';
import { COACHABILITY_CONDITIONS, compareDates, validateCoachabilityAssessment } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { requirePerson, viewerOf } from '../http/scope.ts';
import { assertNotFuture } from './common.ts';
import { loadPersonFile } from './file.ts';
import { assertPartner, lockPerson } from './queries.ts';

/** The domain names the redirect partner "partner"; the API calls it redirectPartnerId. */
const API_FIELD: Record<string, string> = { partner: 'redirectPartnerId' };

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.post(
    '/api/persons/:id/assessments',
    {
      config: { access: 'session', audit: { action: 'assess', entity: 'person' } },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: assessmentInputSchema,
        response: { 201: personFileSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const scope = await requirePerson(request, 'persons.write', id);
      const body = request.body;
      const orgId = scope.organisationId;
      const today = clock.today();
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = orgId;
        audit.details = { decision: body.decision };
        const person = await lockPerson(trx, orgId, id);
        if (!person) throw notFound('Personne');
        if (person.phase !== 'intake') {
          throw new AppError(
            409,
            'conflict',
            'L’évaluation de la coachabilité se fait pendant l’accueil : cette personne a déjà quitté cette phase.',
          );
        }
        assertNotFuture('assessedOn', body.assessedOn, today);
        if (compareDates(body.assessedOn, person.referral_received_on) < 0) {
          throw invalid('assessedOn', 'l’évaluation ne peut pas précéder la réception de l’orientation.');
        }
        const conditions = Object.fromEntries(
          COACHABILITY_CONDITIONS.map((c) => [c, body.conditions[c].met]),
        ) as Record<(typeof COACHABILITY_CONDITIONS)[number], boolean>;
        const [error] = validateCoachabilityAssessment({
          assessedOn: body.assessedOn,
          conditions,
          decision: body.decision,
          reviewDate: body.reviewDate ?? null,
          partner: body.redirectPartnerId ?? null,
          reason: body.reason ?? null,
        });
        if (error)
          throw new AppError(400, 'validation', error.message, API_FIELD[error.field] ?? error.field);
        const redirected = body.decision === 'redirected';
        if (redirected) await assertPartner(trx, orgId, body.redirectPartnerId!, 'redirectPartnerId');
        await trx
          .insertInto('coachability_assessment')
          .values({
            organisation_id: orgId,
            person_id: id,
            assessed_on: body.assessedOn,
            conditions: JSON.stringify(
              Object.fromEntries(
                COACHABILITY_CONDITIONS.map((c) => [
                  c,
                  { met: body.conditions[c].met, comment: body.conditions[c].comment ?? null },
                ]),
              ),
            ),
            decision: body.decision,
            review_date: body.decision === 'postponed' ? (body.reviewDate ?? null) : null,
            redirect_partner_id: redirected ? (body.redirectPartnerId ?? null) : null,
            reason: body.reason ?? null,
            assessor_id: scope.userId,
            created_at: clock.now(),
          })
          .execute();
      });
      const file = await loadPersonFile(db, orgId, id, viewerOf(scope), today);
      return reply.status(201).send(file!);
    },
  );
};
