import { testTargets } from '@jobcoach/db/testing';
import { CONTRACT_END_REASONS, CONTRACT_TYPES } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, seedDemo } from '../src/demo/seed.ts';
import { Client, startTestApp, type TestApp } from './helpers.ts';

describe.each(testTargets())('demo contracts on $driver', (target) => {
  let t: TestApp;

  async function demoLogin(email: string) {
    const client = new Client(t.app);
    await client.login(email, DEMO_PASSWORD);
    return client;
  }

  beforeAll(async () => {
    t = await startTestApp(target);
    await seedDemo(t.handle.db, t.clock.today());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has contracts of every type and every end reason in each organisation, and discreet follow-ups', async () => {
    const rows = await t.handle.db
      .selectFrom('contract as k')
      .innerJoin('organisation as o', 'o.id', 'k.organisation_id')
      .leftJoin('follow_up_arrangement as a', 'a.contract_id', 'k.id')
      .select(['o.name', 'k.type', 'k.end_reason', 'a.discreet'])
      .execute();
    for (const o of DEMO_ORGANISATIONS) {
      const mine = rows.filter((r) => r.name === o.name);
      expect(new Set(mine.map((r) => r.type)), o.name).toEqual(new Set(CONTRACT_TYPES));
      expect(new Set(mine.map((r) => r.end_reason).filter(Boolean)), o.name).toEqual(
        new Set(CONTRACT_END_REASONS),
      );
      expect(
        mine.some((r) => r.discreet === true),
        o.name,
      ).toBe(true);
    }
    // The jobs entered by hand before contracts existed became contracts.
    expect(await t.handle.db.selectFrom('employment_period').selectAll().execute()).toEqual([]);
  });

  it('keeps every person in follow-up under a running employment contract, and shows the alerts', async () => {
    const inFollowUp = await t.handle.db
      .selectFrom('person as p')
      .select(['p.id'])
      .select((eb) =>
        eb
          .selectFrom('contract as k')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('k.person_id', '=', 'p.id')
          .where('k.actual_end_on', 'is', null)
          .where('k.type', '<>', 'immersion')
          .as('running'),
      )
      .where('p.phase', '=', 'follow_up')
      .execute();
    expect(inFollowUp.length).toBeGreaterThan(0);
    for (const p of inFollowUp) expect(Number(p.running), p.id).toBeGreaterThan(0);
    let ending = 0;
    let due = 0;
    for (const o of DEMO_ORGANISATIONS) {
      for (const person of o.people.filter((x) => x.role === 'jobcoach')) {
        const day = (await (await demoLogin(person.email)).get('/api/my-day')).json;
        ending += day.contractsEndingSoon.length;
        due += day.followUpsDue.length;
      }
    }
    expect(ending).toBeGreaterThanOrEqual(DEMO_ORGANISATIONS.length);
    expect(due).toBeGreaterThan(0);
  });

  it('serves the end letter of a consolidated insertion', async () => {
    const letter = await t.handle.db
      .selectFrom('person_document as d')
      .innerJoin('organisation as o', 'o.id', 'd.organisation_id')
      .select(['d.person_id', 'o.name'])
      .where('d.kind', '=', 'end_letter')
      .executeTakeFirstOrThrow();
    const organisation = DEMO_ORGANISATIONS.find((o) => o.name === letter.name)!;
    const coordinator = await demoLogin(organisation.people.find((p) => p.role === 'coordinator')!.email);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${letter.person_id}/end-letter.pdf`,
      headers: { cookie: coordinator.cookie! },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
