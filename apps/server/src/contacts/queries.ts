import type { EmployerFile } from '@jobcoach/contract';
import { type Database, type Insertable, sql } from '@jobcoach/db';
import type { Context } from '../application/context.ts';
import type { Db } from '../application/database.ts';
import { personInScope, personScope } from '../application/person-scope.ts';
import { notAboutDiscreetPerson } from '../contracts/discreet.ts';

/** Where a contact stands: as recorded, corrected, or cancelled (it counts no more). */
export function contactStatus(c: {
  cancelled_at: Date | null;
  corrected_at: Date | null;
}): 'recorded' | 'corrected' | 'cancelled' {
  return c.cancelled_at ? 'cancelled' : c.corrected_at ? 'corrected' : 'recorded';
}

/**
 * The contacts about a person (contact_person), newest first: with whether the person took part,
 * the employer when one took part, the author, and the correction or cancellation.
 */
export function contactsOfPerson(db: Db, personId: string) {
  return db
    .selectFrom('contact_person as cp')
    .innerJoin('contact as c', 'c.id', 'cp.contact_id')
    .leftJoin('employer as e', 'e.id', 'c.employer_id')
    .leftJoin('app_user as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      'c.date',
      'c.created_at',
      'c.channel',
      'c.direct',
      'c.purpose',
      'c.counterpart',
      'c.duration_minutes',
      'c.notes',
      'c.confidential',
      'c.author_id',
      'c.next_planned_on',
      'c.employer_id',
      'c.discreet_confirmed',
      'c.corrected_at',
      'c.correction_reason',
      'c.cancelled_at',
      'c.cancellation_reason',
      'c.version',
      'cp.present',
      'e.name as employer_name',
      'u.name as author_name',
    ])
    .where('cp.person_id', '=', personId)
    .orderBy('c.date', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
}
export type PersonContactRow = Awaited<ReturnType<typeof contactsOfPerson>>[number];

/**
 * The organisation's contacts with an employer, newest first, as its page shows them: never one
 * about a person followed discreetly towards that employer; the person named only when the caller
 * reaches that person (a jobcoach: own caseload and covered colleagues).
 */
export async function employerContacts(ctx: Context, employerId: string): Promise<EmployerFile['contacts']> {
  const ps = await personScope(ctx, 'persons.read').catch(() => null);
  const rows = await ctx.db
    .selectFrom('contact as c')
    .leftJoin('app_user as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      'c.date',
      'c.channel',
      'c.purpose',
      'c.direct',
      'c.notes',
      'c.confidential',
      'c.author_id',
      'c.overlap_confirmed',
      'c.corrected_at',
      'c.correction_reason',
      'c.cancelled_at',
      'c.cancellation_reason',
      'c.version',
      'u.name as author_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('contact_person as cp')
        .innerJoin('person as p', 'p.id', 'cp.person_id')
        .select(sql<string>`p.id || '|' || p.first_name || ' ' || p.last_name`.as('who'))
        .whereRef('cp.contact_id', '=', 'c.id')
        .where(ps ? personInScope(ps, 'p') : sql<boolean>`false`)
        .orderBy('p.last_name')
        .limit(1)
        .as('person'),
    )
    .where('c.employer_id', '=', employerId)
    // Discreet follow-up: the employer's page never shows a person followed discreetly there.
    .where(notAboutDiscreetPerson('c'))
    .orderBy('c.date', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  return rows.map((c) => {
    const [personId, personName] = c.person
      ? [c.person.split('|')[0]!, c.person.slice(c.person.indexOf('|') + 1)]
      : [null, null];
    const status = contactStatus(c);
    return {
      id: c.id,
      date: c.date,
      channel: c.channel,
      purpose: c.purpose,
      direct: c.direct,
      authorId: c.author_id,
      authorName: c.author_name,
      personId,
      personName,
      // A confidential note stays with its author and the members with the right.
      notes: c.confidential && c.author_id !== ctx.actor.userId && !ps?.sensitive ? null : c.notes,
      overlapConfirmed: c.overlap_confirmed,
      status,
      statusReason:
        status === 'cancelled' ? c.cancellation_reason : status === 'corrected' ? c.correction_reason : null,
      version: c.version,
    };
  });
}

/** A contact row with its persons, for the code that writes many at once (the demo data). */
export type ContactRowWithPersons = Omit<Insertable<Database['contact']>, 'id'> & {
  persons: { personId: string; present: boolean }[];
};

/**
 * Inserts contacts with their persons (contact_person) in the caller's transaction, as the one
 * contact record stores them; the persons' contact summaries follow by trigger.
 */
export async function insertContacts(db: Db, rows: readonly ContactRowWithPersons[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('contact')
    .values(rows.map(({ persons: _persons, ...row }) => row))
    .returning('id')
    .execute();
  const persons = inserted.flatMap((c, i) =>
    rows[i]!.persons.map((p) => ({
      contact_id: c.id,
      organisation_id: rows[i]!.organisation_id,
      person_id: p.personId,
      present: p.present,
    })),
  );
  if (persons.length > 0) await db.insertInto('contact_person').values(persons).execute();
  return inserted.map((c) => c.id);
}
