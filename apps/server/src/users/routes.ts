import {
  colleagueListSchema,
  invitationListSchema,
  invitationParams,
  invitationSchema,
  type Member,
  memberInputSchema,
  memberListSchema,
  memberParams,
  memberPatchSchema,
  memberSchema,
  meSchema,
  orgInvitationParams,
  orgParams,
  temporaryPasswordBodySchema,
} from '@jobcoach/contract';
import type { Database, Transaction } from '@jobcoach/db';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildMe } from '../auth/me.ts';
import { hashPassword } from '../auth/passwords.ts';
import { requireOrgPermission } from '../http/access.ts';
import { AppError, notFound, staleVersion } from '../http/errors.ts';
import { answerInvitation, inviteMember, pendingInvitations, revokeInvitation } from './invitations.ts';

type Db = Transaction<Database> | import('@jobcoach/db').Kysely<Database>;

function selectMembers(db: Db, orgId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'm.role',
      'm.fte',
      'm.active',
      'u.active as user_active',
      'u.must_change_password',
      'u.totp_secret',
      'm.sensitive_access',
      'm.version',
    ])
    .where('m.organisation_id', '=', orgId)
    .orderBy('u.name');
}

function toMember(r: {
  id: string;
  name: string;
  email: string;
  role: string;
  fte: number;
  active: boolean;
  user_active: boolean;
  must_change_password: boolean;
  totp_secret: string | null;
  sensitive_access: boolean;
  version: number;
}): Member {
  return {
    userId: r.id,
    name: r.name,
    email: r.email,
    role: r.role as Member['role'],
    fte: Number(r.fte),
    active: r.active && r.user_active,
    mustChangePassword: r.must_change_password,
    totpEnabled: r.totp_secret !== null,
    sensitiveAccess: r.sensitive_access,
    version: r.version,
  };
}

async function getMember(db: Db, orgId: string, userId: string) {
  const row = await selectMembers(db, orgId).where('m.user_id', '=', userId).executeTakeFirst();
  return row && toMember(row);
}

/**
 * A coordinator may change a user's account (name, password) only when every organisation that
 * user belongs to is one the coordinator runs; otherwise it takes the installation admin.
 */
async function assertAccountControl(request: FastifyRequest, db: Db, userId: string) {
  const caller = request.user!;
  if (caller.isAdmin) return;
  const target = await db
    .selectFrom('app_user')
    .select('is_admin')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const outside = await db
    .selectFrom('membership as t')
    .select('t.organisation_id')
    .where('t.user_id', '=', userId)
    .where('t.active', '=', true)
    .where('t.organisation_id', 'not in', (eb) =>
      eb
        .selectFrom('membership as c')
        .select('c.organisation_id')
        .where('c.user_id', '=', caller.userId)
        .where('c.role', '=', 'coordinator')
        .where('c.active', '=', true),
    )
    .executeTakeFirst();
  if (target.is_admin || outside) {
    throw new AppError(
      403,
      'forbidden',
      "Ce compte appartient aussi à une autre organisation : seul l'administrateur de l'installation peut le modifier.",
    );
  }
}

