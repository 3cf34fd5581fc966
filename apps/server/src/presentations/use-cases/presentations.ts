import {
  cancelMoveSchema,
  presentationInputSchema,
  presentationListQuerySchema,
  stepInputSchema,
} from '@jobcoach/contract';
import {
  CLOSED_STEPS,
  cancelLastStep,
  checkStep,
  compareDates,
  maxDate,
  mayCorrect,
  PHASE_LABELS,
  type Phase,
  PRESENTATION_STEP_LABELS,
  type PresentationStep,
  validateCorrectionReason,
} from '@jobcoach/domain';
import { z } from 'zod';
import { AppError, invalid, notFound, staleVersion } from '../../application/errors.ts';
import {
  personIsInScope,
  personScope,
  requirePerson,
  requireRecord,
} from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { CODES } from '../../employers/scope.ts';
import { assertNotFuture, frenchDate } from '../../persons/common.ts';
import { lockPerson } from '../../persons/queries.ts';
import { moveTrajectory } from '../../persons/use-cases/move-trajectory.ts';
import { lockVacancy, presentationCap } from '../../vacancies/queries.ts';
import { loadPresentation, loadPresentations } from '../queries.ts';

const idSchema = z.uuid('identifiant invalide.');

/** The presentations of a vacancy or of a person, among the persons the caller reaches. */
export const listPresentations = defineQuery(
  'presentations.list',
  presentationListQuerySchema,
  async (ctx, { vacancyId, personId, limit }) => {
    // A person asked for by id must be in the caller's scope (404 otherwise, as for an unknown id).
    const scope = personId
      ? await requirePerson(ctx, 'presentations.read', personId)
      : await personScope(ctx, 'presentations.read');
    return loadPresentations(ctx.db, ctx.organisationId, {
      ...(vacancyId ? { vacancyId } : {}),
      ...(personId ? { personId } : {}),
      limit,
      scope,
    });
  },
);

/**
 * A person in pre-hire proposed for an open vacancy, within the organisation's cap of candidates
 * presented at once for one vacancy.
 */
