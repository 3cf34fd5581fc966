import { scopedTo } from '@jobcoach/db';
import { can, type MembershipRole, type Permission } from '@jobcoach/domain';
import type { Clock } from '../clock.ts';
import { appendAudit } from './audit.ts';
import { type AppDatabase, type CrossOrganisationReason, type Db, unscoped } from './database.ts';
import { AppError, notFound } from './errors.ts';

/** Who acts: a signed-in user (their role in the organisation, read once), or the system itself. */
export interface Actor {
  /** Null for the system (nightly jobs, the demo seed). */
  userId: string | null;
  /** The role in the organisation of the context; 'admin' for the installation administrator. */
  role: MembershipRole | 'admin' | null;
  /** Where the request came from, for the audit log. */
  clientAddress: string | null;
  /**
   * What the caller's person scope needs (application/person-scope.ts), when it was read with the
   * session for this organisation: saves the request a round trip to the database.
   */
  caseload?: ActorCaseload;
}

/** The caller's membership facts of one day: the colleagues covered that day, the sensitive right. */
export interface ActorCaseload {
  day: string;
  coveredCoachIds: readonly string[];
  sensitiveAccess: boolean;
}

/** What a command tells the audit log about the change it made. */
export interface AuditRecord {
  entityId: string | null;
  /** Defaults to the context's organisation. */
  organisationId: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditSpec {
  action: string;
  entity: string;
}

export interface ContextDeps {
  database: AppDatabase;
  clock: Clock;
  /**
   * Set when the server sends e-mail (SMTP_URL): the messages that only make sense when they
   * leave (a partner's notice) are written to the outbox only then (mail/outbox.ts `sendsMail`).
   */
  mailer?: unknown;
}

/**
 * What every use case receives, explicitly: the organisation it works in and a database handle
 * scoped to it, the clock (today is read once per use case), who acts, and the audit record a
 * command fills. A transaction opened on the context gives a context on that transaction.
 */
export class Context {
  readonly today: string;
  readonly now: Date;
  /** Filled by a command; written with its audit entry in the same transaction. */
  readonly audit: AuditRecord = { entityId: null, organisationId: null, details: null };
  /** Values read once per use case (the caller's person scope…), by key. */
  readonly #memo: Map<string, Promise<unknown>>;
  /** On a context over a transaction it opened: the work waiting for that transaction to commit. */
  readonly #committed: (() => Promise<unknown>)[] | null;

  private constructor(
    readonly deps: ContextDeps,
    readonly organisationId: string,
    readonly actor: Actor,
    /** Scoped to the organisation (packages/db scope.ts). */
    readonly db: Db,
    memo: Map<string, Promise<unknown>>,
    today?: string,
    now?: Date,
    committed: (() => Promise<unknown>)[] | null = null,
  ) {
    this.now = now ?? deps.clock.now();
    this.today = today ?? deps.clock.today();
    this.#memo = memo;
    this.#committed = committed;
  }

  static create(deps: ContextDeps, organisationId: string, actor: Actor): Context {
    return new Context(deps, organisationId, actor, deps.database.forOrganisation(organisationId), new Map());
  }

  /**
   * A context on a transaction already open (a use case called by another one, or by code that
   * holds the transaction): scoped to the organisation, on the given day.
   */
  static within(trx: Db, organisationId: string, actor: Actor, day: { today: string; now: Date }): Context {
    if (!trx.isTransaction) throw new Error('Context.within needs a transaction');
    const deps = null as unknown as ContextDeps; // never read: transaction() reuses the open one
    return new Context(
      deps,
      organisationId,
      actor,
      scopedTo(trx.withoutPlugins(), organisationId),
      new Map(),
      day.today,
      day.now,
    );
  }

  get userId(): string {
    if (this.actor.userId === null) throw new Error('a use case that needs a user was run by the system');
    return this.actor.userId;
  }

  /** The role the actor holds here; 404 when not a member (the organisation is not revealed). */
  get role(): MembershipRole | 'admin' {
    if (this.actor.role === null) throw notFound('Organisation');
    return this.actor.role;
  }

  /** 404 without a membership, 403 when the role lacks the permission. */
  require(permission: Permission): MembershipRole | 'admin' {
    const role = this.role;
    if (!can(role, permission)) {
      throw new AppError(403, 'forbidden', 'Votre rôle dans cette organisation ne permet pas cette action.');
    }
    return role;
  }

  can(permission: Permission): boolean {
    return this.actor.role !== null && can(this.actor.role, permission);
  }

  /** The same connection without the organisation scope, for a stated reason (database.ts). */
  across(reason: CrossOrganisationReason): Db {
    return unscoped(this.db, reason);
  }

  /**
   * Runs `fn` in one transaction, on a context over it (same organisation, actor and day); then,
   * once it has committed, the work `fn` left for that moment (`afterCommit`).
   */
  async transaction<T>(fn: (tx: Context) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    const committed: (() => Promise<unknown>)[] = [];
    const result = await this.deps.database.transaction((trx) =>
      fn(
        new Context(
          this.deps,
          this.organisationId,
          this.actor,
          scopedTo(trx, this.organisationId),
          this.#memo,
          this.today,
          this.now,
          committed,
        ),
      ),
    );
    for (const work of committed) await work();
    return result;
  }

  /**
   * Work that must wait until the transaction in progress has committed: a background job started
   * on the rows this transaction writes must not run before they exist for other connections. It
   * runs before the transaction's caller gets its result; if the transaction fails, it never runs.
   */
  afterCommit(work: () => Promise<unknown>): void {
    if (!this.#committed) throw new Error('afterCommit needs a transaction opened by Context.transaction');
    this.#committed.push(work);
  }

  /** Computes a value once per context (and the transactions opened on it). */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.#memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.#memo.set(key, value);
    }
    return value;
  }
}

/** Appends the audit entry of a change, in the transaction that made it. */
export async function writeAuditEntry(ctx: Context, spec: AuditSpec, record: Partial<AuditRecord>) {
  await appendAudit(ctx.across('audit'), {
    at: ctx.now,
    actor_id: ctx.actor.userId,
    organisation_id: record.organisationId ?? ctx.organisationId,
    action: spec.action,
    entity: spec.entity,
    entity_id: record.entityId ?? null,
    client_address: ctx.actor.clientAddress,
    details: record.details ? JSON.stringify(record.details) : null,
  });
}
