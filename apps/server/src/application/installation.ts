import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import { type Actor, type AuditRecord, type AuditSpec, Context } from './context.ts';
import { type AppDatabase, type CrossOrganisationReason, type Db, unscoped } from './database.ts';
import { forbidden } from './errors.ts';

/** What a use case on the installation as a whole is given: the database and the clock. */
export interface InstallationDeps {
  database: AppDatabase;
  clock: Clock;
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
    db: Db,
    today?: string,
    now?: Date,
  ) {
    this.#db = db;
    this.now = now ?? deps.clock.now();
    this.today = today ?? deps.clock.today();
  }

  static create(deps: InstallationDeps, actor: Actor): InstallationContext {
    return new InstallationContext(deps, actor, deps.database.acrossOrganisations('administration'));
  }

  get userId(): string {
    if (this.actor.userId === null) throw new Error('a use case that needs a user was run by the system');
    return this.actor.userId;
  }

  get isAdmin(): boolean {
    return this.actor.role === 'admin';
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
      fn(new InstallationContext(this.deps, this.actor, trx, this.today, this.now)),
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
  readonly run: (ctx: InstallationContext, input: z.output<S>) => Promise<O>;
}

export function defineInstallationQuery<S extends z.ZodType, O>(
  name: string,
  input: S,
  run: (ctx: InstallationContext, input: z.output<S>) => Promise<O>,
): InstallationUseCase<S, O> {
  return { name, input, audit: undefined, run };
}

export function defineInstallationCommand<S extends z.ZodType, O>(
  name: string,
  input: S,
  audit: AuditSpec,
  run: (ctx: InstallationContext, input: z.output<S>) => Promise<O>,
): InstallationUseCase<S, O> {
  return { name, input, audit, run };
}

/**
 * Appends the audit entry of an installation-level change, in its transaction (or of a read that
 * is audited, such as a report's export). The entry belongs to the organisation the use case names
 * (a created organisation, the deleted person's, the reader's current one), or to none.
 */
export async function writeInstallationAudit(ctx: InstallationContext, spec: AuditSpec) {
  await ctx
    .across('audit')
    .insertInto('audit_log')
    .values({
      at: ctx.now,
      actor_id: ctx.actor.userId,
      organisation_id: ctx.audit.organisationId,
      action: spec.action,
      entity: spec.entity,
      entity_id: ctx.audit.entityId,
      client_address: ctx.actor.clientAddress,
      details: ctx.audit.details ? JSON.stringify(ctx.audit.details) : null,
    })
    .execute();
}

/** Runs an installation use case: a command in one transaction with its audit entry. */
export async function executeForInstallation<S extends z.ZodType, O>(
  ctx: InstallationContext,
  useCase: InstallationUseCase<S, O>,
  input: z.output<S>,
): Promise<O> {
  const audit = useCase.audit;
  if (!audit) return useCase.run(ctx, input);
  return ctx.transaction(async (tx) => {
    const result = await useCase.run(tx, input);
    await writeInstallationAudit(tx, audit);
    return result;
  });
}
