import type { Invitation, ReceivedInvitation } from '@jobcoach/contract';
import type { Database, ExpressionBuilder } from '@jobcoach/db';
import type { MembershipRole } from '@jobcoach/domain';
import type { Context } from '../application/context.ts';
import type { Db } from '../application/database.ts';
import { AppError } from '../application/errors.ts';
import { newToken, sha256 } from '../auth/tokens.ts';

/**
 * Joining an organisation (docs/security.md): a coordinator's addition is an invitation that the
 * account's owner accepts or declines once logged in. Nothing in the coordinator's answer tells
 * whether the e-mail already had an account: the answer is the invitation, with what the
 * coordinator typed. A new e-mail gets an account with the coordinator's temporary password (the
 * fallback while no e-mail is sent), an existing account is left as it is; until its owner accepts,
 * the organisation has no hold on it, and the owner's other organisations are untouched.
 */

/** How long an invitation (and the link its e-mail carries) stays valid. */
export const INVITATION_DAYS = 7;

/** Not accepted, declined nor revoked (it may have expired). */
function isOpen(eb: ExpressionBuilder<Database, 'invitation'>) {
  return eb.and([
    eb('invitation.accepted_at', 'is', null),
    eb('invitation.declined_at', 'is', null),
    eb('invitation.revoked_at', 'is', null),
  ]);
}

function toInvitation(
  r: {
    id: string;
    email: string;
    name: string;
    role: string;
    fte: number;
    created_at: Date;
    expires_at: Date;
  },
  now: Date,
): Invitation {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as MembershipRole,
    fte: Number(r.fte),
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    expired: new Date(r.expires_at) <= now,
  };
}

const INVITATION_COLUMNS = ['id', 'email', 'name', 'role', 'fte', 'created_at', 'expires_at'] as const;

/**
 * Invites `email` into the context's organisation, on behalf of its user, in the transaction in
 * progress: the same steps and the same answer whether the e-mail had an account or not. Refused
 * (409) only when it is already a member of this very organisation, which its coordinators see on
 * the team page anyway.
 */
