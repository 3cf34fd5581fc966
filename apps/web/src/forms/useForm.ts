import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/index.ts';
import { discardDraft, readDraft, writeDraft } from './drafts.ts';
import { errorMessage } from './errors.ts';

type Values = Record<string, string>;
export type FieldErrors<V extends Values> = Partial<Record<keyof V, string | undefined>>;
type ChangeTarget = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Text-field form state with errors next to the fields. `fail` puts a server error on the field it
 * names (`error.field`, mapped through `serverFields` when the names differ), or above the form.
 * After errors appear, the first invalid field gets the focus. `dirty` says whether anything was
 * typed (a dialog asks before closing it, forms/FormModal.tsx). With a `draft` key, what is typed
 * is kept in the tab's session storage and comes back after a reload until it is saved or given
 * up (`discard`).
 */
export function useForm<V extends Values>(
  initial: V,
  serverFields: Record<string, keyof V> = {},
  options: { draft?: string } = {},
) {
  const t = useT();
  const ref = useRef<HTMLFormElement>(null);
  const pristine = useRef(initial);
  const [values, setValues] = useState<V>(() => {
    const draft = options.draft ? readDraft<V>(options.draft) : null;
    return draft ? { ...initial, ...draft } : initial;
  });
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (Object.values(errors).some(Boolean)) {
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [errors]);

  const dirty = Object.keys(values).some((k) => values[k] !== pristine.current[k]);

  useEffect(() => {
    if (!options.draft) return;
    if (dirty) writeDraft(options.draft, values);
    else discardDraft(options.draft);
  }, [options.draft, dirty, values]);

  const set = (name: keyof V, value: string) => setValues((previous) => ({ ...previous, [name]: value }));

  /** Gives up what was typed (saved, or abandoned on purpose): the draft goes too. */
  const discard = () => {
    if (options.draft) discardDraft(options.draft);
    pristine.current = values;
  };

  const input = (name: keyof V) => ({
    value: values[name],
    onChange: (event: ChangeEvent<ChangeTarget>) => set(name, event.currentTarget.value),
    error: errors[name],
  });

  /** Shows the given errors; true when there are none. */
  const check = (found: FieldErrors<V>): boolean => {
    const present = Object.fromEntries(Object.entries(found).filter(([, message]) => message));
    setErrors(present as FieldErrors<V>);
    setFormError(null);
    return Object.keys(present).length === 0;
  };

  const fail = (error: unknown) => {
    const message = errorMessage(error, t);
    const field = error instanceof ApiError ? error.field : undefined;
    const target =
      field === undefined ? undefined : (serverFields[field] ?? (field in values ? field : undefined));
    setErrors(target === undefined ? {} : ({ [target]: message } as FieldErrors<V>));
    setFormError(target === undefined ? message : null);
  };

  const reset = (next: V = initial) => {
    pristine.current = next;
    setValues(next);
    setErrors({});
    setFormError(null);
  };

  return { ref, values, set, input, errors, formError, check, fail, reset, dirty, discard };
}
