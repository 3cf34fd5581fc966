import { type Database, type Kysely, scopedTo, type Transaction } from '@jobcoach/db';

/** A database handle: the pool, or the connection of a transaction in progress. */
export type Db = Kysely<Database> | Transaction<Database>;

/**
 * Why a query reads or writes across organisations instead of through the organisation's scoped
 * handle. Each reason is a real exception of the method or of running the installation
 * (docs/architecture.md, "Scoping"); apps/server/test/architecture.test.ts lists the modules that
 * may give each one, so a new cross-organisation query is a visible decision.
 */
export type CrossOrganisationReason =
  /** Sessions, sign-in, a user's own memberships and account. */
  | 'account'
  /** The installation administrator's work on organisations, users and the audit log. */
  | 'administration'
  /** The employer registry and the contacts shared by the organisations of a basin (method.md §6). */
  | 'basin'
  /** Aggregated reports over several organisations (counts only). */
  | 'reports'
  /** Background jobs over every organisation: retention, imports' progress, the outbox. */
  | 'jobs'
  /** First-run setup and the demo installation. */
  | 'installation'
  /** The audit log: each change's entry, and the administrator's reading of it. */
  | 'audit'
  /** The health checks: whether the database answers at all (nothing is read). */
  | 'health';

/**
 * The database as the application sees it: through one organisation's scoped handle
 * (packages/db scope.ts), or across organisations for a stated reason. The pool itself is not
 * handed out.
 */
export class AppDatabase {
  readonly #root: Kysely<Database>;

  constructor(root: Kysely<Database>) {
    this.#root = root;
  }

  /** Every query through this handle stays within the organisation. */
  forOrganisation(organisationId: string): Kysely<Database> {
    return scopedTo(this.#root, organisationId);
  }

  /** One transaction; the context scopes it (context.ts). */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.#root.transaction().execute(fn);
  }

  /** The unscoped handle, for the reasons above only. */
  acrossOrganisations(_reason: CrossOrganisationReason): Kysely<Database> {
    return this.#root;
  }
}

/** The same connection (a transaction stays one transaction) without the organisation scope. */
export function unscoped<D extends Db>(db: D, _reason: CrossOrganisationReason): D {
  return db.withoutPlugins() as D;
}
