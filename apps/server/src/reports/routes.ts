/**
 * The steering committee's report (docs/indicators.md, docs/api.md "Reports"): JSON, CSV, XLSX
 * and PDF for a period and a scope (reports/use-cases/steering-report.ts).
 */

import { reportQuerySchema, reportScopeListSchema, steeringReportSchema } from '@jobcoach/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForInstallation } from '../http/installation-route.ts';
import { exportSteeringReport, listReportScopes, readSteeringReport } from './use-cases/steering-report.ts';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The caller's current organisation: the report's scope when the query names none. */
const currentOrganisation = (request: FastifyRequest) => request.user?.currentOrganisationId ?? null;

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reports/scopes',
    {
      config: { access: 'session' },
      schema: {
        tags: ['reports'],
        response: { 200: reportScopeListSchema },
      },
    },
    (request) => runForInstallation(request, listReportScopes, {}),
  );

  app.get(
    '/api/reports/steering',
    {
      config: { access: 'session' },
      schema: { tags: ['reports'], querystring: reportQuerySchema, response: { 200: steeringReportSchema } },
    },
    (request) =>
      runForInstallation(request, readSteeringReport, {
        ...request.query,
        currentOrganisationId: currentOrganisation(request),
      }),
  );

  for (const [format, type] of Object.entries(CONTENT_TYPES)) {
    app.get(
      `/api/reports/steering.${format}`,
      {
        config: { access: 'session' },
        schema: { tags: ['reports'], querystring: reportQuerySchema },
      },
      async (request, reply) => {
        const file = await runForInstallation(request, exportSteeringReport, {
          ...request.query,
          currentOrganisationId: currentOrganisation(request),
          format: format as keyof typeof CONTENT_TYPES,
        });
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  }
};
