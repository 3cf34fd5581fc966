import { HIRING_AID_AUTHORITIES, HIRING_AIDS, INCOME_SOURCES } from '@jobcoach/domain';
import { z } from 'zod';
import { dateSchema, optionalText, requiredText, strictObject, versionSchema } from './common.ts';

/**
 * Hiring aids: the installation's dated rules (kept by the administrator) and the aids a person
 * opens, with the wage-cost estimate of a presentation (packages/domain hiring-aids.ts, wage-cost.ts).
 */

function optionalCount(max: number) {
  return z
    .number('nombre attendu.')
    .int('nombre entier attendu.')
    .min(0, 'nombre positif attendu.')
    .max(max, `au plus ${max}.`)
    .nullable();
}

export const hiringAidConditionsSchema = strictObject({
  ageBelow: optionalCount(120).default(null),
  ageFrom: optionalCount(120).default(null),
  minJoblessMonths: optionalCount(600).default(null),
  incomes: z
    .array(z.enum(INCOME_SOURCES, 'revenu inconnu.'), 'liste attendue.')
    .max(INCOME_SOURCES.length, 'liste trop longue.')
    .nullable()
    .default(null),
  walloonResident: z.boolean('vrai ou faux attendu.').default(false),
});

const ruleFields = {
  /** The aid, one of the contract's list (HIRING_AIDS): a rule's versions share it. */
  code: z.enum(
    HIRING_AIDS,
    'aide inconnue (impulsion_under_25, impulsion_12_months, impulsion_55_plus, sesam, ape, activa, first_hires_reduction, sine, art60 ou other).',
  ),
  name: requiredText(200),
  authority: z.enum(HIRING_AID_AUTHORITIES, 'autorité inconnue (wallonia, federal, cpas ou other).'),
  conditions: hiringAidConditionsSchema,
  employerCondition: optionalText(1000),
  amount: requiredText(1000),
  monthlyAmount: z
    .number('nombre attendu.')
    .min(0, 'nombre positif attendu.')
    .max(100_000, 'au plus 100 000.')
    .nullable(),
  durationMonths: z.number('nombre attendu.').int('nombre entier attendu.').min(1, 'au moins 1.').nullable(),
  validFrom: dateSchema,
  validTo: dateSchema.nullable(),
  source: requiredText(2000),
};

export const hiringAidRuleInputSchema = strictObject(ruleFields);
export const hiringAidRulePatchSchema = strictObject(ruleFields).partial().extend({ version: versionSchema });
export type HiringAidRuleBody = z.input<typeof hiringAidRuleInputSchema>;
export type HiringAidRulePatchBody = z.input<typeof hiringAidRulePatchSchema>;

export const hiringAidRuleSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  authority: z.enum(HIRING_AID_AUTHORITIES),
  conditions: z.object({
    ageBelow: z.number().nullable(),
    ageFrom: z.number().nullable(),
    minJoblessMonths: z.number().nullable(),
    incomes: z.array(z.enum(INCOME_SOURCES)).nullable(),
    walloonResident: z.boolean(),
  }),
  employerCondition: z.string().nullable(),
  amount: z.string(),
  monthlyAmount: z.number().nullable(),
  durationMonths: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: z.string(),
  version: z.number(),
});
export type HiringAidRuleAnswer = z.output<typeof hiringAidRuleSchema>;
export const hiringAidRuleListSchema = hiringAidRuleSchema.array();

/** An aid the person opens on the day, with why. */
export const openedHiringAidSchema = z.object({
  code: z.string(),
  name: z.string(),
  authority: z.enum(HIRING_AID_AUTHORITIES),
  amount: z.string(),
  monthlyAmount: z.number().nullable(),
  durationMonths: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: z.string(),
  because: z.array(z.string()),
  employerCondition: z.string().nullable(),
});
export type OpenedHiringAidAnswer = z.output<typeof openedHiringAidSchema>;

export const costEstimateQuerySchema = z.object({
  /** Gross hourly wage the coach enters, in euros. */
  grossHourly: z.coerce
    .number('nombre attendu.')
    .gt(0, 'doit être supérieur à 0.')
    .max(200, 'au plus 200 € de l’heure.')
    .optional(),
});
export type CostEstimateQuery = z.input<typeof costEstimateQuerySchema>;

export const wageCostEstimateSchema = z.object({
  on: z.string(),
  parametersFrom: z.string(),
  grossMonthly: z.number(),
  lines: z.array(z.object({ label: z.string(), amount: z.number() })),
  costBeforeAids: z.number(),
  aidsDeducted: z.number(),
  costAfterAids: z.number(),
  assumptions: z.array(z.string()),
  aidsNotCounted: z.array(z.string()),
  notice: z.string(),
});

/** What a presentation tells the employer about the hire: the aids, and the cost once a wage is entered. */
export const presentationHireSchema = z.object({
  on: z.string(),
  hoursPerWeek: z.number().nullable(),
  aids: z.array(openedHiringAidSchema),
  /** Null until a gross wage is entered, or while the offer does not state its hours. */
  estimate: wageCostEstimateSchema.nullable(),
});
export type PresentationHire = z.output<typeof presentationHireSchema>;
