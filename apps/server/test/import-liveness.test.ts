import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, ManualClock, startTestApp, type TestApp } from './helpers.ts';
import { installWithCoordinator, upload } from './history-import-helpers.ts';

/** A history of `n` persons: enough rows for the import to run a while. */
function persons(n: number) {
  const lines = ['external_id;first_name;last_name;birth_date;sex;studies;referral_date'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `L${i};Prénom${i};Nom${i};1980-01-01;${i % 2 ? 'Femme' : 'man'};CESI;${addDays('2019-01-07', i % 900)}`,
    );
  }
  return { 'persons.csv': `${lines.join('\n')}\n` };
}

/**
 * Whether an import job still runs is asked of its runner, not guessed from the age of its last
 * update: a job whose process died reads as interrupted at once, a long one that runs never does.
 */
describe.each(testTargets())('import jobs, alive or interrupted ($driver)', (target) => {
  let t: TestApp;
  const clock = new ManualClock();
  let coordinator: Client;
  let organisationId: string;

  beforeAll(async () => {
    t = await startTestApp(target, { clock });
    ({ organisationId, coordinator } = await installWithCoordinator(t));
  });
  afterAll(() => t.close());

  /** A job row as a process killed during the import leaves it: running, updated a moment ago. */
  async function orphan(kind: 'history' | 'vacancies') {
    const row = await t.handle.db
      .insertInto('import_job')
      .values({
        organisation_id: organisationId,
        kind,
        status: 'running',
        total: 500,
        processed: 120,
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('reads a history import whose process died as interrupted at once, not ten minutes later', async () => {
    const id = await orphan('history');
    clock.advance(5);
    const job = await coordinator.get(`/api/history-imports/${id}`);
    expect(job.status).toBe(200);
    expect(job.json.status).toBe('failed');
    expect(job.json.errors[0].message).toMatch(/interrompu/);
  });

  it('reads a vacancy import whose process died as interrupted at once', async () => {
    const id = await orphan('vacancies');
    clock.advance(5);
    const job = await coordinator.get(`/api/vacancies/import/${id}`);
    expect(job.status).toBe(200);
    expect(job.json.status).toBe('failed');
    expect(job.json.errors[0].message).toMatch(/interrompu/);
  });

  it('never reads a long import that is still running as failed, however old its last update', async () => {
    const res = await coordinator.post('/api/history-imports', { files: upload(persons(4000)) });
    expect(res.status).toBe(202);
    const jobId = res.json.jobId as string;
    // Eleven minutes "pass" at once: the job's last update is now older than any fixed delay.
    clock.advance(11 * 60);
    const seen: string[] = [];
    const end = Date.now() + 120_000;
    for (;;) {
      const job = await coordinator.get(`/api/history-imports/${jobId}`);
      expect(job.status).toBe(200);
      seen.push(job.json.status);
      if (job.json.status !== 'running') break;
      if (Date.now() > end) throw new Error('import still running');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen).toContain('running');
    expect(seen.at(-1)).toBe('done');
    expect(seen.filter((s) => s === 'failed')).toEqual([]);
  });
});
