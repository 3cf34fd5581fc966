import { z } from 'zod';

/** Employment basins (bassins d'emploi): the installation's regions, managed by the admin. */

export const basinSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean() });
export type Basin = z.output<typeof basinSchema>;
export const basinListSchema = z.array(basinSchema);

const nameSchema = z.string().trim().min(1, 'ce champ est obligatoire.').max(100, 'au plus 100 caractères.');
export const basinInputSchema = z.object({ name: nameSchema });
export const basinPatchSchema = z.object({ name: nameSchema.optional(), active: z.boolean().optional() });
export type BasinPatchBody = z.input<typeof basinPatchSchema>;
