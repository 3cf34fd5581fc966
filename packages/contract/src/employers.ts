import { CONTACT_CHANNELS, CONTACT_PURPOSES, CONTRACT_TYPES, FOLLOW_UP_MODES } from '@jobcoach/domain';
import { z } from 'zod';
import { optionalText, requiredText, text, versionSchema } from './common.ts';
import { emailSchema, limitSchema, naceSchema, offsetSchema, phoneSchema, postcodeSchema } from './fields.ts';
import { bceSchema } from './organisations.ts';
import { contactFields } from './persons.ts';
import { vacancySummarySchema } from './vacancies.ts';

export const EMPLOYER_STATUSES = ['prospect', 'contacted', 'partner', 'dormant'] as const;
export const EMPLOYER_SIZE_CLASSES = ['lt10', '10_49', '50_249', '250_plus'] as const;
export const EMPLOYER_SECTORS = ['private', 'public'] as const;
/** A contact with an employer uses the one vocabulary of contacts (domain contacts.ts). */
export const EMPLOYER_CONTACT_PURPOSES = CONTACT_PURPOSES;

const referenceSchema = z.object({
  name: requiredText(200),
  role: optionalText(200),
  phone: phoneSchema.nullish(),
  email: emailSchema.nullish(),
});

const employerFields = {
  name: requiredText(200),
  bce: bceSchema.nullish(),
  naceCode: naceSchema.nullish(),
  sizeClass: z.enum(EMPLOYER_SIZE_CLASSES, 'taille inconnue (lt10, 10_49, 50_249 ou 250_plus).').nullish(),
  sector: z.enum(EMPLOYER_SECTORS, 'secteur inconnu (private ou public).'),
  address: optionalText(300),
  postcode: postcodeSchema.nullish(),
  commune: optionalText(100),
  reference: referenceSchema.nullish(),
  status: z.enum(EMPLOYER_STATUSES, 'statut inconnu (prospect, contacted, partner ou dormant).'),
  /** The caller's organisation's own notes: never shown to the other organisations. */
  notes: optionalText(10_000),
};

export const employerInputSchema = z.object(employerFields);
export type EmployerInput = z.output<typeof employerInputSchema>;

export const employerPatchSchema = z.object(employerFields).partial().extend({ version: versionSchema });

/**
 * « Noter un contact » on an employer's page: the same record as on a person's file, with this
 * employer, and about a coached person when it concerns one (who took part or not).
 */
export const employerContactInputSchema = z.strictObject({
  ...contactFields,
  purpose: z.enum(CONTACT_PURPOSES, 'objet inconnu (canvassing, vacancy, follow_up ou other).'),
  personId: z.uuid('identifiant invalide.').nullish(),
  /** The person it is about took part (a three-way meeting, a visit at the workplace). */
  personPresent: z.boolean('vrai ou faux attendu.').default(false),
});

export const employerListQuerySchema = z.object({
  q: text().trim().max(100, 'au plus 100 caractères.').optional(),
  status: z.enum(EMPLOYER_STATUSES, 'statut inconnu (prospect, contacted, partner ou dormant).').optional(),
  sector: z.enum(EMPLOYER_SECTORS, 'secteur inconnu (private ou public).').optional(),
  limit: limitSchema(100, 500),
  offset: offsetSchema,
});

export const employerLookupQuerySchema = z.object({ bce: bceSchema });

// ---- answers ----

export const employerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  bce: z.string().nullable(),
  naceCode: z.string().nullable(),
  sizeClass: z.enum(EMPLOYER_SIZE_CLASSES).nullable(),
  sector: z.enum(EMPLOYER_SECTORS),
  postcode: z.string().nullable(),
  commune: z.string().nullable(),
  status: z.enum(EMPLOYER_STATUSES),
  referenceName: z.string().nullable(),
  version: z.number(),
  /** The caller's organisation's latest contact with the employer. */
  lastOwnContact: z.string().nullable(),
  /** Other organisations of the basin with a direct contact in the last 6 months (names only). */
  followedBy: z.array(z.string()),
});
export type EmployerSummary = z.output<typeof employerSummarySchema>;
export const employerSummaryListSchema = employerSummarySchema.array();

