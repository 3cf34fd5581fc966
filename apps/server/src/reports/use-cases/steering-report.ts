import { MAX_REPORT_ORGANISATIONS, type ReportScope, reportQuerySchema } from '@jobcoach/contract';
import { can, type MembershipRole, ROLE_PERMISSIONS, validateReportPeriod } from '@jobcoach/domain';
import { z } from 'zod';
import { AppError, forbidden, invalid, notFound } from '../../application/errors.ts';
import {
  defineInstallationQuery,
  type InstallationContext,
  writeInstallationAudit,
} from '../../application/installation.ts';
import { buildSteeringDocument, reportFileName, type SteeringDocument } from '../document.ts';
import { steeringCsv } from '../export-csv.ts';

/**
 * The steering committee's report (docs/indicators.md) for a period and a scope: the caller's
 * current organisation, several, or every organisation the caller may report on. It belongs to no
 * single organisation, so it runs on the installation's context; its figures are read across the
 * organisations it covers (`reports`), once the caller's right to each has been checked.
 * Coordinators see exact figures; a scope that includes an organisation where the caller is an
 * evaluator gets aggregates only, small cells shown as "< 5". The API and the command line
 * (cli/report.ts, as the installation administrator) run the same use cases.
 */

const REPORT_ROLES: readonly MembershipRole[] = ROLE_PERMISSIONS['reports.read'];

/** The organisations the caller may report on, with the caller's role in each. */
async function reportableOrganisations(ctx: InstallationContext): Promise<ReportScope[]> {
  if (ctx.isAdmin) {
    const rows = await ctx
      .across('reports')
      .selectFrom('organisation')
      .select(['id', 'name'])
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ ...r, role: 'admin' as const }));
  }
  const rows = await ctx
    .across('account')
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'm.role'])
    .where('m.user_id', '=', ctx.userId)
    .where('m.active', '=', true)
    .where('m.role', 'in', [...REPORT_ROLES])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as MembershipRole }));
}

/**
 * The caller's role in each organisation named, in order: 404 « Organisation introuvable. » for
 * one the caller is no active member of (or, for the administrator, that does not exist); 403
 * when it requires a second factor the caller has not enabled (the requirement binds the work
 * done in it), or when the role there does not read reports.
 */
async function rolesIn(ctx: InstallationContext, ids: readonly string[]) {
  const members = new Map<string, { role: MembershipRole | 'admin'; totpMissing: boolean }>();
  if (ctx.isAdmin) {
    const rows = await ctx
      .across('reports')
      .selectFrom('organisation')
      .select('id')
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) members.set(r.id, { role: 'admin', totpMissing: false });
  } else {
    const rows = await ctx
      .across('account')
      .selectFrom('membership as m')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select(['m.organisation_id', 'm.role', 'o.require_totp', 'u.totp_secret'])
      .where('m.user_id', '=', ctx.userId)
      .where('m.active', '=', true)
      .where('m.organisation_id', 'in', ids)
      .execute();
    for (const r of rows) {
      members.set(r.organisation_id, {
        role: r.role as MembershipRole,
        totpMissing: r.require_totp && r.totp_secret === null,
      });
    }
  }
  return ids.map((id) => {
    const member = members.get(id);
    if (!member) throw notFound('Organisation');
    if (member.totpMissing) {
      throw new AppError(
        403,
        'totp_enrolment_required',
        'Votre organisation exige une double authentification : activez-la d’abord dans « Sécurité du compte ».',
      );
    }
    if (!can(member.role, 'reports.read')) {
      throw forbidden('Votre rôle dans cette organisation ne permet pas cette action.');
    }
    return { id, role: member.role };
  });
}

const reportInput = reportQuerySchema.extend({
  /** The caller's current organisation, if any: the report's scope when the query names none. */
  currentOrganisationId: z.guid().nullable(),
});
type ReportInput = z.output<typeof reportInput>;

