import type { ChangeEvent } from 'react';
import type { PersonField, PersonValues } from './person-form.ts';

type ChangeTarget = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What the person's field groups need from a form built with `useForm`. */
export type PersonBinding = {
  values: PersonValues;
  input: (field: PersonField) => {
    value: string;
    onChange: (event: ChangeEvent<ChangeTarget>) => void;
    error?: string | undefined;
  };
  set: (field: PersonField, value: string) => void;
  errors: Partial<Record<PersonField, string | undefined>>;
};
