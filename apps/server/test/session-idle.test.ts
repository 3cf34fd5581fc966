import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, ManualClock, setupInstallation, startTestApp, type TestApp } from './helpers.ts';

describe.each(testTargets())('session idle window ($driver)', (target) => {
  let t: TestApp;
  const clock = new ManualClock();
  let organisationId: string;

  beforeAll(async () => {
    t = await startTestApp(target, { clock, config: { sessionIdleMinutes: 1 } });
    ({ organisationId } = await setupInstallation(t));
    await addUser(t, organisationId, 'coach@example.org', 'jobcoach');
  });
  afterAll(() => t.close());

  it('keeps an active user logged in with a one-minute idle window', async () => {
    const coach = new Client(t.app);
    await coach.login('coach@example.org');
    // A request every 20 seconds for three minutes: never a minute without activity.
    for (let i = 1; i <= 9; i++) {
      clock.advance(20);
      const res = await coach.get('/api/auth/me');
      expect(res.status, `after ${i * 20} s`).toBe(200);
    }
  });

  it('still ends a session left idle for longer than the window', async () => {
    const coach = new Client(t.app);
    await coach.login('coach@example.org');
    clock.advance(30);
    expect((await coach.get('/api/auth/me')).status).toBe(200);
    clock.advance(61);
    expect((await coach.get('/api/auth/me')).status).toBe(401);
  });
});
