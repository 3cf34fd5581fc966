import {
  type AuditLogTable,
  type Database,
  type Insertable,
  type Kysely,
  PREPARED_MARK,
  sql,
  type Transaction,
} from '@jobcoach/db';

/** An entry of the audit log with every column given (none left to its default but the id). */
export type AuditRow = Required<Omit<Insertable<AuditLogTable>, 'id'>>;

/**
 * Appends an entry to the audit log: the one way the server writes it (requests, use cases, the
 * history import; the command line's `create-admin` and the demo data write their single entry
 * themselves). Every column is always given, so the statement's text never varies and each
 * connection prepares it once: every read of a person's file and of their matches writes one.
 */
export async function appendAudit(db: Kysely<Database> | Transaction<Database>, row: AuditRow) {
  await db.insertInto('audit_log').values(row).modifyEnd(sql.raw(PREPARED_MARK)).execute();
}
