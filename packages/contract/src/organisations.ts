import { isValidBce, normaliseBce, ORGANISATION_KINDS } from '@jobcoach/domain';
import { z } from 'zod';

export const bceSchema = z
  .string()
  .trim()
  .max(20, 'au plus 20 caractères.')
  .refine((v) => v === '' || isValidBce(v), {
    message:
      'numéro BCE invalide (10 chiffres commençant par 0 ou 1, dont les 2 derniers sont le contrôle modulo 97).',
  })
  .transform((v) => (v === '' ? null : normaliseBce(v)));

export const organisationInputSchema = z.object({
  name: z.string().trim().min(1, 'ce champ est obligatoire.').max(200, 'au plus 200 caractères.'),
  kind: z.enum(ORGANISATION_KINDS, "type d'organisation inconnu."),
  basinId: z.uuid('identifiant invalide.'),
  address: z.string().trim().max(500, 'au plus 500 caractères.').nullish(),
  bce: bceSchema.nullish(),
});

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  basinId: z.string(),
  basinName: z.string(),
  address: z.string().nullable(),
  bce: z.string().nullable(),
  requireTotp: z.boolean(),
  version: z.number(),
});
export type OrganisationDto = z.output<typeof organisationSchema>;
export type Organisation = OrganisationDto;
export const organisationListSchema = z.array(organisationSchema);

export const organisationPatchSchema = organisationInputSchema.partial().extend({
  bce: bceSchema.nullish(),
  requireTotp: z.boolean('vrai ou faux attendu.').optional(),
  version: z.number().int('nombre entier attendu.').positive('nombre positif attendu.'),
});
export type OrganisationBody = z.input<typeof organisationInputSchema>;
export type OrganisationPatchBody = z.input<typeof organisationPatchSchema>;
