import { describe, expect, it } from 'vitest';
import { ImportRunners } from '../src/imports/runners.ts';

describe('an import job read as running while it ends', () => {
  // The embedded database's runners need no database to tell whether they run a job.
  const runners = () => new ImportRunners({ db: undefined as never, driver: 'pglite' });

  it('reads as interrupted only if its row, read again once no runner has it, still says running', async () => {
    const r = runners();
    // Finished between the first read and the question: its row says so now.
    expect(await r.interrupted('finished', async () => 'done')).toBe(false);
    expect(await r.interrupted('failed', async () => 'failed')).toBe(false);
    expect(await r.interrupted('gone', async () => undefined)).toBe(false);
    // Nobody runs it and its row still says running: it ended with its process.
    expect(await r.interrupted('dead', async () => 'running')).toBe(true);
  });

  it('never reads a job it runs as interrupted, without reading its row again', async () => {
    const r = runners();
    let release: (() => void) | undefined;
    await r.start('live', () => new Promise<void>((done) => (release = done)));
    let reread = false;
    const status = async () => {
      reread = true;
      return 'running';
    };
    expect(await r.interrupted('live', status)).toBe(false);
    expect(reread).toBe(false);
    await new Promise((tick) => setImmediate(tick));
    release?.();
    await r.settle();
    expect(await r.interrupted('live', status)).toBe(true);
  });
});
