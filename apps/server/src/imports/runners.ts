import {
  advisoryLockHeld,
  type Database,
  type HeldLock,
  type Kysely,
  LOCK_KEYS,
  tryHoldAdvisoryLock,
} from '@jobcoach/db';

/**
 * Who runs which import job. A job runs in the server process that accepted it, after the answer;
 * its row says "running" until it ends. If that process dies (kill, crash, power cut), the row
 * still says "running": whether the job is alive is asked of its runner, never guessed from the
 * age of its last update (a long import may go minutes without one; a dead one must not look
 * alive for minutes):
 * - the process itself knows its own jobs (in memory);
 * - on PostgreSQL, the runner holds an advisory lock named after the job for as long as it runs,
 *   on a connection of its own, so that every instance can tell; a lock nobody holds is a dead job;
 * - the embedded database has one process (the data directory's writer lock): a job it does not
 *   run is dead.
 */
export class ImportRunners {
  readonly #local = new Set<string>();
  readonly #tasks = new Set<Promise<unknown>>();

  constructor(private readonly deps: { db: Kysely<Database>; driver: 'pglite' | 'postgres' }) {}

  /**
   * Whether another connection may write a job's progress while the job writes its rows in one
   * transaction: on PostgreSQL, yes; the embedded database has one session, held by the job.
   */
  get reportsProgressMeanwhile(): boolean {
    return this.deps.driver === 'postgres';
  }

  /**
   * Whether a job writes its new rows with COPY FROM STDIN: on PostgreSQL; the embedded database
   * keeps its INSERT statements.
   */
  get copiesRows(): boolean {
    return this.deps.driver === 'postgres';
  }

  /**
   * Claims the job for this process (call it before answering with the job's id), then runs
   * `work` in the background. The claim ends with the work.
   */
  async start(jobId: string, work: () => Promise<unknown>): Promise<void> {
    this.#local.add(jobId);
    let held: HeldLock | null = null;
    try {
      if (this.deps.driver === 'postgres') {
        held = await tryHoldAdvisoryLock(this.deps.db, { namespace: LOCK_KEYS.importJob, name: jobId });
      }
    } catch (error) {
      this.#local.delete(jobId);
      throw error;
    }
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch(() => undefined)
      .finally(async () => {
        this.#local.delete(jobId);
        await held?.release().catch(() => undefined);
        this.#tasks.delete(task);
      });
    this.#tasks.add(task);
  }

  /** Whether a job whose row says "running" is really running somewhere. */
  async alive(jobId: string): Promise<boolean> {
    if (this.#local.has(jobId)) return true;
    if (this.deps.driver === 'pglite') return false;
    return advisoryLockHeld(this.deps.db, { namespace: LOCK_KEYS.importJob, name: jobId });
  }

  /**
   * Whether a job whose row said "running" when it was read ended with its process. A job that
   * finished just after that read wrote its end before letting go of its claim, so once no runner
   * has the job its row is read again (`readStatus`): still "running" means nobody will end it.
   */
  async interrupted(jobId: string, readStatus: () => Promise<string | undefined>): Promise<boolean> {
    if (await this.alive(jobId)) return false;
    return (await readStatus()) === 'running';
  }

  /** Waits for this process's jobs to end (the server stops). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.#tasks]);
  }
}

/**
 * What the use cases that start and follow import jobs are given: this process's runners, and the
 * log a job that fails in the background reports to (no personal data: the error's message).
 */
export interface ImportJobs {
  runners: ImportRunners;
  log: { error(details: object, message: string): void };
}