export async function inviteMember(
  ctx: Context,
  args: {
    email: string;
    name: string;
    role: MembershipRole;
    fte: number;
    /**
     * The coordinator's temporary password, hashed, or the hash of a secret nobody knows when the
     * invitation travels by e-mail only: used only for an account created here.
     */
    passwordHash: string;
  },
): Promise<{ invitation: Invitation; token: string; newAccount: boolean }> {
  const { email } = args;
  const { organisationId, now } = ctx;
  const trx = ctx.db;
  const existing = await trx
    .selectFrom('app_user')
    .select(['id', 'must_change_password'])
    .where('email', '=', email)
    .forUpdate()
    .executeTakeFirst();
  let userId: string;
  let newAccount = false;
  if (!existing) {
    const created = await trx
      .insertInto('app_user')
      .values({ email, name: args.name, password_hash: args.passwordHash, must_change_password: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    userId = created.id;
    newAccount = true;
  } else {
    userId = existing.id;
    const member = await trx
      .selectFrom('membership')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (member) {
      throw new AppError(409, 'conflict', 'Cette personne est déjà membre de l’organisation.', 'email');
    }
    // An account this organisation created that nobody has used yet (its temporary password never
    // changed, no organisation joined): inviting it again gives it the new temporary password, as
    // the first invitation did. Any other account keeps its password.
    // Whether the account joined any organisation is a question about the account, asked across
    // organisations.
    if (
      existing.must_change_password &&
      (await createdHereAndUnused(ctx.across('account'), organisationId, userId))
    ) {
      await trx
        .updateTable('app_user')
        .set({ password_hash: args.passwordHash, updated_at: now })
        .where('id', '=', userId)
        .execute();
      newAccount = true;
    }
  }
  await trx
    .updateTable('invitation')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .where(isOpen)
    .execute();
  const token = newToken();
  const row = await trx
    .insertInto('invitation')
    .values({
      organisation_id: organisationId,
      email,
      user_id: userId,
      name: args.name,
      role: args.role,
      fte: args.fte,
      new_account: newAccount,
      // The link's token travels in the e-mail (mail/templates.ts); only its digest is kept.
      token_hash: sha256(token),
      invited_by: ctx.userId,
      created_at: now,
      expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    })
    .returning(INVITATION_COLUMNS)
    .executeTakeFirstOrThrow();
  return { invitation: toInvitation(row, now), token, newAccount };
}

async function createdHereAndUnused(trx: Db, organisationId: string, userId: string): Promise<boolean> {
  const [created, memberships] = await Promise.all([
    trx
      .selectFrom('invitation')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('user_id', '=', userId)
      .where('new_account', '=', true)
      .executeTakeFirst(),
    trx.selectFrom('membership').select('organisation_id').where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return created !== undefined && memberships === undefined;
}

/** The organisation's invitations still waiting for an answer (expired ones included). */
export async function pendingInvitations(db: Db, organisationId: string, now: Date): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitation')
    .select(INVITATION_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where(isOpen)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => toInvitation(r, now));
}

/** The invitations a user may still accept (open, not expired), oldest first. */
export async function receivedInvitations(db: Db, userId: string, now: Date): Promise<ReceivedInvitation[]> {
  const rows = await db
    .selectFrom('invitation')
    .innerJoin('organisation as o', 'o.id', 'invitation.organisation_id')
    .leftJoin('app_user as by', 'by.id', 'invitation.invited_by')
    .select(['invitation.id', 'o.name as organisation_name', 'invitation.role', 'by.name as invited_by_name'])
    .select('invitation.expires_at')
    .where('invitation.user_id', '=', userId)
    .where(isOpen)
    .where('invitation.expires_at', '>', now)
    .orderBy('invitation.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationName: r.organisation_name,
    role: r.role as MembershipRole,
    invitedByName: r.invited_by_name,
    expiresAt: new Date(r.expires_at).toISOString(),
  }));
}

const invitationNotFound = () => new AppError(404, 'not_found', 'Invitation introuvable.');

/**
 * The caller's answer to one of their invitations: accepting makes them a member with the role the
 * coordinator chose; declining leaves everything as it was. Either ends the invitation (single use).
 * Returns its organisation.
 */
export async function answerInvitation(
  trx: Db,
  args: { userId: string; invitationId: string; accept: boolean; now: Date },
): Promise<{ organisationId: string }> {
  const { now } = args;
  const invitation = await trx
    .selectFrom('invitation')
    .select(['id', 'organisation_id', 'role', 'fte', 'expires_at'])
    .where('id', '=', args.invitationId)
    .where('user_id', '=', args.userId)
    .where(isOpen)
    .forUpdate()
    .executeTakeFirst();
  if (!invitation) throw invitationNotFound();
  if (new Date(invitation.expires_at) <= now) {
    throw new AppError(
      409,
      'conflict',
      'Cette invitation a expiré : demandez à l’organisation de vous inviter à nouveau.',
    );
  }
  if (args.accept) {
    await trx
      .insertInto('membership')
      .values({
        user_id: args.userId,
        organisation_id: invitation.organisation_id,
        role: invitation.role,
        fte: invitation.role === 'jobcoach' ? Number(invitation.fte) : 1,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
      .execute();
  }
  await trx
    .updateTable('invitation')
    .set(args.accept ? { accepted_at: now } : { declined_at: now })
    .where('id', '=', invitation.id)
    .execute();
  return { organisationId: invitation.organisation_id };
}

/** A coordinator withdraws an invitation not answered yet. */
export async function revokeInvitation(
  trx: Db,
  args: { organisationId: string; invitationId: string; now: Date },
) {
  const revoked = await trx
    .updateTable('invitation')
    .set({ revoked_at: args.now })
    .where('id', '=', args.invitationId)
    .where('organisation_id', '=', args.organisationId)
    .where(isOpen)
    .returning('id')
    .executeTakeFirst();
  if (!revoked) throw invitationNotFound();
}

const LINK_SPENT =
  'Ce lien n’est plus valable : il a déjà servi, a expiré ou a été remplacé. Demandez une nouvelle invitation à l’organisation.';

/**
 * The link of an invitation e-mail, for an account the invitation created and nobody has used yet
 * (its password still the coordinator's temporary one, or unknown): its owner chooses a password,
 * and the invitation is accepted, in one step. Once: the invitation ends here. An account already
 * in use never gets a password from a link; its owner logs in and accepts.
 */
export async function acceptInvitationLink(
  trx: Db,
  args: { token: string; passwordHash: string; now: Date },
): Promise<{ userId: string; organisationId: string; email: string }> {
  const { now } = args;
  const invitation = await trx
    .selectFrom('invitation')
    .innerJoin('app_user as u', 'u.id', 'invitation.user_id')
    .select([
      'invitation.id',
      'invitation.organisation_id',
      'invitation.user_id',
      'invitation.role',
      'invitation.fte',
      'u.email',
      'u.active',
      'u.must_change_password',
    ])
    .where('invitation.token_hash', '=', sha256(args.token))
    .where('invitation.new_account', '=', true)
    .where('invitation.expires_at', '>', now)
    .where(isOpen)
    .forUpdate()
    .executeTakeFirst();
  if (!invitation?.user_id || !invitation.active || !invitation.must_change_password) {
    throw new AppError(400, 'validation', LINK_SPENT, 'token');
  }
  const used = await trx
    .selectFrom('membership')
    .select('organisation_id')
    .where('user_id', '=', invitation.user_id)
    .executeTakeFirst();
  if (used) throw new AppError(400, 'validation', LINK_SPENT, 'token');
  await trx
    .updateTable('app_user')
    .set((eb) => ({
      password_hash: args.passwordHash,
      must_change_password: false,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', invitation.user_id)
    .execute();
  await trx
    .insertInto('membership')
    .values({
      user_id: invitation.user_id,
      organisation_id: invitation.organisation_id,
      role: invitation.role,
      fte: invitation.role === 'jobcoach' ? Number(invitation.fte) : 1,
    })
    .execute();
  await trx.updateTable('invitation').set({ accepted_at: now }).where('id', '=', invitation.id).execute();
  // Whoever signed in with the temporary password is out.
  await trx.deleteFrom('session').where('user_id', '=', invitation.user_id).execute();
  return { userId: invitation.user_id, organisationId: invitation.organisation_id, email: invitation.email };
}
