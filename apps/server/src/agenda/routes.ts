import {
  calendarFeedCreatedSchema,
  calendarFeedParams,
  calendarFeedStatusSchema,
  idParams,
  planCancelSchema,
  planInputSchema,
  plannedContactListSchema,
  plannedContactParams,
  plannedContactSchema,
  planUpdateSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForAccount } from '../http/installation-route.ts';
import { run } from '../http/use-case-route.ts';
import {
  createCalendarFeed,
  getCalendarFeed,
  readCalendarFeed,
  revokeCalendarFeed,
} from './use-cases/calendar-feed.ts';
import { cancelPlan, listPlans, planContact, updatePlan } from './use-cases/plans.ts';

/** The coach's agenda: planned contacts (agenda/use-cases/plans.ts) and the calendar feed. */
export const agendaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/persons/:id/planned-contacts',
    {
      config: { access: 'session' },
      schema: { tags: ['agenda'], params: idParams, response: { 200: plannedContactListSchema } },
    },
    (request) => run(request, listPlans, { personId: request.params.id }),
  );

  app.post(
    '/api/persons/:id/planned-contacts',
    {
      config: { access: 'session', audit: planContact.audit },
      schema: {
        tags: ['agenda'],
        params: idParams,
        body: planInputSchema,
        response: { 201: plannedContactSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await run(request, planContact, { ...request.body, personId: request.params.id })),
  );

  app.patch(
    '/api/planned-contacts/:id',
    {
      config: { access: 'session', audit: updatePlan.audit },
      schema: {
        tags: ['agenda'],
        params: plannedContactParams,
        body: planUpdateSchema,
        response: { 200: plannedContactSchema },
      },
    },
    (request) => run(request, updatePlan, { ...request.body, planId: request.params.id }),
  );

  app.post(
    '/api/planned-contacts/:id/cancel',
    {
      config: { access: 'session', audit: cancelPlan.audit },
      schema: {
        tags: ['agenda'],
        params: plannedContactParams,
        body: planCancelSchema,
        response: { 200: plannedContactSchema },
      },
    },
    (request) => run(request, cancelPlan, { ...request.body, planId: request.params.id }),
  );

  app.get(
    '/api/calendar-feed',
    {
      config: { access: 'session' },
      schema: { tags: ['agenda'], response: { 200: calendarFeedStatusSchema } },
    },
    (request) => run(request, getCalendarFeed, {}),
  );

  app.post(
    '/api/calendar-feed',
    {
      config: { access: 'session', audit: createCalendarFeed.audit },
      schema: { tags: ['agenda'], response: { 201: calendarFeedCreatedSchema } },
    },
    async (request, reply) => reply.status(201).send(await run(request, createCalendarFeed, {})),
  );

  app.post(
    '/api/calendar-feed/revoke',
    {
      config: { access: 'session', audit: revokeCalendarFeed.audit },
      schema: { tags: ['agenda'], response: { 200: calendarFeedStatusSchema } },
    },
    (request) => run(request, revokeCalendarFeed, {}),
  );

  // Read by calendar applications, without a session: the token in the address is the key.
  app.get(
    '/api/calendar/:file',
    { config: { access: 'public' }, schema: { tags: ['agenda'], params: calendarFeedParams } },
    async (request, reply) => {
      const text = await runForAccount(request, readCalendarFeed, request.params);
      return reply
        .header('Cache-Control', 'private, max-age=300')
        .header('Content-Disposition', 'inline; filename="jobcoach.ics"')
        .type('text/calendar; charset=utf-8')
        .send(text);
    },
  );
};
