import {
  BACKUP_KEEP,
  type BackupFile,
  backupDirectory,
  type DatabaseHandle,
  listBackups,
  takeBackup,
} from '@jobcoach/db';
import type { Clock } from '../clock.ts';

/**
 * The server's own backups of the embedded database: every night (a pg-boss job, privacy/jobs.ts)
 * and on the administrator's demand, into DATA_DIR/backups, the last 14 kept. A PostgreSQL
 * installation is backed up by whoever runs PostgreSQL (pg_dump, `jobcoach backup`): its server
 * takes none, since it may not even run on the database's machine.
 */
export class Backups {
  #lastError: { at: string; message: string } | null = null;
  #running: Promise<BackupFile> | null = null;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly clock: Clock,
  ) {}

  /** Backups are the server's job: the embedded database on disk (not the tests' in-memory one). */
  get enabled(): boolean {
    return this.handle.driver === 'pglite' && this.handle.dataDirLock !== undefined;
  }

  get directory(): string | null {
    return this.handle.dataDirLock ? backupDirectory(this.handle.dataDirLock.dataDir) : null;
  }

  status() {
    const all = this.directory ? listBackups(this.directory) : [];
    return {
      engine: this.handle.driver,
      scheduled: this.enabled,
      directory: this.enabled ? this.directory : null,
      keep: BACKUP_KEEP,
      count: all.length,
      last: all[0] ? { name: all[0].name, takenAt: all[0].takenAt, bytes: all[0].bytes } : null,
      lastError: this.#lastError,
    };
  }

  /** Takes one now (one at a time: a second demand meanwhile gets the same backup). */
  take(): Promise<BackupFile> {
    if (!this.enabled || !this.directory) throw new Error('backups are not this server’s job');
    const directory = this.directory;
    this.#running ??= takeBackup(this.handle, { directory, now: this.clock.now() })
      .then((file) => {
        this.#lastError = null;
        return file;
      })
      .catch((error: unknown) => {
        // Shown to the administrator: a file system error, never personal data.
        this.#lastError = {
          at: this.clock.now().toISOString(),
          message: (error as Error).message.slice(0, 500),
        };
        throw error;
      })
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }
}
