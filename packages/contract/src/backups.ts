import { z } from 'zod';

/** A backup file of the embedded database (docs/operations.md). */
export const backupSchema = z.object({ name: z.string(), takenAt: z.string(), bytes: z.number() });

/** The administrator's view of the backups. */
export const backupStatusSchema = z.object({
  engine: z.enum(['pglite', 'postgres']),
  /** The server backs the database up every night (the embedded database). */
  scheduled: z.boolean(),
  directory: z.string().nullable(),
  keep: z.number(),
  count: z.number(),
  last: backupSchema.nullable(),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
});

export type Backup = z.output<typeof backupSchema>;
export type BackupStatus = z.output<typeof backupStatusSchema>;