async function assertCoordinatorRemains(trx: Db, orgId: string) {
  const row = await trx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.organisation_id', '=', orgId)
    .where('m.role', '=', 'coordinator')
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .executeTakeFirstOrThrow();
  if (Number(row.n) === 0) {
    throw new AppError(
      409,
      'conflict',
      "L'organisation doit garder au moins un·e coordinateur·rice actif·ve.",
      'role',
    );
  }
}

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/organisations/:orgId/users',
    {
      config: { access: 'session' },
      schema: { tags: ['users'], params: orgParams, response: { 200: memberListSchema } },
    },
    async (request) => {
      await requireOrgPermission(request, db, request.params.orgId, 'members.read');
      return (await selectMembers(db, request.params.orgId).execute()).map(toMember);
    },
  );

  app.get(
    '/api/organisations/:orgId/colleagues',
    {
      config: { access: 'session' },
      schema: {
        tags: ['users'],
        params: orgParams,
        response: {
          200: colleagueListSchema,
        },
      },
    },
    async (request) => {
      await requireOrgPermission(request, db, request.params.orgId, 'colleagues.read');
      const rows = await selectMembers(db, request.params.orgId)
        .where('m.active', '=', true)
        .where('u.active', '=', true)
        .execute();
      return rows.map((r) => ({ userId: r.id, name: r.name, role: r.role as Member['role'] }));
    },
  );

  app.post(
    '/api/organisations/:orgId/users',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'invitation' } },
      schema: {
        tags: ['users'],
        params: orgParams,
        body: memberInputSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      // An invitation, whether the e-mail has an account or not, and the same answer (users/invitations.ts).
      const { orgId } = request.params;
      const body = request.body;
      await requireOrgPermission(request, db, orgId, 'members.manage');
      const passwordHash = await hashPassword(body.temporaryPassword);
      const invitation = await request.mutate(async (trx, audit) => {
        const created = await inviteMember(trx, {
          organisationId: orgId,
          email: body.email,
          name: body.name,
          role: body.role,
          fte: body.role === 'jobcoach' ? (body.fte ?? 1) : 1,
          passwordHash,
          invitedBy: request.user!.userId,
          now: clock.now(),
        });
        audit.entityId = created.id;
        audit.organisationId = orgId;
        audit.details = { role: body.role };
        return created;
      });
      return reply.status(201).send(invitation);
    },
  );

  app.get(
    '/api/organisations/:orgId/invitations',
    {
      config: { access: 'session' },
      schema: { tags: ['users'], params: orgParams, response: { 200: invitationListSchema } },
    },
    async (request) => {
      await requireOrgPermission(request, db, request.params.orgId, 'members.read');
      return pendingInvitations(db, request.params.orgId, clock.now());
    },
  );

  app.delete(
    '/api/organisations/:orgId/invitations/:invitationId',
    {
      config: { access: 'session', audit: { action: 'revoke', entity: 'invitation' } },
      schema: {
        tags: ['users'],
        params: orgInvitationParams,
      },
    },
    async (request, reply) => {
      const { orgId, invitationId } = request.params;
      await requireOrgPermission(request, db, orgId, 'members.manage');
      await request.mutate(async (trx, audit) => {
        audit.entityId = invitationId;
        audit.organisationId = orgId;
        await revokeInvitation(trx, { organisationId: orgId, invitationId, now: clock.now() });
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/invitations/:invitationId/accept',
    {
      config: { access: 'session', audit: { action: 'accept', entity: 'invitation' } },
      schema: {
        tags: ['auth'],
        params: invitationParams,
        response: { 200: meSchema },
      },
    },
    async (request) => answer(request, request.params.invitationId, true),
  );

  app.post(
    '/api/auth/invitations/:invitationId/decline',
    {
      config: { access: 'session', audit: { action: 'decline', entity: 'invitation' } },
      schema: {
        tags: ['auth'],
        params: invitationParams,
        response: { 200: meSchema },
      },
    },
    async (request) => answer(request, request.params.invitationId, false),
  );

  /** The caller's answer to their invitation; a session without an organisation moves to it. */
  async function answer(request: FastifyRequest, invitationId: string, accept: boolean) {
    const user = request.user!;
    const now = clock.now();
    const current = await request.mutate(async (trx, audit) => {
      const { organisationId } = await answerInvitation(trx, {
        userId: user.userId,
        invitationId,
        accept,
        now,
      });
      audit.entityId = invitationId;
      audit.organisationId = organisationId;
      if (!accept || user.currentOrganisationId) return user.currentOrganisationId;
      await trx
        .updateTable('session')
        .set({ current_organisation_id: organisationId })
        .where('id_hash', '=', user.sessionHash)
        .execute();
      return organisationId;
    });
    return buildMe(db, {
      userId: user.userId,
      csrfToken: user.csrfToken,
      currentOrganisationId: current,
      now,
    });
  }

  app.patch(
    '/api/organisations/:orgId/users/:userId',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'membership' } },
      schema: {
        tags: ['users'],
        params: memberParams,
        body: memberPatchSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const { orgId, userId } = request.params;
      const { version, name, role, fte, active, sensitiveAccess } = request.body;
      await requireOrgPermission(request, db, orgId, 'members.manage');
      if (!(await getMember(db, orgId, userId))) throw notFound('Membre');
      if (name !== undefined) await assertAccountControl(request, db, userId);
      await request.mutate(async (trx, audit) => {
        audit.entityId = userId;
        audit.organisationId = orgId;
        audit.details = { role, fte, active, sensitiveAccess };
        const updated = await trx
          .updateTable('membership')
          .set((eb) => ({
            ...(role !== undefined ? { role } : {}),
            ...(fte !== undefined ? { fte } : {}),
            ...(active !== undefined ? { active } : {}),
            ...(sensitiveAccess !== undefined ? { sensitive_access: sensitiveAccess } : {}),
            version: eb('version', '+', 1),
          }))
          .where('organisation_id', '=', orgId)
          .where('user_id', '=', userId)
          .where('version', '=', version)
          .returning('user_id')
          .executeTakeFirst();
        if (!updated) throw staleVersion(await getMember(trx, orgId, userId));
        if (name !== undefined) {
          await trx
            .updateTable('app_user')
            .set({ name, updated_at: clock.now() })
            .where('id', '=', userId)
            .execute();
        }
        if (role !== undefined || active === false) await assertCoordinatorRemains(trx, orgId);
        if (active === false) {
          // A member switched off loses the sessions that were looking at this organisation.
          await trx
            .deleteFrom('session')
            .where('user_id', '=', userId)
            .where('current_organisation_id', '=', orgId)
            .execute();
        }
      });
      return (await getMember(db, orgId, userId))!;
    },
  );

  app.post(
    '/api/organisations/:orgId/users/:userId/password',
    {
      config: { access: 'session', audit: { action: 'temporary_password_set', entity: 'user' } },
      schema: {
        tags: ['users'],
        params: memberParams,
        body: temporaryPasswordBodySchema,
      },
    },
    async (request, reply) => {
      const { orgId, userId } = request.params;
      await requireOrgPermission(request, db, orgId, 'members.manage');
      if (!(await getMember(db, orgId, userId))) throw notFound('Membre');
      await assertAccountControl(request, db, userId);
      const passwordHash = await hashPassword(request.body.temporaryPassword);
      await request.mutate(async (trx, audit) => {
        audit.entityId = userId;
        audit.organisationId = orgId;
        await trx
          .updateTable('app_user')
          .set((eb) => ({
            password_hash: passwordHash,
            must_change_password: true,
            updated_at: clock.now(),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', userId)
          .execute();
        await trx.deleteFrom('session').where('user_id', '=', userId).execute();
      });
      return reply.status(204).send();
    },
  );
};
