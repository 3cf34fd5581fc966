import { DIPLOMA_LEVELS, PHYSICAL_DEMANDS, VACANCY_CONTRACT_TYPES, WORK_SCHEDULES } from '@jobcoach/domain';
import { z } from 'zod';
import {
  codeList,
  dateSchema,
  languageRequirementOutputSchema,
  languageRequirementSchema,
  optionalText,
  requiredText,
  strictObject,
  text,
  versionSchema,
} from './common.ts';
import { limitSchema, naceSchema, offsetSchema } from './fields.ts';

export const VACANCY_SOURCES = [
  'forem',
  'newspaper',
  'union_delegate',
  'canvassing',
  'employer_request',
  'other',
] as const;
export type VacancySource = (typeof VACANCY_SOURCES)[number];

export const VACANCY_STATUSES = ['open', 'filled', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** What the employer asks (as published, or as objectified with the coach). */
export const requirementsSchema = strictObject({
  text: text().trim().max(5000, 'au plus 5000 caractères.').default(''),
  diplomaLevel: z
    .enum(DIPLOMA_LEVELS, 'niveau inconnu (none, ceb, cesi, cess ou higher).')
    .nullable()
    .default(null),
  languages: z
    .array(languageRequirementSchema, 'liste attendue.')
    .max(10, 'au plus 10 langues.')
    .default([])
    .refine((list) => new Set(list.map((l) => l.code)).size === list.length, 'une langue est en double.'),
  drivingLicence: z.boolean('vrai ou faux attendu.').default(false),
  car: z.boolean('vrai ou faux attendu.').default(false),
  experienceYears: z
    .number('nombre attendu.')
    .int('nombre entier attendu.')
    .min(0, 'nombre positif attendu.')
    .max(40, 'au plus 40.')
    .nullable()
    .default(null),
});
export type RequirementsInput = z.output<typeof requirementsSchema>;

export const objectifiedSchema = requirementsSchema.extend({ taskDescription: requiredText(5000) });

export const vacancyContractSchema = z
  .strictObject({
    type: z.enum(VACANCY_CONTRACT_TYPES, 'type de contrat inconnu (cdi, cdd, interim ou other).'),
    months: z
      .number('nombre attendu.')
      .int('nombre entier attendu.')
      .min(1, 'au moins 1 mois.')
      .max(120, 'au plus 120 mois.')
      .nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.type !== 'cdd' && c.months != null) {
      ctx.addIssue({ code: 'custom', path: ['months'], message: 'la durée ne se précise que pour un CDD.' });
    }
  });

export const vacancyHoursSchema = z
  .number('nombre attendu.')
  .gt(0, 'doit être supérieur à 0.')
  .max(60, 'au plus 60 heures.')
  .transform((v) => Math.round(v * 10) / 10);

/**
 * The fields of a vacancy, without defaults: PATCH takes any subset of them (a default would
 * silently overwrite what was not sent). POST fills openings, schedule, physical demands and
 * status when absent.
 */
const vacancyFields = {
  employerId: z.uuid('identifiant invalide.'),
  title: requiredText(200),
  source: z.enum(
    VACANCY_SOURCES,
    'source inconnue (forem, newspaper, union_delegate, canvassing, employer_request ou other).',
  ),
  sourceRef: optionalText(100),
  placeOfWork: optionalText(300),
  commune: optionalText(100),
  openings: z
    .number('nombre attendu.')
    .int('nombre entier attendu.')
    .min(1, 'au moins 1.')
    .max(999, 'au plus 999.'),
  contract: vacancyContractSchema,
  hoursPerWeek: vacancyHoursSchema.nullish(),
  schedule: codeList(WORK_SCHEDULES, 'horaire inconnu (day, evening, night, weekend ou shifts).'),
  sectorCode: naceSchema.nullish(),
  published: requirementsSchema,
  objectified: objectifiedSchema.nullish(),
  physicalDemands: codeList(PHYSICAL_DEMANDS, `exigence physique inconnue (${PHYSICAL_DEMANDS.join(', ')}).`),
  qualityNote: optionalText(2000),
  status: z.enum(VACANCY_STATUSES, 'statut inconnu (open, filled ou closed).'),
  openedOn: dateSchema,
  closedOn: dateSchema.nullish(),
};

