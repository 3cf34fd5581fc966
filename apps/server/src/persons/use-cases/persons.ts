import { createPersonSchema, patchPersonSchema, personListQuerySchema } from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import { z } from 'zod';
import { writeAuditEntry } from '../../application/context.ts';
import { notFound, staleVersion } from '../../application/errors.ts';
import {
  personInScope,
  personScope,
  recordIsInScope,
  requirePerson,
  viewerOf,
} from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { assertMayWriteSensitive } from '../../privacy/sensitive.ts';
import { loadSettings } from '../../settings/queries.ts';
import { loadPersonFile } from '../file.ts';
import { checkIdentity, checkReferral, resolveCoach } from '../identity.ts';
import {
  assertNissFree,
  likePattern,
  lockPerson,
  personColumns,
  personSummaryOf,
  rethrowNissConflict,
  selectPersonLines,
} from '../queries.ts';

const idSchema = z.uuid('identifiant invalide.');

/** The persons list: the caller's scope, searched by name (accents ignored), NISS or phone. */
export const listPersons = defineQuery('persons.list', personListQuerySchema, async (ctx, q) => {
  const scope = await personScope(ctx, 'persons.read');
  const db = ctx.db;
  let query = db
    .selectFrom(selectPersonLines(db, ctx.organisationId).as('l'))
    .selectAll()
    // A jobcoach lists their own caseload, covered persons and unassigned referrals.
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
          matches.push(eb(sql`regexp_replace(l.phone, '[^0-9]', '', 'g')`, 'like', `%32${digits.slice(1)}%`));
        }
      }
      return eb.or(matches);
    });
  }
  const [rows, { cadence }] = await Promise.all([query.execute(), loadSettings(db, ctx.organisationId)]);
  return rows.map((r) => personSummaryOf(r, ctx.today, cadence));
});

/** A person referred by a partner or arriving spontaneously: in intake, coached by whoever records them. */
export const createPerson = defineCommand(
  'persons.create',
  createPersonSchema,
  { action: 'create', entity: 'person' },
  async (ctx, body) => {
    const scope = await personScope(ctx, 'persons.write');
    const { referral, coachId, ...input } = body;
    checkIdentity(input.birthDate, input.niss ?? null, ctx.today);
    const db = ctx.db;
    const partnerId = await checkReferral(db, ctx.organisationId, referral, ctx.today);
    const defaultCoach = scope.role === 'jobcoach' ? scope.userId : null;
    const coach = await resolveCoach(db, scope, coachId, defaultCoach);
    if (input.niss) await assertNissFree(db, ctx.organisationId, input.niss);
    const row = await db
      .insertInto('person')
      .values({
        ...(personColumns(input) as { first_name: string; last_name: string; sex: string }),
        organisation_id: ctx.organisationId,
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
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch(rethrowNissConflict);
    ctx.audit.entityId = row.id;
    ctx.audit.details = { referralKind: referral.kind };
    return (await loadPersonFile(db, ctx.organisationId, row.id, viewerOf(scope), ctx.today))!;
  },
);

/** A person's whole file; every read is audited (who looked at whom, when). */
export const getPersonFile = defineQuery(
  'persons.get',
  z.object({ personId: idSchema }),
  async (ctx, { personId }) => {
    const scope = await personScope(ctx, 'persons.read');
    // The scope check (answered once per request, application/person-scope.ts). Over the whole
    // organisation it is the file's own read: an unknown, deleted or other organisation's id finds
    // no person there and gets the same 404.
    if (scope.records !== 'organisation' && !(await recordIsInScope(ctx, scope, 'person', personId))) {
      throw notFound('Personne');
    }
    const file = await loadPersonFile(ctx.db, ctx.organisationId, personId, viewerOf(scope), ctx.today);
    if (!file) throw notFound('Personne');
    await writeAuditEntry(ctx, { action: 'read', entity: 'person' }, { entityId: personId });
    return file;
  },
);

/** Changes to a person's identity, situation, referral or coach, from the version the caller read. */
export const updatePerson = defineCommand(
  'persons.update',
  patchPersonSchema.extend({ personId: idSchema }),
  { action: 'update', entity: 'person' },
  async (ctx, body) => {
    const { personId: id, version, coachId, referral, ...input } = body;
    const scope = await requirePerson(ctx, 'persons.write', id);
    const db = ctx.db;
    const orgId = ctx.organisationId;
    const viewer = viewerOf(scope);
    const today = ctx.today;
    ctx.audit.entityId = id;
    ctx.audit.details = { fields: Object.keys(body).filter((k) => k !== 'version' && k !== 'personId') };
    const row = await lockPerson(db, orgId, id);
    if (!row) throw notFound('Personne');
    if (row.version !== version) throw staleVersion(await loadPersonFile(db, orgId, id, viewer, today));
    // Without the right, a sensitive field cannot be overwritten unseen (privacy/sensitive.ts).
    assertMayWriteSensitive(input, viewer, row);
    const birthDate = input.birthDate !== undefined ? input.birthDate : row.birth_date;
    const niss = input.niss !== undefined ? input.niss : row.niss;
    checkIdentity(birthDate, niss, today);
    if (input.niss && input.niss !== row.niss) await assertNissFree(db, orgId, input.niss, id);
    const coach = await resolveCoach(db, scope, coachId, row.coach_id);
    let referralColumns = {};
    if (referral) {
      const merged = {
        kind: referral.kind ?? (row.referral_kind as 'partner' | 'spontaneous' | 'word_of_mouth'),
        partnerId: referral.partnerId !== undefined ? referral.partnerId : row.referral_partner_id,
        receivedOn: referral.receivedOn ?? row.referral_received_on,
        informationSessionOn: referral.informationSessionOn,
        consentOn: referral.consentOn,
      };
      const partnerId = await checkReferral(db, orgId, merged, today);
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
    const updated = await db
      .updateTable('person')
      .set((eb) => ({
        ...personColumns(input),
        ...referralColumns,
        coach_id: coach,
        version: eb('version', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst()
      .catch(rethrowNissConflict);
    if (!updated) throw staleVersion(await loadPersonFile(db, orgId, id, viewer, today));
    return (await loadPersonFile(db, orgId, id, viewer, today))!;
  },
);
