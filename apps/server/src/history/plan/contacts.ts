import { compareDates } from '@jobcoach/domain';
import type { Planner } from './planner.ts';
import type { PlannedEmployerContact, PlannedPersonContact } from './types.ts';

/** Contacts with persons: the person known, the date not in the future. */
export function planPersonContacts(p: Planner): PlannedPersonContact[] {
  const contacts: PlannedPersonContact[] = [];
  for (const row of p.rows.person_contacts) {
    const personId = p.reference(row, 'person_external_id', 'persons', row.personRef);
    if (personId === 'skip') {
      p.counts.person_contact.skipped++;
      continue;
    }
    if (compareDates(row.values.date, p.ctx.today) > 0) {
      p.fail(row, 'date', 'la date ne peut pas être dans le futur.');
      continue;
    }
    if (personId === null) continue;
    const { id, action } = p.action('person_contact', row);
    contacts.push({ row, id, action, personId });
    p.count('person_contact', action);
  }
  return contacts;
}

/** Contacts with employers: the employer (and the person, if named) known, the date not in the future. */
export function planEmployerContacts(p: Planner): PlannedEmployerContact[] {
  const contacts: PlannedEmployerContact[] = [];
  for (const row of p.rows.employer_contacts) {
    const employerId = p.reference(row, 'employer_external_id', 'employers', row.employerRef);
    const personId = row.personRef ? p.reference(row, 'person_external_id', 'persons', row.personRef) : null;
    if (employerId === 'skip' || personId === 'skip') {
      p.counts.employer_contact.skipped++;
      continue;
    }
    if (compareDates(row.values.date, p.ctx.today) > 0) {
      p.fail(row, 'date', 'la date ne peut pas être dans le futur.');
      continue;
    }
    if (employerId === null || (row.personRef && personId === null)) continue;
    const { id, action } = p.action('employer_contact', row);
    contacts.push({ row, id, action, employerId, personId });
    p.count('employer_contact', action);
  }
  return contacts;
}
