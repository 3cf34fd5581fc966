import { sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, personBody, setupInstallation, startTestApp, type TestApp } from './helpers.ts';

/**
 * The contact summary kept on the person row by a trigger on contact (migration 0011): the last
 * direct contact and the next meeting planned at the latest contact, whatever writes the contacts.
 */
describe.each(testTargets())('contact summary on the person row on $driver', (target) => {
  let t: TestApp;
  let organisationId: string;
  let personId: string;
  let otherId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    const setup = await setupInstallation(t);
    organisationId = setup.organisationId;
    personId = (await createPerson(setup.admin, personBody('2025-01-06'))).id;
    otherId = (await createPerson(setup.admin, personBody('2025-01-06', { firstName: 'Omar' }))).id;
  });
  afterAll(async () => t?.close());

  const summary = async (id: string) => {
    const row = await t.handle.db
      .selectFrom('person')
      .select(['last_direct_contact', 'next_planned_on'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { last: row.last_direct_contact, next: row.next_planned_on };
  };
  const add = async (
    person: string,
    date: string,
    channel: string,
    next: string | null,
    present = true,
    createdAt = `${date}T10:00:00Z`,
  ) => {
    const row = await sql<{ id: string }>`INSERT INTO contact (organisation_id, date, channel,
        next_planned_on, created_at)
      VALUES (${organisationId}, ${date}, ${channel}, ${next}, ${createdAt})
      RETURNING id`.execute(t.handle.db);
    const id = row.rows[0]!.id;
    await sql`INSERT INTO contact_person (contact_id, organisation_id, person_id, present)
      VALUES (${id}, ${organisationId}, ${person}, ${present})`.execute(t.handle.db);
    return id;
  };

  it('follows inserts, updates, moves and deletions of contacts', async () => {
    expect(await summary(personId)).toEqual({ last: null, next: null });
    const meeting = await add(personId, '2025-03-03', 'office_meeting', '2025-03-10');
    expect(await summary(personId)).toEqual({ last: '2025-03-03', next: '2025-03-10' });

    // A letter is not a direct contact, but it is the latest contact: its planned date counts.
    const letter = await add(personId, '2025-03-05', 'letter_email', null);
    expect(await summary(personId)).toEqual({ last: '2025-03-03', next: null });
    // A contact about the person in which the person did not take part is not a direct contact either.
    await add(personId, '2025-03-01', 'phone', null, false);
    expect(await summary(personId)).toEqual({ last: '2025-03-03', next: null });

    await sql`UPDATE contact SET channel = 'phone', next_planned_on = '2025-03-20' WHERE id = ${letter}`.execute(
      t.handle.db,
    );
    expect(await summary(personId)).toEqual({ last: '2025-03-05', next: '2025-03-20' });

    await sql`UPDATE contact SET date = '2025-02-01' WHERE id = ${letter}`.execute(t.handle.db);
    expect(await summary(personId)).toEqual({ last: '2025-03-03', next: '2025-03-10' });

    // Moved to another person: both are brought up to date (the latest contact left is the
    // partner's call of 1 March, which planned nothing).
    await sql`UPDATE contact_person SET person_id = ${otherId} WHERE contact_id = ${meeting}`.execute(
      t.handle.db,
    );
    expect(await summary(personId)).toEqual({ last: '2025-02-01', next: null });
    expect(await summary(otherId)).toEqual({ last: '2025-03-03', next: '2025-03-10' });

    // A contact entered by mistake and cancelled counts no more; the one before it is the latest.
    await sql`UPDATE contact SET cancelled_at = now(), cancellation_reason = 'Saisi par erreur'
      WHERE id = ${letter}`.execute(t.handle.db);
    expect(await summary(personId)).toEqual({ last: null, next: null });
    await sql`UPDATE contact SET cancelled_at = NULL, cancellation_reason = NULL WHERE id = ${letter}`.execute(
      t.handle.db,
    );
    expect(await summary(personId)).toEqual({ last: '2025-02-01', next: null });

    await sql`DELETE FROM contact WHERE id IN
      (SELECT contact_id FROM contact_person WHERE person_id = ${personId})`.execute(t.handle.db);
    expect(await summary(personId)).toEqual({ last: null, next: null });
  });

  it('breaks a tie between contacts of the same day by the latest written', async () => {
    await add(otherId, '2025-04-01', 'video', '2025-04-08', true, '2025-04-01T09:00:00Z');
    await add(otherId, '2025-04-01', 'phone', '2025-04-15', true, '2025-04-01T11:00:00Z');
    expect(await summary(otherId)).toEqual({ last: '2025-04-01', next: '2025-04-15' });
  });

  it('is filled in one pass by person_contact_summary_fill', async () => {
    await sql`ALTER TABLE contact_person DISABLE TRIGGER contact_person_summary`.execute(t.handle.db);
    try {
      await add(otherId, '2025-05-02', 'visit', '2025-05-16');
    } finally {
      await sql`ALTER TABLE contact_person ENABLE TRIGGER contact_person_summary`.execute(t.handle.db);
    }
    expect(await summary(otherId)).toEqual({ last: '2025-04-01', next: '2025-04-15' });
    await sql`SELECT person_contact_summary_fill()`.execute(t.handle.db);
    expect(await summary(otherId)).toEqual({ last: '2025-05-02', next: '2025-05-16' });
    expect(await summary(personId)).toEqual({ last: null, next: null });
  });
});
