import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addUser, type Client, loginAs, setupInstallation, type TestApp } from './helpers.ts';

/** A fresh installation whose organisation has a coordinator (coord@example.org), logged in. */
export async function installWithCoordinator(t: TestApp) {
  const { organisationId } = await setupInstallation(t);
  await addUser(t, organisationId, 'coord@example.org', 'coordinator');
  return { organisationId, coordinator: await loginAs(t, 'coord@example.org') };
}

/** The sample set shipped with the documentation (docs/import-sample). */
export const SAMPLE_DIR = join(import.meta.dirname, '../../../docs/import-sample');

export function sampleFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(SAMPLE_DIR)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => [f, readFileSync(join(SAMPLE_DIR, f), 'utf8')]),
  );
}

/** Files as the upload page sends them: name and base64 content. */
export function upload(files: Record<string, string | Uint8Array>) {
  return Object.entries(files).map(([name, content]) => ({
    name,
    contentBase64: Buffer.from(content).toString('base64'),
  }));
}

/** Starts a history import and waits for its end; returns the final job. */
export async function importHistory(
  client: Client,
  files: Record<string, string | Uint8Array>,
  options: { dryRun?: boolean; validOnly?: boolean } = {},
) {
  const res = await client.post('/api/history-imports', { files: upload(files), ...options });
  if (res.status !== 202)
    throw new Error(`history import refused: ${res.status} ${JSON.stringify(res.json)}`);
  const jobId = res.json.jobId as string;
  const seen: { status: string; processed: number; total: number }[] = [];
  const end = Date.now() + 120_000;
  for (;;) {
    const job = await client.get(`/api/history-imports/${jobId}`);
    if (job.status !== 200) throw new Error(`status failed: ${job.status} ${JSON.stringify(job.json)}`);
    seen.push({ status: job.json.status, processed: job.json.processed, total: job.json.total });
    if (job.json.status !== 'running') return { job: job.json, jobId, seen };
    if (Date.now() > end) throw new Error('history import still running');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
