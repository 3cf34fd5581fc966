import { compareDates, isIsoDate, isValidNiss, normaliseNiss } from '@jobcoach/domain';
import { email as checkEmail, required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import type { Translate } from '../i18n/index.ts';
import type { PersonValues } from './person-form.ts';

// Instant checks with the domain's own rules (NISS check digits, real calendar days). The server
// checks everything again and has the last word.

/** A real day, not in the future (birth, referral, contact…); '' is accepted when optional. */
export function pastDay(value: string, t: Translate, optional = true): string | undefined {
  if (value.trim() === '') return optional ? undefined : t('validation.required');
  if (!isIsoDate(value)) return t('validation.date');
  return compareDates(value, today()) > 0 ? t('validation.futureDate') : undefined;
}

/** A real day, any time. */
export function day(value: string, t: Translate, optional = true): string | undefined {
  if (value.trim() === '') return optional ? undefined : t('validation.required');
  return isIsoDate(value) ? undefined : t('validation.date');
}

/**
 * The NISS as it is being typed: no complaint before 11 digits unless `finished` (the field was
 * left), then the modulo-97 check of the domain.
 */
export function niss(value: string, t: Translate, finished = true): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const digits = text.replace(/\D/g, '');
  if (!finished && digits.length < 11) return undefined;
  if (normaliseNiss(text) === null) return t('validation.nissFormat');
  return isValidNiss(text) ? undefined : t('validation.nissCheck');
}

export function wholeNumber(value: string, t: Translate): string | undefined {
  if (value.trim() === '') return undefined;
  return /^\d+$/.test(value.trim()) ? undefined : t('validation.wholeNumber');
}

/** The checks of the identity and situation fields. */
export function checkPerson(values: PersonValues, t: Translate) {
  return {
    firstName: required(values.firstName, t),
    lastName: required(values.lastName, t),
    birthDate: pastDay(values.birthDate, t),
    niss: niss(values.niss, t),
    email: values.email.trim() === '' ? undefined : checkEmail(values.email, t),
    monthsWithoutJob: wholeNumber(values.monthsWithoutJob, t),
    childrenCount: wholeNumber(values.childrenCount, t),
    maxTravelMinutes: wholeNumber(values.maxTravelMinutes, t),
  };
}
