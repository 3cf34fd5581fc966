import { auditCsvFilterSchema, auditEntryListSchema, auditFilterSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForAccount } from '../http/installation-route.ts';
import { exportAuditLog, readAuditLog } from './use-cases/audit-log.ts';

/** The audit log for the installation administrator (audit/use-cases/audit-log.ts). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'admin' },
      schema: { tags: ['audit'], querystring: auditFilterSchema, response: { 200: auditEntryListSchema } },
    },
    (request) => runForAccount(request, readAuditLog, request.query),
  );

  app.get(
    '/api/audit.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        querystring: auditCsvFilterSchema,
      },
    },
    async (request, reply) => {
      const file = await runForAccount(request, exportAuditLog, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
};