export const vacancyInputSchema = strictObject({
  ...vacancyFields,
  openings: vacancyFields.openings.optional(),
  schedule: vacancyFields.schedule.optional(),
  physicalDemands: vacancyFields.physicalDemands.optional(),
  status: vacancyFields.status.optional(),
});
export type VacancyInput = z.output<typeof vacancyInputSchema>;

export const vacancyPatchSchema = strictObject(vacancyFields).partial().extend({ version: versionSchema });
export type VacancyPatch = z.output<typeof vacancyPatchSchema>;

export const vacancyListQuerySchema = z.object({
  q: text().trim().max(100, 'au plus 100 caractères.').optional(),
  status: z.enum(VACANCY_STATUSES, 'statut inconnu (open, filled ou closed).').optional(),
  employerId: z.uuid('identifiant invalide.').optional(),
  limit: limitSchema(100, 500),
  offset: offsetSchema,
});

// ---- answers ----

/** Requirements as answered (published, or objectified with the task description). */
export const requirementsOutputSchema = z.object({
  text: z.string(),
  diplomaLevel: z.enum(DIPLOMA_LEVELS).nullable(),
  languages: z.array(languageRequirementOutputSchema),
  drivingLicence: z.boolean(),
  car: z.boolean(),
  experienceYears: z.number().nullable(),
});

export const vacancyContractOutputSchema = z.object({
  type: z.enum(VACANCY_CONTRACT_TYPES),
  months: z.number().nullable(),
});

export const vacancySummarySchema = z.object({
  id: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  title: z.string(),
  source: z.enum(VACANCY_SOURCES),
  sourceRef: z.string().nullable(),
  commune: z.string().nullable(),
  openings: z.number(),
  contract: vacancyContractOutputSchema,
  hoursPerWeek: z.number().nullable(),
  schedule: z.array(z.enum(WORK_SCHEDULES)),
  status: z.enum(VACANCY_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  /** The coach objectified the offer with the employer. */
  objectified: z.boolean(),
  /** Candidates presented now (presentations not closed). */
  activePresentations: z.number(),
  version: z.number(),
});
export type VacancySummary = z.output<typeof vacancySummarySchema>;
export const vacancySummaryListSchema = vacancySummarySchema.array();

export const vacancyFileSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  title: z.string(),
  source: z.enum(VACANCY_SOURCES),
  sourceRef: z.string().nullable(),
  placeOfWork: z.string().nullable(),
  commune: z.string().nullable(),
  openings: z.number(),
  contract: vacancyContractOutputSchema,
  hoursPerWeek: z.number().nullable(),
  schedule: z.array(z.enum(WORK_SCHEDULES)),
  sectorCode: z.string().nullable(),
  published: requirementsOutputSchema,
  objectified: requirementsOutputSchema.extend({ taskDescription: z.string() }).nullable(),
  physicalDemands: z.array(z.enum(PHYSICAL_DEMANDS)),
  qualityNote: z.string().nullable(),
  status: z.enum(VACANCY_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  version: z.number(),
  /** The organisation's cap of candidates presented at once (a setting, read-only here). */
  presentationCap: z.number(),
  activePresentations: z.number(),
});
export type VacancyFile = z.output<typeof vacancyFileSchema>;
export type Requirements = VacancyFile['published'];
export type ObjectifiedRequirements = NonNullable<VacancyFile['objectified']>;

// What a client sends (before parsing).
export type VacancyBody = z.input<typeof vacancyInputSchema>;
export type VacancyPatchBody = z.input<typeof vacancyPatchSchema>;
export type VacancyListQuery = z.input<typeof vacancyListQuerySchema>;
