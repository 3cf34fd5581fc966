import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import { appendAudit } from './audit.ts';
import { type Actor, type AuditRecord, type AuditSpec, Context } from './context.ts';
import { type AppDatabase, type CrossOrganisationReason, type Db, unscoped } from './database.ts';
import { AppError, forbidden } from './errors.ts';

/** What a use case on the installation as a whole is given: the database and the clock. */
export interface InstallationDeps {
  database: AppDatabase;
  clock: Clock;
}

/**
 * The caller's session, for the use cases on the caller's own account (auth/: signing out,
 * passwords, the second factor, the answers to invitations) and those that start from it.
 */
export interface CallerSession {
  /** The digest the session is stored under (auth/sessions.ts). */
  hash: string;
  csrfToken: string;
  currentOrganisationId: string | null;
  email: string;
}

/**
 * The context of a use case that belongs to no organisation: the installation's basins, the list
 * of organisations, the creation of one, the administrator's hard deletion of a person of any
 * organisation, the retention job's reports for the administrator. It holds the database and the
 * clock (today read once), who acts, and the audit record a command fills; every query goes
 * across organisations for a stated reason (database.ts). A use case that then works inside one
 * organisation asks for that organisation's scoped context (`in`).
 */
export class InstallationContext {
  readonly today: string;
  readonly now: Date;
  readonly audit: AuditRecord = { entityId: null, organisationId: null, details: null };
  /** The pool, or the transaction in progress; only handed out for a stated reason (`across`). */
  readonly #db: Db;

  private constructor(
    readonly deps: InstallationDeps,
    readonly actor: Actor,
    /**
     * The caller's session, when the use case works on the caller's account; an audit entry that
     * names no organisation then belongs to the session's current one (writeInstallationAudit).
     */
    readonly session: CallerSession | null,
    db: Db,
    today?: string,
    now?: Date,
  ) {
    this.#db = db;
    this.now = now ?? deps.clock.now();
    this.today = today ?? deps.clock.today();
  }

  static create(
    deps: InstallationDeps,
    actor: Actor,
    session: CallerSession | null = null,
  ): InstallationContext {
    return new InstallationContext(deps, actor, session, deps.database.acrossOrganisations('administration'));
  }

  get userId(): string {
    if (this.actor.userId === null) throw new Error('a use case that needs a user was run by the system');
    return this.actor.userId;
  }

  get isAdmin(): boolean {
    return this.actor.role === 'admin';
  }

  /** The caller's session (401 without one, as the route's access says). */
  requireSession(): CallerSession {
    if (!this.session || this.actor.userId === null) {
      throw new AppError(401, 'unauthenticated', 'Veuillez vous connecter.');
    }
    return this.session;
  }

  /** The installation administrator only (403 otherwise, as the route's access says). */
  requireAdmin(): void {
    if (!this.isAdmin) throw forbidden();
  }

  /** The connection across organisations, for a stated reason (database.ts). */
  across(reason: CrossOrganisationReason): Db {
    return unscoped(this.#db, reason);
  }

  /** Runs `fn` in one transaction, on a context over it (same actor and day). */
  async transaction<T>(fn: (tx: InstallationContext) => Promise<T>): Promise<T> {
    if (this.#db.isTransaction) return fn(this);
    return this.deps.database.transaction((trx) =>
      fn(new InstallationContext(this.deps, this.actor, this.session, trx, this.today, this.now)),
    );
  }

  /**
   * The scoped context of one organisation on the transaction in progress (same actor and day),
   * for the part of the work that happens inside that organisation.
   */
  in(organisationId: string): Context {
    if (!this.#db.isTransaction) throw new Error('InstallationContext.in needs a transaction');
    return Context.within(this.#db, organisationId, this.actor, { today: this.today, now: this.now });
  }
}

/** A use case on the installation as a whole (see InstallationContext). */
export interface InstallationUseCase<S extends z.ZodType, O> {
  readonly name: string;
  readonly input: S;
  /** Commands only: the audit entry written with the change. */
  readonly audit: AuditSpec | undefined;
  /**
   * A command that opens its own transaction (`commitWithAudit`) instead of running whole in one:
   * what it records before, a refused attempt (a failed sign-in and its audit entry), stays when it
   * then fails.
   */
  readonly ownTransaction: boolean;
  readonly run: (ctx: InstallationContext, input: z.output<S>) => Promise<O>;
}

export function defineInstallationQuery<S extends z.ZodType, O>(
  name: string,
  input: S,
  run: (ctx: InstallationContext, input: z.output<S>) => Promise<O>,
): InstallationUseCase<S, O> {
  return { name, input, audit: undefined, ownTransaction: false, run };
}

export function defineInstallationCommand<S extends z.ZodType, O>(
  name: string,
  input: S,
  audit: AuditSpec,
  run: (ctx: InstallationContext, input: z.output<S>) => Promise<O>,
  options: { ownTransaction?: boolean } = {},
): InstallationUseCase<S, O> {
  return { name, input, audit, ownTransaction: options.ownTransaction ?? false, run };
}

/**
 * Appends the audit entry of an installation-level change, in its transaction (or of a read that
 * is audited, such as a report's export). The entry belongs to the organisation the use case names
 * (a created organisation, the deleted person's, the reader's current one); failing that, on the
 * caller's account, to their session's current organisation; or to none. `record` defaults to
 * what the use case put in `ctx.audit`.
 */
export async function writeInstallationAudit(
  ctx: InstallationContext,
  spec: AuditSpec,
  record: Partial<AuditRecord> = ctx.audit,
) {
  await appendAudit(ctx.across('audit'), {
    at: ctx.now,
    actor_id: ctx.actor.userId,
    organisation_id: record.organisationId ?? ctx.session?.currentOrganisationId ?? null,
    action: spec.action,
    entity: spec.entity,
    entity_id: record.entityId ?? null,
    client_address: ctx.actor.clientAddress,
    details: record.details ? JSON.stringify(record.details) : null,
  });
}

/**
 * The transaction of a command that opens its own (`ownTransaction`): `fn` makes the change on a
 * context over it and fills its `audit`, written in the same transaction.
 */
export function commitWithAudit<T>(
  ctx: InstallationContext,
  spec: AuditSpec,
  fn: (tx: InstallationContext) => Promise<T>,
): Promise<T> {
  return ctx.transaction(async (tx) => {
    const result = await fn(tx);
    await writeInstallationAudit(tx, spec);
    return result;
  });
}

/**
 * Runs an installation use case: a command in one transaction with its audit entry (or, one with
 * its own transaction, as it is).
 */
export async function executeForInstallation<S extends z.ZodType, O>(
  ctx: InstallationContext,
  useCase: InstallationUseCase<S, O>,
  input: z.output<S>,
): Promise<O> {
  const audit = useCase.audit;
  if (!audit || useCase.ownTransaction) return useCase.run(ctx, input);
  return ctx.transaction(async (tx) => {
    const result = await useCase.run(tx, input);
    await writeInstallationAudit(tx, audit);
    return result;
  });
}