export const proposePresentation = defineCommand(
  'presentations.propose',
  presentationInputSchema,
  { action: 'create', entity: 'presentation' },
  async (ctx, { personId, vacancyId, date: day }) => {
    const scope = await personScope(ctx, 'presentations.write');
    // The person must be within the caller's scope (a jobcoach: own caseload).
    if (!(await personIsInScope(ctx, scope, personId))) {
      throw new AppError(404, 'not_found', 'Personne introuvable.', 'personId');
    }
    const date = day ?? ctx.today;
    assertNotFuture('date', date, ctx.today);
    const db = ctx.db;
    const orgId = ctx.organisationId;
    // The vacancy is locked first: concurrent proposals for it queue up behind the cap check.
    const vacancy = await lockVacancy(db, orgId, vacancyId);
    if (!vacancy) throw new AppError(404, 'not_found', 'Offre d’emploi introuvable.', 'vacancyId');
    if (vacancy.status !== 'open') {
      throw new AppError(
        409,
        'conflict',
        `L’offre « ${vacancy.title} » n’est plus ouverte : on n’y présente plus de candidat·e.`,
        'vacancyId',
      );
    }
    const person = await lockPerson(db, orgId, personId);
    if (!person) throw new AppError(404, 'not_found', 'Personne introuvable.', 'personId');
    if (person.phase !== 'pre_hire') {
      throw new AppError(
        409,
        'conflict',
        `${person.first_name} ${person.last_name} n’est pas en pré-embauche (phase « ${PHASE_LABELS[person.phase as Phase]} ») : seules les personnes en pré-embauche sont présentées à un employeur.`,
        'personId',
      );
    }
    const existing = await db
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
    const cap = await presentationCap(db, orgId);
    const active = await db
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
    const row = await db
      .insertInto('presentation')
      .values({
        organisation_id: orgId,
        person_id: personId,
        vacancy_id: vacancyId,
        step: 'proposed',
        created_by: scope.userId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('presentation_step')
      .values({
        organisation_id: orgId,
        presentation_id: row.id,
        step: 'proposed',
        date,
        author_id: scope.userId,
        at: ctx.now,
      })
      .execute();
    ctx.audit.entityId = row.id;
    ctx.audit.details = { personId, vacancyId };
    return (await loadPresentation(db, orgId, row.id))!;
  },
);

/**
 * The next step of a presentation, as the workflow allows it (domain presentations.ts). A hiring
 * hands the person over to the trajectory's own move to hiring, and fills the vacancy when it
 * takes its last opening.
 */
export const addPresentationStep = defineCommand(
  'presentations.addStep',
  stepInputSchema.extend({ presentationId: idSchema }),
  { action: 'step', entity: 'presentation' },
  async (ctx, { presentationId: id, step, date, reason, channel, version }) => {
    const scope = await requireRecord(ctx, 'presentations.write', 'presentation', id);
    assertNotFuture('date', date, ctx.today);
    const db = ctx.db;
    const orgId = ctx.organisationId;
    const found = await db
      .selectFrom('presentation')
      .select('vacancy_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!found) throw notFound('Candidature');
    // Same lock order as a new proposal: the vacancy, then the presentation, then the person.
    const vacancy = (await lockVacancy(db, orgId, found.vacancy_id))!;
    const presentation = await db
      .selectFrom('presentation')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (presentation.version !== version) throw staleVersion(await loadPresentation(db, orgId, id));
    // The person last (the lock order); an erased person's file is read-only.
    await lockPerson(db, orgId, presentation.person_id);
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
    const last = await db
      .selectFrom('presentation_step')
      .select((eb) => eb.fn.max('date').as('d'))
      .where('presentation_id', '=', id)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    if (last?.d && compareDates(date, last.d) < 0) {
      throw invalid(
        'date',
        `la date ne peut pas précéder celle de l’étape précédente (${frenchDate(last.d)}).`,
      );
    }
    if (step === 'hired') {
      const employer = await db
        .selectFrom('employer')
        .select('name')
        .where('id', '=', vacancy.employer_id)
        .executeTakeFirstOrThrow();
      // The hand-over to hiring is the trajectory's own move, checked and logged by it.
      await moveTrajectory(ctx, {
        personId: presentation.person_id,
        transitionId: 'start_hiring',
        fields: { date, employerId: vacancy.employer_id },
        fieldPrefix: '',
        detail: `Engagement pour l’offre « ${vacancy.title} » chez ${employer.name} (candidature)`,
      });
      const hired = await db
        .selectFrom('presentation')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('vacancy_id', '=', vacancy.id)
        .where('step', '=', 'hired')
        .executeTakeFirstOrThrow();
      // This hiring fills the last opening: the vacancy is filled on that day.
      if (Number(hired.n) + 1 >= vacancy.openings && vacancy.status === 'open') {
        await db
          .updateTable('vacancy')
          .set((eb) => ({
            status: 'filled',
            closed_on: maxDate(date, vacancy.opened_on),
            version: eb('version', '+', 1),
            updated_at: ctx.now,
          }))
          .where('id', '=', vacancy.id)
          .execute();
      }
    }
    await db
      .updateTable('presentation')
      .set((eb) => ({ step, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', id)
      .execute();
    await db
      .insertInto('presentation_step')
      .values({
        organisation_id: orgId,
        presentation_id: id,
        step,
        date,
        reason: reason ?? null,
        channel: channel ?? null,
        author_id: scope.userId,
        at: ctx.now,
      })
      .execute();
    ctx.audit.entityId = id;
    ctx.audit.details = { from, to: step, personId: presentation.person_id, vacancyId: vacancy.id };
    return (await loadPresentation(db, orgId, id))!;
  },
);

/**
 * « Annuler cette étape »: the last step of a presentation entered by mistake, with a reason, by
 * its author or a coordinator (domain cancelLastStep and mayCorrect). The step stays in the log,
 * marked cancelled; the presentation goes back to the step before.
 */
export const cancelPresentationStep = defineCommand(
  'presentations.cancelStep',
  cancelMoveSchema.extend({ presentationId: idSchema, stepId: idSchema }),
  { action: 'cancel', entity: 'presentation_step' },
  async (ctx, { presentationId: id, stepId, reason, version }) => {
    await requireRecord(ctx, 'presentations.write', 'presentation', id);
    const db = ctx.db;
    const presentation = await db
      .selectFrom('presentation')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!presentation) throw notFound('Candidature');
    if (presentation.version !== version)
      throw staleVersion(await loadPresentation(db, ctx.organisationId, id));
    await lockPerson(db, ctx.organisationId, presentation.person_id);
    const [problem] = validateCorrectionReason(reason);
    if (problem) throw invalid(problem.field, problem.message, problem.key, problem.params);
    const steps = await db
      .selectFrom('presentation_step')
      .select(['id', 'step', 'author_id'])
      .where('presentation_id', '=', id)
      .where('cancelled_at', 'is', null)
      .orderBy('at')
      .orderBy('id')
      .execute();
    const target = steps.find((s) => s.id === stepId);
    if (!target) throw notFound('Étape');
    if (!mayCorrect({ authorId: target.author_id }, { userId: ctx.userId, role: ctx.role })) {
      throw new AppError(
        403,
        'forbidden',
        'Seul·e l’auteur·rice de cette étape ou un·e coordinateur·rice peut l’annuler.',
        undefined,
        undefined,
        { key: 'correction.forbidden' },
      );
    }
    const outcome = cancelLastStep(
      steps.map((s) => ({ id: s.id, step: s.step as PresentationStep })),
      stepId,
    );
    if (!outcome.ok) throw new AppError(409, 'conflict', outcome.message);
    if (
      CLOSED_STEPS.includes(presentation.step as PresentationStep) &&
      !CLOSED_STEPS.includes(outcome.step)
    ) {
      // Reopened: no other presentation of the person for this offer may be running meanwhile.
      const running = await db
        .selectFrom('presentation')
        .select('id')
        .where('person_id', '=', presentation.person_id)
        .where('vacancy_id', '=', presentation.vacancy_id)
        .where('active', '=', true)
        .where('id', '<>', id)
        .executeTakeFirst();
      if (running) {
        throw new AppError(
          409,
          'conflict',
          'Une autre candidature de cette personne pour cette offre est en cours : cette étape ne s’annule plus.',
        );
      }
    }
    await db
      .updateTable('presentation_step')
      .set({ cancelled_at: ctx.now, cancelled_by: ctx.userId, cancellation_reason: reason.trim() })
      .where('id', '=', stepId)
      .execute();
    await db
      .updateTable('presentation')
      .set((eb) => ({ step: outcome.step, version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', id)
      .execute();
    ctx.audit.entityId = stepId;
    ctx.audit.details = {
      presentationId: id,
      personId: presentation.person_id,
      reason: reason.trim(),
      before: { step: presentation.step },
      after: { step: outcome.step },
    };
    return (await loadPresentation(db, ctx.organisationId, id))!;
  },
);
