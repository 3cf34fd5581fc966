import {
  isIsoDate,
  LANGUAGE_SKILLS,
  normalizeLanguage,
  REQUIRED_SKILL_LEVELS,
  SKILL_LEVELS,
} from '@jobcoach/domain';
import { z } from 'zod';

/** Building blocks shared by the request schemas of every capability. */

const DATE_MESSAGE = 'date au format AAAA-MM-JJ attendue.';

/**
 * A calendar day 'YYYY-MM-DD' that really exists (2024-02-30 is refused), between 1900 and 2100:
 * the clocks add months and days to these dates, which must stay real days.
 */
export const dateSchema = z
  .string(DATE_MESSAGE)
  .refine((v) => isIsoDate(v), { message: DATE_MESSAGE, params: { key: 'invalid_date' } })
  .refine((v) => v >= '1900-01-01' && v <= '2100-12-31', {
    message: 'date entre 1900 et 2100 attendue.',
    params: { key: 'date_out_of_range' },
  });

/** Text PostgreSQL can store: no NUL character. */
export function text(message = 'texte attendu.') {
  return z.string(message).refine((v) => !v.includes('\u0000'), {
    message: 'caractère nul interdit.',
    params: { key: 'forbidden_characters' },
  });
}

export const idParams = z.object({ id: z.uuid('identifiant invalide.') });

export const versionSchema = z
  .number('nombre entier attendu.')
  .int('nombre entier attendu.')
  .positive('nombre positif attendu.');

/** Required short text, trimmed. */
export function requiredText(max: number) {
  return text().trim().min(1, 'ce champ est obligatoire.').max(max, `au plus ${max} caractères.`);
}

/** Optional text, trimmed; an empty string means "none" (null). */
export function optionalText(max: number) {
  return text()
    .trim()
    .max(max, `au plus ${max} caractères.`)
    .transform((v) => (v === '' ? null : v))
    .nullish();
}

/** A list of short free texts (languages, sectors…), trimmed, empty entries and duplicates dropped. */
export function textList(maxItems: number, maxLength: number) {
  return z
    .array(text().trim().max(maxLength, `au plus ${maxLength} caractères.`), 'liste attendue.')
    .max(maxItems, `au plus ${maxItems} éléments.`)
    .transform((items) => [...new Set(items.filter((i) => i !== ''))]);
}

/** A list of codes, duplicates dropped. */
export function codeList<T extends readonly [string, ...string[]]>(codes: T, message: string) {
  return z
    .array(z.enum(codes, message), 'liste attendue.')
    .max(codes.length * 2, 'liste trop longue.')
    .transform((items) => [...new Set(items)]);
}

/**
 * An object that refuses fields it does not know (a misspelt `drivingLicense` is named, not silently
 * dropped). The message names the first unknown field; the server puts it in `error.field`.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `champ inconnu : ${issue.keys.map((k) => `« ${k} »`).join(', ')} (vérifiez l’orthographe).`
        : undefined,
  });
}

const languageCodeSchema = text()
  .trim()
  .min(1, 'ce champ est obligatoire.')
  .max(50, 'au plus 50 caractères.')
  .transform((v) => normalizeLanguage(v));

function skillsOf<L extends readonly [string, ...string[]]>(levels: L, message: string) {
  const level = z.enum(levels, message).nullish();
  return { understand: level, speak: level, read: level, write: level };
}

/**
 * A language a person knows, skill by skill: `{ code: 'de', read: 'good', speak: 'none' }`. A bare
 * name (« arabe ») is read as the language with no skill recorded yet.
 */
export const personLanguageSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { code: v } : v),
  strictObject({
    code: languageCodeSchema,
    ...skillsOf(SKILL_LEVELS, 'niveau inconnu (none, basic, good ou fluent).'),
  }),
);

/** A language a job needs: the minimum level of each skill it uses, at least one. */
export const languageRequirementSchema = strictObject({
  code: languageCodeSchema,
  ...skillsOf(REQUIRED_SKILL_LEVELS, 'niveau inconnu (basic, good ou fluent).'),
}).refine((l) => LANGUAGE_SKILLS.some((s) => l[s] != null), {
  message: 'indiquez au moins une compétence demandée (understand, speak, read ou write).',
});

const skillOutput = <L extends readonly [string, ...string[]]>(levels: L) =>
  z.enum(levels).nullable().optional();
export const personLanguageOutputSchema = z.object({
  code: z.string(),
  understand: skillOutput(SKILL_LEVELS),
  speak: skillOutput(SKILL_LEVELS),
  read: skillOutput(SKILL_LEVELS),
  write: skillOutput(SKILL_LEVELS),
});
export const languageRequirementOutputSchema = z.object({
  code: z.string(),
  understand: skillOutput(REQUIRED_SKILL_LEVELS),
  speak: skillOutput(REQUIRED_SKILL_LEVELS),
  read: skillOutput(REQUIRED_SKILL_LEVELS),
  write: skillOutput(REQUIRED_SKILL_LEVELS),
});
