import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, listMigrations, migrate, openDatabase } from '../src/index.ts';

/**
 * The migration to one contact record (0014) moves the employers' contacts into `contact` and the
 * persons into `contact_person` without loss: on a database seeded before it, the direct employer
 * contacts per organisation and month (rows and distinct employers, what « Employeurs contactés »
 * counts) and each person's contacts are the same after it.
 */
describe('the move to one contact record', () => {
  let handle: DatabaseHandle;
  const all = listMigrations();
  const before = all.filter((m) => m.version < '0014');

  beforeAll(async () => {
    handle = await openDatabase({});
    await migrate(handle.db, before);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const perOrganisationAndMonth = (table: 'employer_contact' | 'contact') =>
    sql<{ organisation_id: string; month: string; contacts: number; employers: number }>`
      SELECT organisation_id, to_char(date, 'YYYY-MM') AS month, count(*)::int AS contacts,
        count(DISTINCT employer_id)::int AS employers
      FROM ${sql.table(table)}
      WHERE direct AND employer_id IS NOT NULL
      GROUP BY 1, 2 ORDER BY 1, 2`.execute(handle.db);

  it('keeps the direct employer contacts per organisation and period, and every person’s contacts', async () => {
    const db = handle.db;
    await sql`
      INSERT INTO basin (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'Bassin de test');
      INSERT INTO organisation (id, name, kind, basin_id) VALUES
        ('00000000-0000-4000-8000-0000000000a1', 'CPAS A', 'cpas', '00000000-0000-4000-8000-000000000001'),
        ('00000000-0000-4000-8000-0000000000b1', 'EFT B', 'eft', '00000000-0000-4000-8000-000000000001');
      INSERT INTO employer (id, basin_id, name, sector)
        SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
          '00000000-0000-4000-8000-000000000001', 'Employeur ' || i, 'private'
        FROM generate_series(100, 139) AS i;
      INSERT INTO person (id, organisation_id, first_name, last_name, sex, referral_kind,
          referral_received_on, phase_since)
        SELECT ('00000000-0000-4000-9000-' || lpad(i::text, 12, '0'))::uuid,
          CASE WHEN i % 2 = 0 THEN '00000000-0000-4000-8000-0000000000a1'::uuid
            ELSE '00000000-0000-4000-8000-0000000000b1'::uuid END,
          'Prénom', 'Nom ' || i, 'woman', 'spontaneous', '2024-01-01', '2024-01-01'
        FROM generate_series(1, 20) AS i;
      -- Every channel of the employers' vocabulary, over three months, some about a person.
      INSERT INTO employer_contact (organisation_id, employer_id, date, channel, purpose, person_id)
        SELECT CASE WHEN i % 3 = 0 THEN '00000000-0000-4000-8000-0000000000b1'::uuid
            ELSE '00000000-0000-4000-8000-0000000000a1'::uuid END,
          ('00000000-0000-4000-8000-' || lpad((100 + i % 40)::text, 12, '0'))::uuid,
          '2024-01-01'::date + (i % 90),
          (ARRAY['visit', 'phone', 'letter_email', 'meeting', 'event'])[1 + i % 5],
          (ARRAY['canvassing', 'vacancy', 'follow_up', 'other'])[1 + i % 4],
          CASE WHEN i % 7 = 0 AND i % 3 <> 0 THEN
            ('00000000-0000-4000-9000-' || lpad((2 * (1 + i % 10))::text, 12, '0'))::uuid END
        FROM generate_series(1, 400) AS i;
      -- Contacts on persons' files: with the person, an employer, a partner.
      INSERT INTO contact (organisation_id, person_id, date, with_whom, channel)
        SELECT p.organisation_id, p.id, '2024-01-01'::date + (i % 90),
          (ARRAY['person', 'employer', 'partner'])[1 + i % 3],
          (ARRAY['office_meeting', 'workplace_visit', 'phone', 'video', 'letter_email', 'group_session'])[1 + i % 6]
        FROM generate_series(1, 200) AS i
        JOIN person p ON p.id = ('00000000-0000-4000-9000-' || lpad((1 + i % 20)::text, 12, '0'))::uuid;
    `.execute(db);
    const employerContacts = (await perOrganisationAndMonth('employer_contact')).rows;
    expect(employerContacts.length).toBeGreaterThan(3);
    const personContacts = await sql<{ person_id: string; n: number; direct: number }>`
      SELECT person_id, count(*)::int AS n,
        count(*) FILTER (WHERE with_whom = 'person' AND channel IN ('office_meeting', 'workplace_visit', 'phone', 'video'))::int AS direct
      FROM contact GROUP BY 1 ORDER BY 1`.execute(db);
    const aboutPersons = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM employer_contact WHERE person_id IS NOT NULL`.execute(db);
    const summaries =
      await sql`SELECT id, last_direct_contact, next_planned_on FROM person ORDER BY id`.execute(db);

    await migrate(db, all);

    expect((await perOrganisationAndMonth('contact')).rows).toEqual(employerContacts);
    const after = await sql<{ person_id: string; n: number; direct: number }>`
      SELECT cp.person_id, count(*) FILTER (WHERE c.employer_id IS NULL)::int AS n,
        count(*) FILTER (WHERE c.employer_id IS NULL AND cp.present AND c.direct)::int AS direct
      FROM contact_person cp JOIN contact c ON c.id = cp.contact_id GROUP BY 1 ORDER BY 1`.execute(db);
    expect(after.rows).toEqual(personContacts.rows);
    const linked = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM contact_person cp JOIN contact c ON c.id = cp.contact_id
      WHERE c.employer_id IS NOT NULL`.execute(db);
    expect(linked.rows[0]!.n).toBe(aboutPersons.rows[0]!.n);
    expect(
      (await sql`SELECT id, last_direct_contact, next_planned_on FROM person ORDER BY id`.execute(db)).rows,
    ).toEqual(summaries.rows);
  });
});
