import type { PersonSummary } from '@jobcoach/contract';
import { usePersons } from '../people/people-api.ts';

const fullName = (p: PersonSummary) => `${p.lastName.toLocaleUpperCase('fr')} ${p.firstName}`;

/** The organisation's persons as options of a list (« NOM Prénom »), by name. */
export function usePersonOptions(): { value: string; label: string }[] {
  const persons = usePersons({ q: '', phase: '', decision: '' });
  return (persons.data ?? [])
    .filter((p) => p.phase !== 'exited')
    .map((p) => ({ value: p.id, label: fullName(p) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/** The names of the organisation's persons, by id (for a contact that names one). */
export function usePersonNames(): Map<string, string> {
  const persons = usePersons({ q: '', phase: '', decision: '' });
  return new Map((persons.data ?? []).map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
}
