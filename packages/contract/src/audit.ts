import { z } from 'zod';

/** The audit log, for the installation admin (JSON and CSV). */

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  clientAddress: z.string().nullable(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
export const auditEntryListSchema = z.array(auditEntrySchema);

const dateSchema = z.iso.date('date au format AAAA-MM-JJ attendue.');

export const auditFilterSchema = z.object({
  organisationId: z.uuid('identifiant invalide.').optional(),
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  limit: z.coerce.number().int('nombre entier attendu.').min(1).max(1000).default(100),
  offset: z.coerce.number().int('nombre entier attendu.').min(0).max(10_000_000).default(0),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The CSV export takes the same filter with a larger default and maximum. */
export const auditCsvFilterSchema = auditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
});
