import { invitationLinkBodySchema, invitationParams, passwordWeakness } from '@jobcoach/contract';
import { invalid } from '../../application/errors.ts';
import { defineInstallationCommand, type InstallationContext } from '../../application/installation.ts';
import { buildMe } from '../../auth/me.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { sha256 } from '../../auth/tokens.ts';
import { acceptInvitationLink as acceptLink, answerInvitation } from '../invitations.ts';

/**
 * The owner of an account answers an invitation to join an organisation (users/invitations.ts).
 * Their invitations may come from any organisation and they may belong to none yet: on the
 * installation's context, with their session, across organisations for the `account` reason.
 */

async function answer(ctx: InstallationContext, invitationId: string, accept: boolean) {
  const session = ctx.requireSession();
  const db = ctx.across('account');
  const { organisationId } = await answerInvitation(db, {
    userId: ctx.userId,
    invitationId,
    accept,
    now: ctx.now,
  });
  ctx.audit.entityId = invitationId;
  ctx.audit.organisationId = organisationId;
  // A session without an organisation moves to the one just joined.
  let current = session.currentOrganisationId;
  if (accept && !current) {
    await db
      .updateTable('session')
      .set({ current_organisation_id: organisationId })
      .where('id_hash', '=', session.hash)
      .execute();
    current = organisationId;
  }
  return buildMe(db, {
    userId: ctx.userId,
    csrfToken: session.csrfToken,
    currentOrganisationId: current,
    now: ctx.now,
  });
}

export const acceptInvitation = defineInstallationCommand(
  'invitations.accept',
  invitationParams,
  { action: 'accept', entity: 'invitation' },
  (ctx, { invitationId }) => answer(ctx, invitationId, true),
);

export const declineInvitation = defineInstallationCommand(
  'invitations.decline',
  invitationParams,
  { action: 'decline', entity: 'invitation' },
  (ctx, { invitationId }) => answer(ctx, invitationId, false),
);

/**
 * The link of an invitation e-mail (users/invitations.ts `acceptInvitationLink`): the new member
 * chooses a password and joins; they sign in next. Public: the link's token is the proof.
 */
export const acceptInvitationLink = defineInstallationCommand(
  'invitations.link',
  invitationLinkBodySchema,
  { action: 'accept', entity: 'invitation' },
  async (ctx, { token, newPassword }) => {
    const db = ctx.across('account');
    // The account's e-mail is known only once the token is checked; the check is repeated below.
    const invited = await db
      .selectFrom('invitation')
      .innerJoin('app_user as u', 'u.id', 'invitation.user_id')
      .select('u.email')
      .where('invitation.token_hash', '=', sha256(token))
      .executeTakeFirst();
    const weakness = invited ? passwordWeakness(newPassword, invited.email) : null;
    if (weakness) throw invalid('newPassword', weakness);
    const { userId, organisationId } = await acceptLink(db, {
      token,
      passwordHash: await hashPassword(newPassword),
      now: ctx.now,
    });
    ctx.audit.entityId = userId;
    ctx.audit.organisationId = organisationId;
  },
);
