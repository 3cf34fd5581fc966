import { setupChecklistSchema, setupDismissalInputSchema, teamOverviewSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { dismissSetupItem, getSetupChecklist } from './use-cases/checklist.ts';
import { getTeamOverview } from './use-cases/overview.ts';

/** The coordinator's home: the team at a glance and the setup checklist (team/use-cases/). */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/team/overview',
    {
      config: { access: 'session' },
      schema: { tags: ['team'], response: { 200: teamOverviewSchema } },
    },
    (request) => run(request, getTeamOverview, {}),
  );

  app.get(
    '/api/team/checklist',
    {
      config: { access: 'session' },
      schema: { tags: ['team'], response: { 200: setupChecklistSchema } },
    },
    (request) => run(request, getSetupChecklist, {}),
  );

  app.post(
    '/api/team/checklist/dismissals',
    {
      config: { access: 'session', audit: dismissSetupItem.audit },
      schema: { tags: ['team'], body: setupDismissalInputSchema, response: { 200: setupChecklistSchema } },
    },
    (request) => run(request, dismissSetupItem, request.body),
  );
};
