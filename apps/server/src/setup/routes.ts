import { meSchema, passwordWeakness, setupBodySchema, setupStatusSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildMe } from '../auth/me.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { sha256 } from '../auth/tokens.ts';
import { AppError, invalid } from '../http/errors.ts';
import { assertActiveBasin } from '../organisations/queries.ts';
import { hasAnyUser } from './token.ts';

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;

  app.get(
    '/api/setup/status',
    {
      config: { access: 'public' },
      schema: {
        tags: ['setup'],
        response: { 200: setupStatusSchema },
      },
    },
    async () => {
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
    },
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public', audit: { action: 'installation_setup', entity: 'organisation' } },
      schema: {
        tags: ['setup'],
        body: setupBodySchema,
        response: { 201: meSchema },
      },
    },
    async (request, reply) => {
      const { token, organisation, admin } = request.body;
      const weakness = passwordWeakness(admin.password, admin.email);
      if (weakness) throw invalid('admin.password', weakness);
      const passwordHash = await hashPassword(admin.password);
      const now = clock.now();
      const result = await request.mutate(async (trx, audit) => {
        // The token row is deleted in the same transaction: two racing setups cannot both pass.
        const used = await trx
          .deleteFrom('setup_token')
          .where('token_hash', '=', sha256(token))
          .returning('token_hash')
          .executeTakeFirst();
        if (!used || (await hasAnyUser(trx as never))) {
          throw new AppError(403, 'forbidden', 'Lien de configuration invalide ou déjà utilisé.', 'token');
        }
        await assertActiveBasin(trx, organisation.basinId, 'organisation.basinId');
        const org = await trx
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
        const user = await trx
          .insertInto('app_user')
          .values({ email: admin.email, name: admin.name, password_hash: passwordHash, is_admin: true })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('membership')
          .values({ user_id: user.id, organisation_id: org.id, role: 'coordinator', fte: 1 })
          .execute();
        const session = await createSession(
          trx,
          {
            userId: user.id,
            organisationId: org.id,
            clientAddress: request.ip,
            userAgent: request.headers['user-agent'],
            now,
          },
          { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
        );
        audit.entityId = org.id;
        audit.organisationId = org.id;
        return { userId: user.id, organisationId: org.id, session };
      });
      reply.setCookie(SESSION_COOKIE, result.session.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        path: '/',
        maxAge: config.sessionAbsoluteHours * 3600,
      });
      const me = await buildMe(db, {
        userId: result.userId,
        csrfToken: result.session.csrfToken,
        currentOrganisationId: result.organisationId,
        now: clock.now(),
      });
      return reply.status(201).send(me);
    },
  );
};