/** Checks the period and the caller's right to each organisation; computes the report. */
async function steeringDocument(ctx: InstallationContext, query: ReportInput): Promise<SteeringDocument> {
  const errors = validateReportPeriod(query.from, query.to);
  if (errors[0]) throw invalid(errors[0].field, errors[0].message);

  let roles: { id: string; role: MembershipRole | 'admin' }[];
  if (query.all === 'true') {
    if (query.organisationIds) {
      throw invalid('organisationIds', 'ne peut pas être combiné avec « all=true ».');
    }
    roles = await reportableOrganisations(ctx);
    if (roles.length === 0) {
      throw forbidden('Votre rôle ne permet de consulter le rapport d’aucune organisation.');
    }
  } else {
    let ids: string[];
    if (query.organisationIds !== undefined) {
      ids = [...new Set(query.organisationIds.split(',').map((s) => s.trim()))];
      if (ids.length === 0 || ids.some((id) => !z.guid().safeParse(id).success)) {
        throw invalid('organisationIds', 'liste d’identifiants séparés par des virgules attendue.');
      }
      if (ids.length > MAX_REPORT_ORGANISATIONS) {
        throw invalid('organisationIds', `au plus ${MAX_REPORT_ORGANISATIONS} organisations.`);
      }
    } else {
      if (!query.currentOrganisationId) {
        throw new AppError(403, 'forbidden', 'Choisissez d’abord une organisation.');
      }
      ids = [query.currentOrganisationId];
    }
    roles = await rolesIn(ctx, ids);
  }
  const aggregatesOnly = roles.some((r) => r.role === 'evaluator');
  return buildSteeringDocument(
    ctx.across('reports'),
    { organisationIds: roles.map((r) => r.id), from: query.from, to: query.to, today: ctx.today },
    { aggregatesOnly, generatedAt: ctx.now },
  );
}

/** The organisations the caller may report on (the report page's choice of scope). */
export const listReportScopes = defineInstallationQuery('reports.scopes', z.object({}), (ctx) =>
  reportableOrganisations(ctx),
);

/** The report as the API's JSON answer. */
export const readSteeringReport = defineInstallationQuery('reports.steering', reportInput, steeringDocument);

export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDER: Record<ReportFormat, (doc: SteeringDocument) => Promise<string | Buffer> | string> = {
  json: (doc) => `${JSON.stringify(doc, null, 2)}\n`,
  csv: steeringCsv,
  // Loaded when asked for: exceljs and pdfkit take a good part of a second to load, which the
  // command line's JSON and CSV reports (and a server never asked for these) do not pay.
  xlsx: async (doc) => (await import('../export-xlsx.ts')).steeringXlsx(doc),
  pdf: async (doc) => (await import('../export-pdf.ts')).steeringPdf(doc),
};

/**
 * The report as a file (CSV, XLSX, PDF; JSON for the command line), with its file name. Every
 * export is audited: the format, the period and the organisations, no personal data.
 */
export const exportSteeringReport = defineInstallationQuery(
  'reports.export',
  reportInput.extend({
    format: z.enum(REPORT_FORMATS),
    /** Where the export was asked from, when not through the API: stated in its audit entry. */
    via: z.enum(['cli']).optional(),
  }),
  async (ctx, { format, via, ...query }) => {
    const doc = await steeringDocument(ctx, query);
    const body = await RENDER[format](doc);
    ctx.audit.entityId = 'steering';
    ctx.audit.organisationId = query.currentOrganisationId;
    ctx.audit.details = {
      format,
      from: doc.from,
      to: doc.to,
      organisationIds: doc.organisations.map((o) => o.id),
      aggregatesOnly: doc.aggregatesOnly,
      ...(via ? { via } : {}),
    };
    await writeInstallationAudit(ctx, { action: 'report.export', entity: 'report' });
    return { body, fileName: reportFileName(doc, format) };
  },
);
