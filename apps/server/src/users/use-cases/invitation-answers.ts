import { invitationParams } from '@jobcoach/contract';
import { defineInstallationCommand, type InstallationContext } from '../../application/installation.ts';
import { buildMe } from '../../auth/me.ts';
import { answerInvitation } from '../invitations.ts';

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
