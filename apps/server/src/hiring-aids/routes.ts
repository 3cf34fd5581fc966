import {
  costEstimateQuerySchema,
  hiringAidRuleInputSchema,
  hiringAidRuleListSchema,
  hiringAidRulePatchSchema,
  hiringAidRuleSchema,
  idParams,
  presentationHireSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForInstallation } from '../http/installation-route.ts';
import { run } from '../http/use-case-route.ts';
import { presentationHire } from './use-cases/presentation-hire.ts';
import { createHiringAidRule, listHiringAidRules, updateHiringAidRule } from './use-cases/rules.ts';

/** Hiring-aid rules (installation configuration) and the hire side of a presentation. */
export const hiringAidRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/hiring-aids/rules',
    {
      config: { access: 'session' },
      schema: { tags: ['hiring-aids'], response: { 200: hiringAidRuleListSchema } },
    },
    (request) => runForInstallation(request, listHiringAidRules, {}),
  );

  app.post(
    '/api/hiring-aids/rules',
    {
      config: { access: 'admin', audit: createHiringAidRule.audit },
      schema: {
        tags: ['hiring-aids'],
        body: hiringAidRuleInputSchema,
        response: { 201: hiringAidRuleSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runForInstallation(request, createHiringAidRule, request.body)),
  );

  app.patch(
    '/api/hiring-aids/rules/:id',
    {
      config: { access: 'admin', audit: updateHiringAidRule.audit },
      schema: {
        tags: ['hiring-aids'],
        params: idParams,
        body: hiringAidRulePatchSchema,
        response: { 200: hiringAidRuleSchema },
      },
    },
    (request) =>
      runForInstallation(request, updateHiringAidRule, { ...request.body, ruleId: request.params.id }),
  );

  app.get(
    '/api/presentations/:id/hire',
    {
      config: { access: 'session' },
      schema: {
        tags: ['presentations'],
        params: idParams,
        querystring: costEstimateQuerySchema,
        response: { 200: presentationHireSchema },
      },
    },
    (request) => run(request, presentationHire, { ...request.query, presentationId: request.params.id }),
  );
};
