import { z } from 'zod';
import { text } from './common.ts';

/** Shapes only: the domain's validateCadenceSettings decides what a usable cadence is. */
export const cadenceSchema = z.object({
  preHireDays: z.number('nombre attendu.').max(365, 'au plus 365 jours.'),
  followUp: z
    .array(
      z.object({
        untilMonth: z.number('nombre attendu.').max(120, 'au plus 120 mois.'),
        days: z.number('nombre attendu.').max(365, 'au plus 365 jours.'),
      }),
      'liste attendue.',
    )
    .max(24, 'au plus 24 étapes.'),
});

export const settingsSchema = z.object({
  personsPerFte: z.number(),
  cadence: cadenceSchema,
  trustContractTemplate: z.string(),
  /** How many candidates the organisation presents at once for one offer. */
  presentationCap: z.number(),
  /** 0 while the organisation still uses the defaults (nothing saved yet). */
  version: z.number(),
});
export type OrganisationSettings = z.output<typeof settingsSchema>;

export const settingsInputSchema = z.object({
  personsPerFte: z
    .number('nombre attendu.')
    .gt(0, 'doit être supérieur à 0.')
    .max(100, 'au plus 100.')
    .multipleOf(0.01, 'deux décimales au plus.'),
  cadence: cadenceSchema,
  trustContractTemplate: text()
    .trim()
    .min(1, 'ce champ est obligatoire.')
    .max(20_000, 'au plus 20 000 caractères.'),
  /** Absent: the saved cap stays as it is (clients written before the cap was editable). */
  presentationCap: z
    .number('nombre entier attendu.')
    .int('nombre entier attendu.')
    .min(1, 'au moins 1.')
    .max(10, 'au plus 10.')
    .optional(),
  version: z.number('nombre entier attendu.').int('nombre entier attendu.').min(0, 'nombre positif attendu.'),
});

export type OrganisationSettingsBody = z.input<typeof settingsInputSchema>;
