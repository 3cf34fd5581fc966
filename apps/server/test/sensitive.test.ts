import { sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SENSITIVE_FIELDS } from '../src/privacy/sensitive.ts';
import { buildWorld, type Client, must, type World } from './caseload-scope-fixture.ts';
import { loginAs, startTestApp, type TestApp } from './helpers.ts';

describe.each(testTargets())('sensitive fields on $driver', (target) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp(target);
    w = await buildWorld(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    t.clock.shiftDays(0);
  });

  /** Fills a route's path with the world's ids (Karim's person for a person-level route). */
  const fill = (url: string) =>
    url
      .replace('/api/persons/:id', `/api/persons/${w.karimPerson.id}`)
      .replace('/api/contracts/:id', `/api/contracts/${w.contractId}`)
      .replace('/api/presentations/:id', `/api/presentations/${w.presentationId}`)
      .replace('/api/vacancies/:id', `/api/vacancies/${w.vacancyId}`)
      .replace('/api/employers/:id', `/api/employers/${w.employerId}`)
      .replace('/api/partners/:id', `/api/partners/${w.partnerId}`)
      .replace(/:orgId|\/api\/organisations\/:id/, (m) =>
        m === ':orgId' ? w.orgA : `/api/organisations/${w.orgA}`,
      )
      .replace(/:userId/g, w.users.karimId)
      .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');

  it('marks in the schema exactly the columns the registry lists', async () => {
    const rows = await sql<{ table: string; column: string; comment: string }>`
      SELECT c.relname AS table, a.attname AS column, d.description AS comment
      FROM pg_description d
      JOIN pg_class c ON c.oid = d.objoid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
      WHERE d.objsubid > 0 AND d.description LIKE 'sensitive:%'`.execute(t.handle.db);
    const marked = rows.rows.map((r) => `${r.table}.${r.column} ${r.comment.split(' (')[0]}`).sort();
    const listed = SENSITIVE_FIELDS.map((f) => `${f.table}.${f.column} sensitive: ${f.category}`).sort();
    expect(marked).toEqual(listed);
    // A conditional entry names a flag column that exists.
    for (const f of SENSITIVE_FIELDS.filter((x) => x.when)) {
      const flag = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM information_schema.columns
        WHERE table_name = ${f.table} AND column_name = ${f.when}`.execute(t.handle.db);
      expect(flag.rows[0]!.n, `${f.table}.${f.when}`).toBe(1);
    }
  });

  it('ACCEPTANCE: a jobcoach without the right receives no sensitive field in any response', async () => {
    const karim = w.clients.karim;
    const file = await must(karim.get(`/api/persons/${w.karimPerson.id}`), 200);
    for (const key of [
      'physicalLimits',
      'physicalLimitsNote',
      'origin',
      'residenceStatus',
      'debtSettlementPlan',
      'notes',
    ]) {
      expect(file, key).not.toHaveProperty(key);
      expect(file.restricted).toContain(key);
    }
    expect(file.priorityGroups.map((g: { code: string }) => g.code)).not.toContain('debt_settlement_plan');
    // Every GET of the route table, with the world's ids: no marker anywhere in any answer.
    for (const r of t.app.routeTable.filter((x) => x.method === 'GET' && x.access !== 'public')) {
      const res = await karim.get(fill(r.url));
      const text = JSON.stringify(res.json ?? '');
      for (const marker of w.sensitiveMarkers) {
        expect(text, `${r.url} answered ${res.status} with ${marker}`).not.toContain(marker);
      }
    }
    // Answers to changes carry the file too: filtered the same way.
    const contact = await must(
      karim.post(`/api/persons/${w.karimPerson.id}/contacts`, {
        date: w.today,
        channel: 'phone',
      }),
      201,
    );
    expect(JSON.stringify(contact)).not.toMatch(/SANTE-MARQUEUR|NOTE-CONFIDENTIELLE|asylum_seeker/);
    // The coordinator reads them all.
    const full = await must(w.clients.admin.get(`/api/persons/${w.karimPerson.id}`), 200);
    expect(full).toMatchObject({
      physicalLimits: ['heavy_loads'],
      physicalLimitsNote: expect.stringContaining('SANTE-MARQUEUR-4471'),
      origin: 'foreign_or_foreign_origin',
      residenceStatus: 'asylum_seeker',
      debtSettlementPlan: true,
      notes: 'NOTE-CONFIDENTIELLE-9902',
      notesConfidential: true,
      restricted: [],
    });
  });

  it('never lets a restricted save erase what it cannot see', async () => {
    const karim = w.clients.karim;
    const before = await must(w.clients.admin.get(`/api/persons/${w.karimPerson.id}`), 200);
    const refused = await karim.patch(`/api/persons/${w.karimPerson.id}`, {
      physicalLimits: [],
      version: before.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'forbidden', field: 'physicalLimits' });
    const notes = await karim.patch(`/api/persons/${w.karimPerson.id}`, {
      notes: '',
      version: before.version,
    });
    expect(notes.json.error).toMatchObject({ field: 'notes' });
    // A save of the visible fields goes through and leaves the hidden ones as they were.
    const saved = await must(
      karim.patch(`/api/persons/${w.karimPerson.id}`, { phone: '0471 12 34 56', version: before.version }),
      200,
    );
    expect(saved.phone).toBe('0471 12 34 56');
    const after = await must(w.clients.admin.get(`/api/persons/${w.karimPerson.id}`), 200);
    expect(after).toMatchObject({
      physicalLimits: before.physicalLimits,
      physicalLimitsNote: before.physicalLimitsNote,
      origin: before.origin,
      residenceStatus: before.residenceStatus,
      debtSettlementPlan: before.debtSettlementPlan,
      notes: before.notes,
    });
  });

  it('keeps a confidential contact note for its author and the members with the right', async () => {
    const noteOf = async (client: Client) => {
      const file = await must(client.get(`/api/persons/${w.sophiePerson.id}`), 200);
      return JSON.stringify(file.timeline);
    };
    expect(await noteOf(w.clients.sophie)).toContain('CONTACT-CONFIDENTIEL-3318');
    expect(await noteOf(w.clients.admin)).toContain('CONTACT-CONFIDENTIEL-3318');
    // Karim reaches the file while covering Sophie, but not her confidential note.
    t.clock.shiftDays(12);
    const covering = await loginAs(t, 'karim@fleurus.example');
    const seen = await noteOf(covering);
    expect(seen).not.toContain('CONTACT-CONFIDENTIEL-3318');
    expect(seen).toContain('Note confidentielle (accès restreint)');
    t.clock.shiftDays(0);
  });

  it('grants the right per membership, from the team page, and audits the change', async () => {
    const members = await must(w.clients.admin.get(`/api/organisations/${w.orgA}/users`), 200);
    const karim = members.find((m: { userId: string }) => m.userId === w.users.karimId);
    expect(karim.sensitiveAccess).toBe(false);
    // A jobcoach cannot grant it to themselves.
    const self = await w.clients.karim.patch(`/api/organisations/${w.orgA}/users/${w.users.karimId}`, {
      sensitiveAccess: true,
      version: karim.version,
    });
    expect(self.status).toBe(403);
    const granted = await must(
      w.clients.admin.patch(`/api/organisations/${w.orgA}/users/${w.users.karimId}`, {
        sensitiveAccess: true,
        version: karim.version,
      }),
      200,
    );
    expect(granted.sensitiveAccess).toBe(true);
    const file = await must(w.clients.karim.get(`/api/persons/${w.karimPerson.id}`), 200);
    expect(file.physicalLimitsNote).toContain('SANTE-MARQUEUR-4471');
    expect(file.restricted).toEqual([]);
    const matches = await must(w.clients.karim.get(`/api/vacancies/${w.vacancyId}/matches`), 200);
    expect(JSON.stringify(matches)).toContain('SANTE-MARQUEUR-4471');
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity', '=', 'membership')
      .where('entity_id', '=', w.users.karimId)
      .execute();
    expect(audit.some((a) => (a.details as { sensitiveAccess?: boolean })?.sensitiveAccess === true)).toBe(
      true,
    );
    // Withdrawn again: the fields are withheld at once.
    await must(
      w.clients.admin.patch(`/api/organisations/${w.orgA}/users/${w.users.karimId}`, {
        sensitiveAccess: false,
        version: granted.version,
      }),
      200,
    );
    expect(await must(w.clients.karim.get(`/api/persons/${w.karimPerson.id}`), 200)).not.toHaveProperty(
      'physicalLimits',
    );
  });
});
