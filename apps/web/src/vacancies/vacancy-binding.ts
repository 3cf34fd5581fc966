import type { ChangeEvent } from 'react';
import type { VacancyField, VacancyValues } from './vacancy-form.ts';

type ChangeTarget = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What the vacancy's field groups need from a form built with `useForm`. */
export type VacancyBinding = {
  values: VacancyValues;
  input: (field: VacancyField) => {
    value: string;
    onChange: (event: ChangeEvent<ChangeTarget>) => void;
    error?: string | undefined;
  };
  set: (field: VacancyField, value: string) => void;
  errors: Partial<Record<VacancyField, string | undefined>>;
};
