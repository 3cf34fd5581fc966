import {
  idParams,
  mailPreferencesPatchSchema,
  mailPreferencesSchema,
  sessionListSchema,
  totpDisableBodySchema,
  totpEnableBodySchema,
  totpSetupSchema,
  userIdParams,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForAccount } from '../http/installation-route.ts';
import {
  disableTotp,
  enableTotp,
  endOwnSession,
  endUserSessions,
  listOwnSessions,
  listUserSessions,
  resetUserTotp,
  startTotpSetup,
} from './use-cases/account-security.ts';
import { readMailPreferences, updateMailPreferences } from './use-cases/mail-preferences.ts';

/**
 * The user's own account security: their sessions (see and end them), the TOTP second factor;
 * and the admin's view of anyone's sessions (auth/use-cases/account-security.ts).
 */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/auth/preferences',
    { config: { access: 'account' }, schema: { tags: ['auth'], response: { 200: mailPreferencesSchema } } },
    (request) => runForAccount(request, readMailPreferences, {}),
  );

  app.patch(
    '/api/auth/preferences',
    {
      config: { access: 'account', audit: updateMailPreferences.audit },
      schema: { tags: ['auth'], body: mailPreferencesPatchSchema, response: { 200: mailPreferencesSchema } },
    },
    (request) => runForAccount(request, updateMailPreferences, request.body),
  );

  app.get(
    '/api/auth/sessions',
    { config: { access: 'account' }, schema: { tags: ['auth'], response: { 200: sessionListSchema } } },
    (request) => runForAccount(request, listOwnSessions, {}),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: 'account', audit: endOwnSession.audit },
      schema: { tags: ['auth'], params: idParams },
    },
    async (request, reply) => {
      await runForAccount(request, endOwnSession, request.params);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/users/:userId/sessions',
    {
      config: { access: 'admin' },
      schema: { tags: ['auth'], params: userIdParams, response: { 200: sessionListSchema } },
    },
    (request) => runForAccount(request, listUserSessions, request.params),
  );

  app.delete(
    '/api/users/:userId/sessions',
    {
      config: { access: 'admin', audit: endUserSessions.audit },
      schema: { tags: ['auth'], params: userIdParams },
    },
    async (request, reply) => {
      await runForAccount(request, endUserSessions, request.params);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'account', audit: startTotpSetup.audit },
      schema: { tags: ['auth'], response: { 200: totpSetupSchema } },
    },
    (request) => runForAccount(request, startTotpSetup, {}),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { access: 'account', audit: enableTotp.audit },
      schema: { tags: ['auth'], body: totpEnableBodySchema },
    },
    async (request, reply) => {
      await runForAccount(request, enableTotp, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { access: 'session', audit: disableTotp.audit },
      schema: { tags: ['auth'], body: totpDisableBodySchema },
    },
    async (request, reply) => {
      await runForAccount(request, disableTotp, request.body);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/users/:userId/totp',
    {
      config: { access: 'admin', audit: resetUserTotp.audit },
      schema: { tags: ['auth'], params: userIdParams },
    },
    async (request, reply) => {
      await runForAccount(request, resetUserTotp, request.params);
      return reply.status(204).send();
    },
  );
};
