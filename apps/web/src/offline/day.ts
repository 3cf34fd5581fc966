import type { MyDay, PersonFile } from '@jobcoach/contract';
import { api } from '../api.ts';
import { all, put, remove } from './vault.ts';

/**
 * What the device keeps of a person of the day, for a visit without a network: enough to find
 * them and write down the visit, nothing sensitive (no national number, no notes, no assessment).
 */
export interface VisitFile {
  id: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  /** The employer of the contract running today (else the latest), the one a visit is with. */
  employer: { id: string; name: string } | null;
  /** Follow-up towards that employer: discreet (the employer does not know) or open. */
  discreet: boolean | null;
  /** The dates of the last contacts, newest first. */
  lastContacts: string[];
  /** When a contact is due (« Ma journée »). */
  dueDate: string | null;
  /** The day it was kept on. */
  keptOn: string;
}

/** The persons of the day: contacts overdue or due today, and visits planned up to today. */
export function personsOfTheDay(day: MyDay): string[] {
  const ids = [
    ...day.overdue.map((p) => p.id),
    ...day.plannedThisWeek.filter((p) => p.plannedOn !== null && p.plannedOn <= day.today).map((p) => p.id),
  ];
  return [...new Set(ids)];
}

export function visitFile(person: PersonFile, today: string): VisitFile {
  const running = person.contracts.find(
    (c) => c.start <= today && (c.actualEnd ?? c.plannedEnd ?? today) >= today,
  );
  const contract = running ?? person.contracts[0];
  const lastContacts = person.timeline
    .filter((e) => e.type === 'contact' && e.status !== 'cancelled')
    .map((e) => e.date)
    .sort()
    .reverse()
    .slice(0, 5);
  return {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    phone: person.phone ?? null,
    employer: contract ? { id: contract.employerId, name: contract.employerName } : null,
    discreet: contract?.arrangement ? contract.arrangement.discreet : null,
    lastContacts,
    dueDate: person.cadence.dueDate,
    keptOn: today,
  };
}

/**
 * Keeps the files of the day's persons on the device (each read is the file's ordinary, audited
 * read) and forgets those of other days. Best effort: a file that cannot be read is left out.
 */
export async function keepDay(day: MyDay): Promise<number> {
  const ids = personsOfTheDay(day);
  let kept = 0;
  const files = await all<VisitFile>('files');
  for (const id of ids) {
    try {
      const person = await api.get<PersonFile>(`/api/persons/${id}`);
      if (await put('files', id, visitFile(person, day.today))) kept++;
    } catch {
      // Left out: it will be asked again next time « Ma journée » is opened.
    }
  }
  for (const [id, file] of files)
    if (!ids.includes(id) && file.keptOn !== day.today) await remove('files', id);
  return kept;
}

/** The files kept on the device, by name. */
export async function keptFiles(): Promise<VisitFile[]> {
  const files = [...(await all<VisitFile>('files')).values()];
  return files.sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`));
}
