import { memberInputSchema, memberPatchSchema, temporaryPasswordBodySchema } from '@jobcoach/contract';
import { z } from 'zod';
import { invalid, notFound, staleVersion } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { newToken } from '../../auth/tokens.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { invitationMail, mailLanguage } from '../../mail/templates.ts';
import {
  INVITATION_DAYS,
  inviteMember as invite,
  pendingInvitations,
  revokeInvitation as revoke,
} from '../invitations.ts';
import {
  assertAccountControl,
  assertCoordinatorRemains,
  getMember,
  selectMembers,
  toMember,
} from '../queries.ts';

/**
 * The members of an organisation (docs/security.md): who they are, the invitations that add them,
 * their role, working time and rights, and a temporary password. In the organisation's context
 * (the route names it: /api/organisations/:orgId/...): 404 for a caller who is no member of it,
 * 403 for a role without the right.
 */

const userIdInput = z.object({ userId: z.uuid('identifiant invalide.') });
const invitationIdInput = z.object({ invitationId: z.uuid('identifiant invalide.') });

export const listMembers = defineQuery('members.list', z.object({}), async (ctx) => {
  ctx.require('members.read');
  return (await selectMembers(ctx.db, ctx.organisationId).execute()).map(toMember);
});

/** The active staff, names and roles only (to choose a coach or a cover). */
export const listColleagues = defineQuery('members.colleagues', z.object({}), async (ctx) => {
  ctx.require('colleagues.read');
  const rows = await selectMembers(ctx.db, ctx.organisationId)
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, role: toMember(r).role }));
});

/**
 * An invitation, whether the e-mail has an account or not, and the same answer
 * (users/invitations.ts). When the server sends e-mail (`mail.sends`), the invitation goes by
 * e-mail, in the same transaction (mail/outbox.ts): for an account it creates, a single-use link to
 * choose a password, valid 7 days; for an existing account, the page where its owner accepts. The
 * coordinator's temporary password is then optional; without SMTP it is the way in, and required.
 */
export function inviteMemberUseCase(mail: { publicUrl: string; sends: boolean }) {
  return defineCommand(
    'members.invite',
    memberInputSchema,
    { action: 'create', entity: 'invitation' },
    async (ctx, body) => {
      ctx.require('members.manage');
      if (body.temporaryPassword === undefined && !mail.sends) {
        throw invalid(
          'temporaryPassword',
          'mot de passe temporaire requis : ce serveur n’envoie pas de courriel (SMTP_URL).',
        );
      }
      // Without a temporary password, a secret nobody knows: the link sets the real one.
      const passwordHash = await hashPassword(body.temporaryPassword ?? newToken());
      const { invitation, token, newAccount } = await invite(ctx, {
        email: body.email,
        name: body.name,
        role: body.role,
        fte: body.role === 'jobcoach' ? (body.fte ?? 1) : 1,
        passwordHash,
      });
      ctx.audit.entityId = invitation.id;
      ctx.audit.details = { role: body.role, byEmail: mail.sends };
      if (mail.sends) {
        const [organisation, account] = await Promise.all([
          ctx.db
            .selectFrom('organisation')
            .select('name')
            .where('id', '=', ctx.organisationId)
            .executeTakeFirstOrThrow(),
          ctx
            .across('account')
            .selectFrom('app_user')
            .select('language')
            .where('email', '=', body.email)
            .executeTakeFirst(),
        ]);
        const link = newAccount
          ? `${mail.publicUrl}/invitation?token=${encodeURIComponent(token)}`
          : `${mail.publicUrl}/invitations`;
        await enqueueMail(
          ctx,
          'invitation',
          invitationMail(
            body.email,
            { organisationName: organisation.name, link, newAccount, validDays: INVITATION_DAYS },
            mailLanguage(account?.language),
          ),
        );
      }
      return invitation;
    },
  );
}

/** The invitations still waiting for an answer (expired ones included). */
export const listInvitations = defineQuery('members.invitations', z.object({}), async (ctx) => {
  ctx.require('members.read');
  return pendingInvitations(ctx.db, ctx.organisationId, ctx.now);
});

export const revokeInvitation = defineCommand(
  'members.invitations.revoke',
  invitationIdInput,
  { action: 'revoke', entity: 'invitation' },
  async (ctx, { invitationId }) => {
    ctx.require('members.manage');
    ctx.audit.entityId = invitationId;
    await revoke(ctx.db, { organisationId: ctx.organisationId, invitationId, now: ctx.now });
  },
);

/**
 * A member's role, working time, activity and right to sensitive fields, and their name (an
 * account's, so only when the caller controls it); the organisation keeps an active coordinator,
 * and a member switched off loses the sessions working in it.
 */
export const updateMember = defineCommand(
  'members.update',
  memberPatchSchema.extend(userIdInput.shape),
  { action: 'update', entity: 'membership' },
  async (ctx, { userId, version, name, role, fte, active, sensitiveAccess }) => {
    ctx.require('members.manage');
    const orgId = ctx.organisationId;
    if (!(await getMember(ctx.db, orgId, userId))) throw notFound('Membre');
    if (name !== undefined) await assertAccountControl(ctx, userId);
    ctx.audit.entityId = userId;
    ctx.audit.details = { role, fte, active, sensitiveAccess };
    const updated = await ctx.db
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
    if (!updated) throw staleVersion(await getMember(ctx.db, orgId, userId));
    if (name !== undefined) {
      await ctx.db
        .updateTable('app_user')
        .set({ name, updated_at: ctx.now })
        .where('id', '=', userId)
        .execute();
    }
    if (role !== undefined || active === false) await assertCoordinatorRemains(ctx.db, orgId);
    if (active === false) {
      // A member switched off loses the sessions that were looking at this organisation.
      await ctx.db
        .deleteFrom('session')
        .where('user_id', '=', userId)
        .where('current_organisation_id', '=', orgId)
        .execute();
    }
    return (await getMember(ctx.db, orgId, userId))!;
  },
);

/** A temporary password the member must change at their next login; their sessions end. */
export const setTemporaryPassword = defineCommand(
  'members.password.temporary',
  temporaryPasswordBodySchema.extend(userIdInput.shape),
  { action: 'temporary_password_set', entity: 'user' },
  async (ctx, { userId, temporaryPassword }) => {
    ctx.require('members.manage');
    if (!(await getMember(ctx.db, ctx.organisationId, userId))) throw notFound('Membre');
    await assertAccountControl(ctx, userId);
    const passwordHash = await hashPassword(temporaryPassword);
    ctx.audit.entityId = userId;
    await ctx.db
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: true,
        updated_at: ctx.now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', userId)
      .execute();
    await ctx.db.deleteFrom('session').where('user_id', '=', userId).execute();
  },
);
