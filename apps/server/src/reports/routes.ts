/**
 * The steering committee's report (docs/indicators.md, docs/api.md "Reports"): JSON, CSV, XLSX
 * and PDF for a period and a scope (the current organisation, several, or every organisation the
 * caller may report on). Coordinators see exact figures; a scope that includes an organisation
 * where the caller is an evaluator gets aggregates only, small cells shown as "< 5".
 */

import {
  MAX_REPORT_ORGANISATIONS,
  reportQuerySchema,
  reportScopeListSchema,
  type SteeringReportQuery,
  steeringReportSchema,
} from '@jobcoach/contract';
import { type MembershipRole, validateReportPeriod } from '@jobcoach/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UUID_PATTERN } from '../application/uuid.ts';
import { ROLE_PERMISSIONS, requireOrgPermission } from '../http/access.ts';
import { writeAudit } from '../http/context.ts';
import { AppError, invalid } from '../http/errors.ts';
import { buildSteeringDocument, reportFileName, type SteeringDocument } from './document.ts';
import { steeringCsv } from './export-csv.ts';
import { steeringPdf } from './export-pdf.ts';
import { steeringXlsx } from './export-xlsx.ts';

const REPORT_ROLES: readonly MembershipRole[] = ROLE_PERMISSIONS['reports.read'];

/** The organisations the caller may report on, with the caller's role in each. */
async function reportableOrganisations(request: FastifyRequest) {
  const { db } = request.server.deps;
  const user = request.user;
  if (!user) throw new AppError(401, 'unauthenticated', 'Veuillez vous connecter.');
  if (user.isAdmin) {
    const rows = await db.selectFrom('organisation').select(['id', 'name']).orderBy('name').execute();
    return rows.map((r) => ({ ...r, role: 'admin' as const }));
  }
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'm.role'])
    .where('m.user_id', '=', user.userId)
    .where('m.active', '=', true)
    .where('m.role', 'in', [...REPORT_ROLES])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as MembershipRole }));
}

/** Checks the query and the caller's rights; returns the report's parameters. */
async function resolveReport(request: FastifyRequest, query: SteeringReportQuery) {
  const errors = validateReportPeriod(query.from, query.to);
  if (errors[0]) throw invalid(errors[0].field, errors[0].message);
  const user = request.user;
  if (!user) throw new AppError(401, 'unauthenticated', 'Veuillez vous connecter.');
  const { db } = request.server.deps;

  let roles: { id: string; role: MembershipRole | 'admin' }[];
  if (query.all === 'true') {
    if (query.organisationIds) {
      throw invalid('organisationIds', 'ne peut pas être combiné avec « all=true ».');
    }
    roles = await reportableOrganisations(request);
    if (roles.length === 0) {
      throw new AppError(
        403,
        'forbidden',
        'Votre rôle ne permet de consulter le rapport d’aucune organisation.',
      );
    }
  } else {
    let ids: string[];
    if (query.organisationIds !== undefined) {
      ids = [...new Set(query.organisationIds.split(',').map((s) => s.trim()))];
      if (ids.length === 0 || ids.some((id) => !UUID_PATTERN.test(id))) {
        throw invalid('organisationIds', 'liste d’identifiants séparés par des virgules attendue.');
      }
      if (ids.length > MAX_REPORT_ORGANISATIONS) {
        throw invalid('organisationIds', `au plus ${MAX_REPORT_ORGANISATIONS} organisations.`);
      }
    } else {
      if (!user.currentOrganisationId) {
        throw new AppError(403, 'forbidden', 'Choisissez d’abord une organisation.');
      }
      ids = [user.currentOrganisationId];
    }
    roles = [];
    for (const id of ids) {
      const access = await requireOrgPermission(request, db, id, 'reports.read');
      roles.push({ id, role: access.role });
    }
  }
  return {
    params: {
      organisationIds: roles.map((r) => r.id),
      from: query.from,
      to: query.to,
      today: request.server.deps.clock.today(),
    },
    aggregatesOnly: roles.some((r) => r.role === 'evaluator'),
  };
}

async function documentFor(request: FastifyRequest, query: SteeringReportQuery): Promise<SteeringDocument> {
  const { params, aggregatesOnly } = await resolveReport(request, query);
  return buildSteeringDocument(request.server.deps.db, params, {
    aggregatesOnly,
    generatedAt: request.server.deps.clock.now(),
  });
}

const EXPORTS = {
  csv: { type: 'text/csv; charset=utf-8', render: async (d: SteeringDocument) => steeringCsv(d) },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: steeringXlsx,
  },
  pdf: { type: 'application/pdf', render: steeringPdf },
} as const;

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
    async (request) => reportableOrganisations(request),
  );

  app.get(
    '/api/reports/steering',
    {
      config: { access: 'session' },
      schema: { tags: ['reports'], querystring: reportQuerySchema, response: { 200: steeringReportSchema } },
    },
    async (request) => documentFor(request, request.query),
  );

  for (const [format, spec] of Object.entries(EXPORTS)) {
    app.get(
      `/api/reports/steering.${format}`,
      {
        config: { access: 'session' },
        schema: { tags: ['reports'], querystring: reportQuerySchema },
      },
      async (request, reply) => {
        const doc = await documentFor(request, request.query);
        const body = await spec.render(doc);
        // Audited export; no personal data: the format, the period and the organisations' ids.
        await writeAudit(
          request.server.deps.db,
          request,
          { action: 'report.export', entity: 'report' },
          {
            entityId: 'steering',
            details: {
              format,
              from: doc.from,
              to: doc.to,
              organisationIds: doc.organisations.map((o) => o.id),
              aggregatesOnly: doc.aggregatesOnly,
            },
          },
        );
        return reply
          .type(spec.type)
          .header('content-disposition', `attachment; filename="${reportFileName(doc, format)}"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }
};