/** The employer of the basin that already holds this BCE number, if any. */
export const employerLookupSchema = z.object({ existing: employerSummarySchema.nullable() });
export type EmployerLookup = z.output<typeof employerLookupSchema>;

export const basinActivitySchema = z.object({
  organisationName: z.string(),
  coachName: z.string().nullable(),
  date: z.string(),
});

export const employerFileSchema = z.object({
  id: z.string(),
  basinId: z.string(),
  name: z.string(),
  bce: z.string().nullable(),
  naceCode: z.string().nullable(),
  sizeClass: z.enum(EMPLOYER_SIZE_CLASSES).nullable(),
  sector: z.enum(EMPLOYER_SECTORS),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  commune: z.string().nullable(),
  reference: z
    .object({
      name: z.string(),
      role: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    })
    .nullable(),
  status: z.enum(EMPLOYER_STATUSES),
  /** Same as ownNotes (EmployerInput's field, read back). */
  notes: z.string().nullable(),
  ownNotes: z.string().nullable(),
  version: z.number(),
  contacts: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      channel: z.enum(CONTACT_CHANNELS),
      purpose: z.enum(CONTACT_PURPOSES).nullable(),
      direct: z.boolean(),
      authorId: z.string().nullable(),
      authorName: z.string().nullable(),
      /** The person it is about, when the caller reaches that person; null otherwise. */
      personId: z.string().nullable(),
      personName: z.string().nullable(),
      notes: z.string().nullable(),
      overlapConfirmed: z.boolean(),
      /** Entered by mistake: corrected (with the reason), or cancelled (it counts no more). */
      status: z.enum(['recorded', 'corrected', 'cancelled']),
      statusReason: z.string().nullable(),
      version: z.number(),
    }),
  ),
  basinActivity: z.array(basinActivitySchema),
  vacancies: z.array(vacancySummarySchema),
});
export type EmployerFile = z.output<typeof employerFileSchema>;
export type EmployerContact = EmployerFile['contacts'][number];
export type BasinActivity = z.output<typeof basinActivitySchema>;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];
export type EmployerSizeClass = (typeof EMPLOYER_SIZE_CLASSES)[number];
export type EmployerSector = (typeof EMPLOYER_SECTORS)[number];
export type EmployerContactPurpose = (typeof CONTACT_PURPOSES)[number];

// What a client sends (before parsing).
export type EmployerBody = z.input<typeof employerInputSchema>;
export type EmployerPatchBody = z.input<typeof employerPatchSchema>;
export type EmployerReferenceBody = NonNullable<EmployerBody['reference']>;
export type EmployerContactBody = z.input<typeof employerContactInputSchema>;
export type EmployerListQuery = z.input<typeof employerListQuerySchema>;

/**
 * « Vos personnes chez cet employeur »: the caller's organisation's persons (within the caller's
 * record scope) with a contract at the employer running today. Discreet ones are included (it is the
 * organisation's own data) and flagged: nothing of them may be said to the employer.
 */
export const employerPersonSchema = z.object({
  personId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  coachName: z.string().nullable(),
  contract: z.object({
    id: z.string(),
    type: z.enum(CONTRACT_TYPES),
    jobTitle: z.string(),
    startOn: z.string(),
    plannedEndOn: z.string().nullable(),
  }),
  /** null: no follow-up arrangement recorded yet. */
  followUpMode: z.enum(FOLLOW_UP_MODES).nullable(),
  discreet: z.boolean(),
  /** The next contact the cadence asks for (or the coach planned), and whether it is late. */
  nextContactOn: z.string().nullable(),
  overdue: z.boolean(),
  /** The arrangement's reference person at the employer, else the registry's. */
  reference: z
    .object({
      name: z.string(),
      role: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    })
    .nullable(),
});
export type EmployerPerson = z.output<typeof employerPersonSchema>;
export const employerPersonListSchema = employerPersonSchema.array();
