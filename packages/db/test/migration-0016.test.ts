import { LEGACY_NAMED_LANGUAGE_SKILLS, LEGACY_REQUIREMENT_SKILLS } from '@jobcoach/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, listMigrations, migrate, openDatabase } from '../src/index.ts';

/**
 * Migration 0016 moves data written before it: free-text physical limits become the note beside
 * an empty list, languages listed by name get a level per skill, vacancies' single language level
 * becomes the skills it named. The SQL copies the domain's LEGACY_* tables; this test ties them.
 */
describe('migration 0016 on data written before it', () => {
  let handle: DatabaseHandle;
  const all = listMigrations();
  const before = all.filter((m) => m.version < '0016');
  const rest = all.filter((m) => m.version >= '0016');

  beforeAll(async () => {
    handle = await openDatabase({});
    await migrate(handle.db, before);
    await sql`
      WITH b AS (SELECT id FROM basin ORDER BY name LIMIT 1),
      o AS (INSERT INTO organisation (name, kind, basin_id) SELECT 'Org', 'other', id FROM b RETURNING id, basin_id),
      e AS (INSERT INTO employer (basin_id, name, sector) SELECT basin_id, 'Dubois', 'private' FROM o RETURNING id),
      p AS (INSERT INTO person (organisation_id, first_name, last_name, sex, referral_kind, referral_received_on,
              phase_since, languages, physical_limits)
            SELECT id, 'Ana', 'Lopez', 'woman', 'spontaneous', '2025-01-06', '2025-01-06',
              '["Français", "néerlandais", "Wallon", ""]', 'Ne peut pas porter plus de 10 kg'
            FROM o RETURNING id)
      INSERT INTO vacancy (organisation_id, employer_id, title, source, contract_type, published, objectified, opened_on)
      SELECT o.id, e.id, 'Magasinier', 'forem', 'cdi',
        '{"text": "", "diplomaLevel": null, "languages": [{"code": "de", "level": "speaks"}, {"code": "nl", "level": "fluent"}], "drivingLicence": false, "car": false, "experienceYears": null}',
        '{"text": "", "diplomaLevel": null, "languages": [{"code": "de", "level": "reads"}, {"code": "fr", "level": "basic"}], "drivingLicence": false, "car": false, "experienceYears": null, "taskDescription": "Lire les étiquettes"}',
        '2025-01-06'
      FROM o, e`.execute(handle.db);
    await migrate(handle.db, rest);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('keeps free-text limits as the note and maps languages to skills', async () => {
    const person = await handle.db
      .selectFrom('person')
      .select(['languages', 'physical_limits', 'physical_limits_note'])
      .executeTakeFirstOrThrow();
    expect(person.physical_limits).toEqual([]);
    expect(person.physical_limits_note).toBe('Ne peut pas porter plus de 10 kg');
    expect(person.languages).toEqual([
      { code: 'fr', ...LEGACY_NAMED_LANGUAGE_SKILLS },
      { code: 'nl', ...LEGACY_NAMED_LANGUAGE_SKILLS },
      { code: 'wallon', ...LEGACY_NAMED_LANGUAGE_SKILLS },
    ]);
    const vacancy = await handle.db
      .selectFrom('vacancy')
      .select(['published', 'objectified'])
      .executeTakeFirstOrThrow();
    expect(vacancy.published.languages).toEqual([
      { code: 'de', ...LEGACY_REQUIREMENT_SKILLS.speaks },
      { code: 'nl', ...LEGACY_REQUIREMENT_SKILLS.fluent },
    ]);
    expect(vacancy.objectified?.languages).toEqual([
      { code: 'de', ...LEGACY_REQUIREMENT_SKILLS.reads },
      { code: 'fr', ...LEGACY_REQUIREMENT_SKILLS.basic },
    ]);
  });
});
