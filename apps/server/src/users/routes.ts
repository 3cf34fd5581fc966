import {
  colleagueListSchema,
  invitationLinkBodySchema,
  invitationListSchema,
  invitationParams,
  invitationSchema,
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
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForAccount } from '../http/installation-route.ts';
import { contextIn, run } from '../http/use-case-route.ts';
import { acceptInvitation, acceptInvitationLink, declineInvitation } from './use-cases/invitation-answers.ts';
import {
  inviteMemberUseCase,
  listColleagues,
  listInvitations,
  listMembers,
  revokeInvitation,
  setTemporaryPassword,
  updateMember,
} from './use-cases/members.ts';

/**
 * An organisation's members and invitations, in that organisation's context (users/use-cases/
 * members.ts), and the answers to an invitation on the caller's account (invitation-answers.ts).
 */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const inviteMember = inviteMemberUseCase({
    publicUrl: app.deps.config.publicUrl,
    sends: app.deps.mailer !== null,
  });
  app.get(
    '/api/organisations/:orgId/users',
    {
      config: { access: 'session' },
      schema: { tags: ['users'], params: orgParams, response: { 200: memberListSchema } },
    },
    async (request) => run(request, listMembers, {}, await contextIn(request, request.params.orgId)),
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
    async (request) => run(request, listColleagues, {}, await contextIn(request, request.params.orgId)),
  );

  app.post(
    '/api/organisations/:orgId/users',
    {
      config: { access: 'session', audit: inviteMember.audit },
      schema: {
        tags: ['users'],
        params: orgParams,
        body: memberInputSchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      const ctx = await contextIn(request, request.params.orgId);
      return reply.status(201).send(await run(request, inviteMember, request.body, ctx));
    },
  );

  app.get(
    '/api/organisations/:orgId/invitations',
    {
      config: { access: 'session' },
      schema: { tags: ['users'], params: orgParams, response: { 200: invitationListSchema } },
    },
    async (request) => run(request, listInvitations, {}, await contextIn(request, request.params.orgId)),
  );

  app.delete(
    '/api/organisations/:orgId/invitations/:invitationId',
    {
      config: { access: 'session', audit: revokeInvitation.audit },
      schema: {
        tags: ['users'],
        params: orgInvitationParams,
      },
    },
    async (request, reply) => {
      const { orgId, invitationId } = request.params;
      await run(request, revokeInvitation, { invitationId }, await contextIn(request, orgId));
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/invitations/:invitationId/accept',
    {
      config: { access: 'session', audit: acceptInvitation.audit },
      schema: {
        tags: ['auth'],
        params: invitationParams,
        response: { 200: meSchema },
      },
    },
    (request) => runForAccount(request, acceptInvitation, request.params),
  );

  app.post(
    '/api/auth/invitation-link',
    {
      config: { access: 'public', audit: acceptInvitationLink.audit },
      schema: { tags: ['auth'], body: invitationLinkBodySchema },
    },
    async (request, reply) => {
      await runForAccount(request, acceptInvitationLink, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/invitations/:invitationId/decline',
    {
      config: { access: 'session', audit: declineInvitation.audit },
      schema: {
        tags: ['auth'],
        params: invitationParams,
        response: { 200: meSchema },
      },
    },
    (request) => runForAccount(request, declineInvitation, request.params),
  );

  app.patch(
    '/api/organisations/:orgId/users/:userId',
    {
      config: { access: 'session', audit: updateMember.audit },
      schema: {
        tags: ['users'],
        params: memberParams,
        body: memberPatchSchema,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const { orgId, userId } = request.params;
      return run(request, updateMember, { ...request.body, userId }, await contextIn(request, orgId));
    },
  );

  app.post(
    '/api/organisations/:orgId/users/:userId/password',
    {
      config: { access: 'session', audit: setTemporaryPassword.audit },
      schema: {
        tags: ['users'],
        params: memberParams,
        body: temporaryPasswordBodySchema,
      },
    },
    async (request, reply) => {
      const { orgId, userId } = request.params;
      await run(request, setTemporaryPassword, { ...request.body, userId }, await contextIn(request, orgId));
      return reply.status(204).send();
    },
  );
};
