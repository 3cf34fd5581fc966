import { testTargets } from '@jobcoach/db/testing';
import { HIRING_AID_LABELS, HIRING_AIDS } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupInstallation, startTestApp, type TestApp } from './helpers.ts';

/**
 * Hiring aids are chosen from one list wherever they are entered: the contract and the dated rules
 * of the administration take the same codes (HIRING_AIDS), each with its French label; a code
 * outside the list is refused with the field named.
 */
describe.each(testTargets())('hiring aids from one list on $driver', (target) => {
  let t: TestApp;
  let admin: Client;

  const rule = (code: string) => ({
    code,
    name: 'Mise à l’emploi article 60 §7',
    authority: 'cpas',
    conditions: { incomes: ['integration_income'] },
    amount: 'selon la convention du CPAS',
    monthlyAmount: null,
    durationMonths: null,
    validFrom: '2030-01-01',
    validTo: null,
    source: 'Loi organique des CPAS du 8 juillet 1976, article 60 §7',
  });

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin } = await setupInstallation(t));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('labels every aid of the list, the CPAS article 60 included', () => {
    expect(HIRING_AIDS).toContain('art60');
    for (const code of HIRING_AIDS) expect(HIRING_AID_LABELS[code].length, code).toBeGreaterThan(0);
  });

  it('refuses a rule whose aid is not in the list, naming the field; accepts one that is', async () => {
    const bad = await admin.post('/api/hiring-aids/rules', rule('pirate'));
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('code');
    const good = await admin.post('/api/hiring-aids/rules', rule('art60'));
    expect(good.status).toBe(201);
    expect(good.json.code).toBe('art60');
  });

  it('ships rules whose codes are all in the list', async () => {
    const rules = (await admin.get('/api/hiring-aids/rules')).json as { code: string }[];
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(HIRING_AIDS as readonly string[], r.code).toContain(r.code);
  });
});
