import {
  createPersonSchema,
  idParams,
  patchPersonSchema,
  personFileSchema,
  personListQuerySchema,
  personSummaryListSchema,
} from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import { cadenceWithFrequency, formatNiss, type Phase } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../http/context.ts';
import { notFound, staleVersion } from '../http/errors.ts';
import { personInScope, personScope, requirePerson, viewerOf } from '../http/scope.ts';
import { assertMayWriteSensitive } from '../privacy/sensitive.ts';
import { loadSettings } from '../settings/queries.ts';
import { loadPersonFile } from './file.ts';
import { checkIdentity, checkReferral, resolveCoach } from './identity.ts';
import {
  assertNissFree,
  likePattern,
  lockPerson,
  personColumns,
  rethrowNissConflict,
  selectPersonLines,
} from './queries.ts';
import { cadenceOf } from './status.ts';

/** "85073003328" → "**.**.**-*33.28": enough to tell two persons apart, not to identify one. */
function maskNiss(niss: string | null): string | null {
  if (!niss) return null;
  return formatNiss(niss).replace(/\d/g, (d, index: number) => (index >= 10 ? d : '*'));
}

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/persons',
    {
      config: { access: 'session' },
      schema: {
        tags: ['persons'],
        querystring: personListQuerySchema,
        response: { 200: personSummaryListSchema },
      },
    },
    async (request) => {
      const scope = await personScope(request, 'persons.read');
      const q = request.query;
      const today = clock.today();
      let query = db
        .selectFrom(selectPersonLines(db, scope.organisationId).as('l'))
        .selectAll()
        // A jobcoach lists their own caseload, covered persons and unassigned referrals (http/scope.ts).
        .where(personInScope(scope, 'l'))
        .orderBy('l.last_name')
        .orderBy('l.first_name')
        .orderBy('l.id')
        .limit(q.limit)
        .offset(q.offset);
      if (q.phase) query = query.where('l.phase', '=', q.phase);
      if (q.coachId) query = query.where('l.coach_id', '=', q.coachId);
      if (q.decision === 'none') query = query.where('l.decision', 'is', null);
      else if (q.decision) query = query.where('l.decision', '=', q.decision);
      if (q.q) {
        const text = likePattern(q.q);
        const digits = q.q.replace(/\D/g, '');
        query = query.where((eb) => {
          const matches = [
            eb(sql`jc_fold(l.first_name || ' ' || l.last_name)`, 'like', sql`jc_fold(${text})`),
            eb(sql`jc_fold(l.last_name || ' ' || l.first_name)`, 'like', sql`jc_fold(${text})`),
          ];
          if (digits.length >= 3) {
            matches.push(eb('l.niss', 'like', `%${digits}%`));
            matches.push(eb(sql`regexp_replace(l.phone, '[^0-9]', '', 'g')`, 'like', `%${digits}%`));
            // A number typed nationally (0471…) also finds one recorded internationally (+32 471…).
            if (digits.startsWith('0') && digits.length >= 4) {
              matches.push(
                eb(sql`regexp_replace(l.phone, '[^0-9]', '', 'g')`, 'like', `%32${digits.slice(1)}%`),
              );
            }
          }
          return eb.or(matches);
        });
      }
      const rows = await query.execute();
      const { cadence } = await loadSettings(db, scope.organisationId);
      return rows.map((r) => {
        const status = cadenceOf(
          {
            phase: r.phase as Phase,
            phaseSince: r.phase_since,
            preHireEntry: r.pre_hire_entry,
            lastDirectContact: r.last_direct_contact,
          },
          today,
          cadenceWithFrequency(cadence, r.follow_up_frequency),
        );
        return {
          id: r.id,
          firstName: r.first_name,
          lastName: r.last_name,
          phase: r.phase as Phase,
          coachId: r.coach_id,
          coachName: r.coach_name,
          decision: (r.decision as 'accepted' | 'postponed' | 'redirected' | null) ?? null,
          reviewDate: r.review_date ?? null,
          phone: r.phone,
          nissMasked: maskNiss(r.niss),
          overdue: status.overdue,
          nextDue: status.dueDate,
        };
      });
    },
  );

  app.post(
    '/api/persons',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'person' } },
      schema: { tags: ['persons'], body: createPersonSchema, response: { 201: personFileSchema } },
    },
    async (request, reply) => {
      const scope = await personScope(request, 'persons.write');
      const { referral, coachId, ...input } = request.body;
      const today = clock.today();
      const orgId = scope.organisationId;
      checkIdentity(input.birthDate, input.niss ?? null, today);
      const id = await request.mutate(async (trx, audit) => {
        const partnerId = await checkReferral(trx, orgId, referral, today);
        const defaultCoach = scope.role === 'jobcoach' ? scope.userId : null;
        const coach = await resolveCoach(trx, scope, coachId, defaultCoach);
        if (input.niss) await assertNissFree(trx, orgId, input.niss);
        const row = await trx
          .insertInto('person')
          .values({
            ...(personColumns(input) as { first_name: string; last_name: string; sex: string }),
            organisation_id: orgId,
            referral_kind: referral.kind,
            referral_partner_id: partnerId,
            referral_received_on: referral.receivedOn,
            information_session_on: referral.informationSessionOn ?? null,
            consent_on: referral.consentOn ?? null,
            consent_scope: referral.consentScope ?? null,
            phase: 'intake',
            phase_since: referral.receivedOn,
            coach_id: coach,
            created_by: scope.userId,
            created_at: clock.now(),
            updated_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
          .catch(rethrowNissConflict);
        audit.entityId = row.id;
        audit.organisationId = orgId;
        audit.details = { referralKind: referral.kind };
        return row.id;
      });
      const file = await loadPersonFile(db, orgId, id, viewerOf(scope), today);
      return reply.status(201).send(file!);
    },
  );

  app.get(
    '/api/persons/:id',
    {
      config: { access: 'session' },
      schema: { tags: ['persons'], params: idParams, response: { 200: personFileSchema } },
    },
    async (request) => {
      const { id } = request.params;
      const scope = await requirePerson(request, 'persons.read', id);
      const file = await loadPersonFile(db, scope.organisationId, id, viewerOf(scope), clock.today());
      if (!file) throw notFound('Personne');
      // Reading a person's file is audited (who looked at whom, when).
      await writeAudit(
        db,
        request,
        { action: 'read', entity: 'person' },
        {
          entityId: id,
          organisationId: scope.organisationId,
        },
      );
      return file;
    },
  );

  app.patch(
    '/api/persons/:id',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'person' } },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: patchPersonSchema,
        response: { 200: personFileSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const scope = await requirePerson(request, 'persons.write', id);
      const { version, coachId, referral, ...input } = request.body;
      const orgId = scope.organisationId;
      const role = viewerOf(scope);
      const today = clock.today();
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = orgId;
        audit.details = { fields: Object.keys(request.body).filter((k) => k !== 'version') };
        const row = await lockPerson(trx, orgId, id);
        if (!row) throw notFound('Personne');
        if (row.version !== version) throw staleVersion(await loadPersonFile(trx, orgId, id, role, today));
        // Without the right, a sensitive field cannot be overwritten unseen (privacy/sensitive.ts).
        assertMayWriteSensitive(input, role, row);
        const birthDate = input.birthDate !== undefined ? input.birthDate : row.birth_date;
        const niss = input.niss !== undefined ? input.niss : row.niss;
        checkIdentity(birthDate, niss, today);
        if (input.niss && input.niss !== row.niss) await assertNissFree(trx, orgId, input.niss, id);
        const coach = await resolveCoach(trx, scope, coachId, row.coach_id);
        let referralColumns = {};
        if (referral) {
          const merged = {
            kind: referral.kind ?? (row.referral_kind as 'partner' | 'spontaneous' | 'word_of_mouth'),
            partnerId: referral.partnerId !== undefined ? referral.partnerId : row.referral_partner_id,
            receivedOn: referral.receivedOn ?? row.referral_received_on,
            informationSessionOn: referral.informationSessionOn,
            consentOn: referral.consentOn,
          };
          const partnerId = await checkReferral(trx, orgId, merged, today);
          referralColumns = {
            referral_kind: merged.kind,
            referral_partner_id: partnerId,
            referral_received_on: merged.receivedOn,
            ...(referral.informationSessionOn !== undefined
              ? { information_session_on: referral.informationSessionOn }
              : {}),
            ...(referral.consentOn !== undefined ? { consent_on: referral.consentOn } : {}),
            ...(referral.consentScope !== undefined ? { consent_scope: referral.consentScope } : {}),
            // Intake starts when the referral is received: moving that date moves the phase start.
            ...(row.phase === 'intake' && row.phase_since === row.referral_received_on
              ? { phase_since: merged.receivedOn }
              : {}),
          };
        }
        const updated = await trx
          .updateTable('person')
          .set((eb) => ({
            ...personColumns(input),
            ...referralColumns,
            coach_id: coach,
            version: eb('version', '+', 1),
            updated_at: clock.now(),
          }))
          .where('id', '=', id)
          .where('organisation_id', '=', orgId)
          .where('version', '=', version)
          .returning('id')
          .executeTakeFirst()
          .catch(rethrowNissConflict);
        if (!updated) throw staleVersion(await loadPersonFile(trx, orgId, id, role, today));
      });
      return (await loadPersonFile(db, orgId, id, role, today))!;
    },
  );
};
