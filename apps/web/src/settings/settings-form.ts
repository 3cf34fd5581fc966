import type { OrganisationSettings } from '@jobcoach/contract';
import { validateCadenceSettings } from '@jobcoach/domain';
import type { Translate } from '../i18n/index.ts';
import { parseFte } from '../team/fte.ts';

export type Step = { untilMonth: string; days: string };
export type SettingsValues = {
  personsPerFte: string;
  preHireDays: string;
  steps: Step[];
  template: string;
  presentationCap: string;
};
export type SettingsErrors = Record<string, string | undefined>;

export const PLACEHOLDERS = ['prenom', 'nom', 'organisation', 'jobcoach', 'date'] as const;

export function valuesOf(settings: OrganisationSettings, format: (n: number) => string): SettingsValues {
  return {
    personsPerFte: format(settings.personsPerFte),
    preHireDays: String(settings.cadence.preHireDays),
    steps: settings.cadence.followUp.map((s) => ({ untilMonth: String(s.untilMonth), days: String(s.days) })),
    template: settings.trustContractTemplate,
    presentationCap: String(settings.presentationCap),
  };
}

const integer = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

export function toSettings(values: SettingsValues, version: number): OrganisationSettings {
  return {
    personsPerFte: parseFte(values.personsPerFte) ?? Number.NaN,
    cadence: {
      preHireDays: integer(values.preHireDays),
      followUp: values.steps.map((s) => ({ untilMonth: integer(s.untilMonth), days: integer(s.days) })),
    },
    trustContractTemplate: values.template,
    presentationCap: integer(values.presentationCap),
    version,
  };
}

/** The domain's cadence check (and a positive number of persons per ETP), in the catalog's words. */
export function checkSettings(values: SettingsValues, t: Translate): SettingsErrors {
  const errors: SettingsErrors = {};
  const perFte = parseFte(values.personsPerFte);
  if (perFte === null || perFte <= 0) errors.personsPerFte = t('settings.error.perFte');
  for (const error of validateCadenceSettings(toSettings(values, 0).cadence)) {
    errors[error.field] ??=
      error.field === 'followUp'
        ? t('settings.error.noStep')
        : error.field.endsWith('untilMonth')
          ? t('settings.error.months')
          : t('settings.error.days');
  }
  if (values.template.trim() === '') errors.template = t('validation.required');
  const cap = integer(values.presentationCap);
  if (!(cap >= 1 && cap <= 10)) errors.presentationCap = t('settings.error.cap');
  return errors;
}
