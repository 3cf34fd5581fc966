import type { Backup, BackupStatus } from '@jobcoach/contract';
import { z } from 'zod';
import { AppError } from '../../application/errors.ts';
import { defineInstallationCommand, defineInstallationQuery } from '../../application/installation.ts';
import type { Backups } from '../service.ts';

/**
 * The installation administrator's backups of the embedded database (docs/operations.md): their
 * state, and one on demand. A backup belongs to no organisation. It is taken outside any
 * transaction (the embedded database's one session is needed for it), then recorded in the audit
 * log by its own command.
 */
export function backupUseCases(backups: Backups) {
  /** The last backup, how many are kept, the last failure. */
  const readBackups = defineInstallationQuery(
    'backups.status',
    z.object({}),
    async (ctx): Promise<BackupStatus> => {
      ctx.requireAdmin();
      return backups.status();
    },
  );

  /** Takes a backup now; 409 when backups are not this server's job (PostgreSQL: pg_dump). */
  const takeBackup = defineInstallationQuery('backups.take', z.object({}), async (ctx): Promise<Backup> => {
    ctx.requireAdmin();
    if (!backups.enabled) {
      throw new AppError(
        409,
        'conflict',
        'Avec PostgreSQL, les sauvegardes se font avec pg_dump (commande « jobcoach backup ») par l’exploitant de la base : le serveur n’en prend pas.',
      );
    }
    const file = await backups.take();
    return { name: file.name, takenAt: file.takenAt, bytes: file.bytes };
  });

  /** The audit entry of a backup just taken: its file name and size. */
  const recordBackup = defineInstallationCommand(
    'backups.record',
    z.object({ name: z.string(), takenAt: z.string(), bytes: z.number() }),
    { action: 'backup', entity: 'database' },
    async (ctx, file): Promise<Backup> => {
      ctx.requireAdmin();
      ctx.audit.entityId = file.name;
      ctx.audit.details = { bytes: file.bytes };
      return file;
    },
  );

  return { readBackups, takeBackup, recordBackup };
}
