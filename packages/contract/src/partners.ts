import { z } from 'zod';
import { optionalText, requiredText, versionSchema } from './common.ts';

export const PARTNER_TYPES = [
  'cpas',
  'forem',
  'oisp_cisp',
  'eft',
  'debt_mediation',
  'health',
  'childcare',
  'union',
  'school',
  'association',
  'other',
] as const;

const typeSchema = z.enum(PARTNER_TYPES, 'type de partenaire inconnu.');

export const partnerInputSchema = z.object({
  name: requiredText(200),
  type: typeSchema,
  contact: optionalText(500),
});

export const partnerPatchSchema = partnerInputSchema.partial().extend({ version: versionSchema });

export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(PARTNER_TYPES),
  contact: z.string().nullable(),
  version: z.number(),
});
export type Partner = z.output<typeof partnerSchema>;
export const partnerListSchema = partnerSchema.array();
export type PartnerType = (typeof PARTNER_TYPES)[number];

// What a client sends (before parsing).
export type PartnerBody = z.input<typeof partnerInputSchema>;
export type PartnerPatchBody = z.input<typeof partnerPatchSchema>;
