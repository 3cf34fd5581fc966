import {
  loginBodySchema,
  meSchema,
  offlineKeySchema,
  organisationSwitchBodySchema,
  passwordChangeBodySchema,
  passwordResetBodySchema,
  passwordResetRequestBodySchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForAccount } from '../http/installation-route.ts';
import { clearSessionCookie, sessionPolicyOf, setSessionCookie } from '../http/session-cookie.ts';
import { changePassword, readMe, readOfflineKey, signOut, switchOrganisation } from './use-cases/account.ts';
import { passwordResetUseCases } from './use-cases/password-reset.ts';
import { signInUseCases } from './use-cases/sign-in.ts';

/** Signing in and out, who the caller is, their password and current organisation (auth/use-cases/). */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { signIn } = signInUseCases(sessionPolicyOf(app.deps.config));
  const { requestPasswordReset, resetPassword } = passwordResetUseCases(app.deps.config.publicUrl);

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', audit: signIn.audit },
      schema: {
        tags: ['auth'],
        body: loginBodySchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { me, sessionToken } = await runForAccount(request, signIn, {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, sessionToken);
      return me;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'account', audit: signOut.audit },
      schema: { tags: ['auth'] },
    },
    async (request, reply) => {
      await runForAccount(request, signOut, {});
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'account' }, schema: { tags: ['auth'], response: { 200: meSchema } } },
    (request) => runForAccount(request, readMe, {}),
  );

  // The key of the device's offline store, for as long as the session lives (never cached).
  app.get(
    '/api/auth/offline-key',
    { config: { access: 'account' }, schema: { tags: ['auth'], response: { 200: offlineKeySchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return runForAccount(request, readOfflineKey, {});
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'account', audit: changePassword.audit },
      schema: {
        tags: ['auth'],
        body: passwordChangeBodySchema,
      },
    },
    async (request, reply) => {
      await runForAccount(request, changePassword, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/organisation',
    {
      // Reachable before a second factor is enrolled: a user whose current organisation requires
      // one can still go and work in their other organisations.
      config: { access: 'account', audit: switchOrganisation.audit },
      schema: {
        tags: ['auth'],
        body: organisationSwitchBodySchema,
        response: { 200: meSchema },
      },
    },
    (request) => runForAccount(request, switchOrganisation, request.body),
  );

  // « Mot de passe oublié ? »: always 202, whether the address has an account or not.
  app.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public', audit: requestPasswordReset.audit },
      schema: { tags: ['auth'], body: passwordResetRequestBodySchema },
    },
    async (request, reply) => {
      await runForAccount(request, requestPasswordReset, request.body);
      return reply.status(202).send();
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: 'public', audit: resetPassword.audit },
      schema: { tags: ['auth'], body: passwordResetBodySchema },
    },
    async (request, reply) => {
      await runForAccount(request, resetPassword, request.body);
      return reply.status(204).send();
    },
  );
};
