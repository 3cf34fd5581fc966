import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from './caseload-scope-fixture.ts';
import { startTestApp, type TestApp } from './helpers.ts';

describe.each(testTargets())('« Vos personnes chez cet employeur » on $driver', (target) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp(target);
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = () => `/api/employers/${w.employerId}/persons`;

  it('lists the organisation’s persons with a contract running there, within the caller’s scope', async () => {
    const own = await w.clients.sophie.get(url());
    expect(own.status).toBe(200);
    expect(own.json).toEqual([
      expect.objectContaining({
        personId: w.sophiePerson.id,
        contract: expect.objectContaining({ id: w.contractId, type: 'cdd', jobTitle: 'Magasinière' }),
        followUpMode: null,
        discreet: false,
        coachName: expect.any(String),
      }),
    ]);
    // The coordinator reaches every person of the organisation.
    expect((await w.clients.admin.get(url())).json.map((p: { personId: string }) => p.personId)).toEqual([
      w.sophiePerson.id,
    ]);
    // Karim neither coaches Sophie's person nor covers her today; B has no person there.
    expect((await w.clients.karim.get(url())).json).toEqual([]);
    const b = await w.clients.bernard.get(url());
    expect(b.status).toBe(200);
    expect(b.json).toEqual([]);
    // An evaluator reads no employer; an unknown employer is 404.
    expect((await w.clients.eva.get(url())).status).toBe(403);
    expect(
      (await w.clients.sophie.get('/api/employers/00000000-0000-4000-8000-000000000000/persons')).status,
    ).toBe(404);
  });

  it('shows a discreet follow-up to the organisation’s own coach, flagged, with the arrangement’s reference', async () => {
    const saved = await w.clients.sophie.put(`/api/contracts/${w.contractId}/follow-up`, {
      mode: 'phone',
      discreet: true,
      reference: { name: 'Paul Tuteur', role: 'Chef d’équipe', phone: '087 11 22 33' },
      version: 0,
    });
    expect(saved.status).toBe(200);
    const [row] = (await w.clients.sophie.get(url())).json;
    expect(row).toMatchObject({
      personId: w.sophiePerson.id,
      followUpMode: 'phone',
      discreet: true,
      reference: { name: 'Paul Tuteur', role: 'Chef d’équipe', phone: '087 11 22 33' },
    });
    expect(row.nextContactOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The employer file itself (the part shared with the basin) still names no person of A for B.
    expect(
      JSON.stringify((await w.clients.bernard.get(`/api/employers/${w.employerId}`)).json),
    ).not.toContain(w.sophiePerson.id);
  });
});
