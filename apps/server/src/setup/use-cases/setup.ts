import { passwordWeakness, setupBodySchema } from '@jobcoach/contract';
import { z } from 'zod';
import { AppError, invalid } from '../../application/errors.ts';
import {
  commitWithAudit,
  defineInstallationCommand,
  defineInstallationQuery,
} from '../../application/installation.ts';
import { buildMe } from '../../auth/me.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { createSession, type SessionPolicy } from '../../auth/sessions.ts';
import { sha256 } from '../../auth/tokens.ts';
import { assertActiveBasin } from '../../organisations/queries.ts';
import { hasAnyUser } from '../token.ts';

/**
 * The first run (docs/operations.md): while the installation has no user, anyone may ask whether
 * setup is needed and which basins it offers; whoever holds the one-time link printed at start
 * creates the first organisation and the installation administrator, and is signed in. All of it
 * happens before any organisation or account exists: across organisations, for the `installation`
 * reason.
 */

export const readSetupStatus = defineInstallationQuery('setup.status', z.object({}), async (ctx) => {
  const db = ctx.across('installation');
  const needed = !(await hasAnyUser(db));
  const basins = needed
    ? await db
        .selectFrom('basin')
        .select(['id', 'name', 'active'])
        .where('active', '=', true)
        .orderBy('name')
        .execute()
    : [];
  return { needed, basins };
});

export const SETUP_AUDIT = { action: 'installation_setup', entity: 'organisation' } as const;

/** What the setup needs besides the form: the browser that sends it, for the new session. */
export const setupInputSchema = setupBodySchema.extend({ userAgent: z.string().optional() });

/** The setup, given the server's session policy. */
export function setupUseCases(policy: SessionPolicy) {
  /**
   * Creates the first organisation, its coordinator who administers the installation, and their
   * session. The password is checked and hashed before the transaction opens (hashing is slow).
   */
  const setUpInstallation = defineInstallationCommand(
    'setup.run',
    setupInputSchema,
    SETUP_AUDIT,
    async (ctx, { token, organisation, admin, userAgent }) => {
      const weakness = passwordWeakness(admin.password, admin.email);
      if (weakness) throw invalid('admin.password', weakness);
      const passwordHash = await hashPassword(admin.password);
      const result = await commitWithAudit(ctx, SETUP_AUDIT, async (tx) => {
        const db = tx.across('installation');
        // The token row is deleted in the same transaction: two racing setups cannot both pass.
        const used = await db
          .deleteFrom('setup_token')
          .where('token_hash', '=', sha256(token))
          .returning('token_hash')
          .executeTakeFirst();
        if (!used || (await hasAnyUser(db))) {
          throw new AppError(403, 'forbidden', 'Lien de configuration invalide ou déjà utilisé.', 'token');
        }
        await assertActiveBasin(db, organisation.basinId, 'organisation.basinId');
        const org = await db
          .insertInto('organisation')
          .values({
            name: organisation.name,
            kind: organisation.kind,
            basin_id: organisation.basinId,
            address: organisation.address ?? null,
            bce: organisation.bce ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const user = await db
          .insertInto('app_user')
          .values({ email: admin.email, name: admin.name, password_hash: passwordHash, is_admin: true })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('membership')
          .values({ user_id: user.id, organisation_id: org.id, role: 'coordinator', fte: 1 })
          .execute();
        const session = await createSession(
          db,
          {
            userId: user.id,
            organisationId: org.id,
            clientAddress: ctx.actor.clientAddress,
            userAgent,
            now: tx.now,
          },
          policy,
        );
        tx.audit.entityId = org.id;
        tx.audit.organisationId = org.id;
        return { userId: user.id, organisationId: org.id, session };
      });
      const me = await buildMe(ctx.across('account'), {
        userId: result.userId,
        csrfToken: result.session.csrfToken,
        currentOrganisationId: result.organisationId,
        now: ctx.now,
      });
      return { me, sessionToken: result.session.token };
    },
    { ownTransaction: true },
  );
  return { setUpInstallation };
}
