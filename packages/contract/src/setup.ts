import { z } from 'zod';
import { accountEmailSchema, passwordSchema } from './auth.ts';
import { basinSchema } from './basins.ts';
import { organisationInputSchema } from './organisations.ts';

/** First-run setup: the first organisation and the installation admin, with the one-time token. */

export const setupStatusSchema = z.object({ needed: z.boolean(), basins: z.array(basinSchema) });
export type SetupStatus = z.output<typeof setupStatusSchema>;

export const setupBodySchema = z.object({
  token: z.string().min(1, 'ce champ est obligatoire.').max(200),
  organisation: organisationInputSchema,
  admin: z.object({
    name: z.string().trim().min(1, 'ce champ est obligatoire.').max(200, 'au plus 200 caractères.'),
    email: accountEmailSchema,
    password: passwordSchema,
  }),
});
export type SetupBody = z.input<typeof setupBodySchema>;
