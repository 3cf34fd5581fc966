import { type AuditEntry, auditCsvFilterSchema, auditFilterSchema } from '@jobcoach/contract';
import { defineInstallationCommand, defineInstallationQuery } from '../../application/installation.ts';
import { toCsv } from '../../http/csv.ts';
import { findAuditEntries } from '../queries.ts';

/**
 * The audit log, for the installation administrator: it belongs to no organisation and covers
 * them all, so it is read across organisations (`audit`). An export is itself audited.
 */

export const readAuditLog = defineInstallationQuery('audit.list', auditFilterSchema, async (ctx, filter) => {
  ctx.requireAdmin();
  return findAuditEntries(ctx.across('audit'), filter);
});

/** The log as CSV, through the platform's one writer (http/csv.ts: formulas neutralised). */
function auditCsv(rows: AuditEntry[]): string {
  const header = [
    'date',
    'acteur',
    'organisation',
    'nom_organisation',
    'action',
    'entite',
    'identifiant',
    'adresse',
  ];
  return toCsv([
    header,
    ...rows.map((r) => [
      r.at,
      r.actorName,
      r.organisationId,
      r.organisationName,
      r.action,
      r.entity,
      r.entityId,
      r.clientAddress,
    ]),
  ]);
}

/** The CSV export; its entry (how many rows) belongs to the administrator's current organisation. */
export const exportAuditLog = defineInstallationCommand(
  'audit.export',
  auditCsvFilterSchema,
  { action: 'export', entity: 'audit_log' },
  async (ctx, filter) => {
    ctx.requireAdmin();
    const rows = await findAuditEntries(ctx.across('audit'), filter);
    ctx.audit.details = { rows: rows.length };
    return { fileName: 'journal-audit.csv', body: auditCsv(rows) };
  },
);
