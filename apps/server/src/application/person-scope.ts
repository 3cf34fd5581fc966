import {
  type Compilable,
  type Database,
  type Kysely,
  PREPARED_MARK,
  scopedStatement,
  sql,
} from '@jobcoach/db';
import { can, type MembershipRole, type Permission, type RecordScope, recordScope } from '@jobcoach/domain';
import type { ActorCaseload, Context } from './context.ts';
import { notFound } from './errors.ts';
import { UUID_PATTERN } from './uuid.ts';

/**
 * The record scope on persons, in one place: every use case that takes the id of a person, a
 * contract, a presentation or a document (in the URL, the body or the query) asks for it here, and
 * every list of persons filters with `personInScope`. A record outside the scope is answered
 * exactly as an unknown id (404), so its existence is not revealed.
 *
 * - own_caseload (jobcoaches): the persons the caller coaches, those of absent colleagues the caller
 *   covers today, and the referrals in intake nobody was assigned yet;
 * - organisation (coordinators, the administrator): every person of the organisation.
 */
export interface PersonScope {
  organisationId: string;
  userId: string;
  role: MembershipRole | 'admin';
  /** The records the permission reaches for the caller's role (domain permissions.ts). */
  records: RecordScope;
  /** own_caseload: the coaches whose persons the caller reaches today; empty otherwise. */
  coachIds: string[];
  /** Whether the caller reads the sensitive fields (privacy/sensitive.ts). */
  sensitive: boolean;
}

/** Who reads a person's file: the role the moves are offered for, and the sensitive right. */
export interface Viewer {
  role: MembershipRole;
  userId: string | null;
  sensitive: boolean;
}

interface CaseloadContext {
  coachIds: string[];
  sensitive: boolean;
}

/**
 * The caller and the colleagues whose absence the caller covers today; and the sensitive right.
 * Read with the session when the context is the session's organisation and day (auth/sessions.ts),
 * otherwise here.
 */
function caseloadContext(ctx: Context): Promise<CaseloadContext> {
  return ctx.memo('caseload', async () => {
    const userId = ctx.userId;
    const role = ctx.role;
    const known = ctx.actor.caseload;
    const facts =
      role !== 'jobcoach'
        ? { coveredCoachIds: [], sensitiveAccess: false }
        : known?.day === ctx.today
          ? known
          : await readCaseload(ctx, userId);
    return {
      coachIds: [...new Set([userId, ...facts.coveredCoachIds])],
      sensitive: can(role, 'persons.sensitive') || facts.sensitiveAccess,
    };
  });
}

/** The jobcoach's covered colleagues today and sensitive right, in one statement. */
async function readCaseload(ctx: Context, userId: string): Promise<Omit<ActorCaseload, 'day'>> {
  const row = await ctx.db
    .selectFrom('membership')
    .select((eb) => [
      'sensitive_access',
      eb.fn
        .coalesce(
          eb
            .selectFrom('absence')
            .select((a) => a.fn.agg<string[]>('array_agg', ['coach_id']).as('ids'))
            .where('cover_coach_id', '=', userId)
            .where('from_on', '<=', ctx.today)
            .where('to_on', '>=', ctx.today),
          sql<string[]>`'{}'::uuid[]`,
        )
        .as('covered'),
    ])
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return { coveredCoachIds: row?.covered ?? [], sensitiveAccess: row?.sensitive_access === true };
}

/** The caller's scope on persons for `permission` (404 without a membership, 403 without the right). */
export async function personScope(ctx: Context, permission: Permission): Promise<PersonScope> {
  const role = ctx.require(permission);
  const { coachIds, sensitive } = await caseloadContext(ctx);
  const records = recordScope(role, permission);
  return {
    organisationId: ctx.organisationId,
    userId: ctx.userId,
    role,
    records,
    coachIds: records === 'own_caseload' ? coachIds : [],
    sensitive,
  };
}

/**
 * The condition a person row (under `alias`) must meet to be in the scope. For `own_caseload`:
 * coached by the caller or by an absent colleague the caller covers today, or a referral in intake
 * no coach was assigned yet. (The organisation condition is the scoped handle's.)
 */
export function personInScope(ps: PersonScope, alias: string) {
  return scopeCondition(scopeTextOf(ps), ps.coachIds, alias);
}

/** The forms personInScope's condition takes: every person, a caseload (its coaches), none. */
type ScopeText = 'organisation' | 'caseload' | 'none';

function scopeTextOf(ps: PersonScope): ScopeText {
  if (ps.records === 'organisation') return 'organisation';
  return ps.records === 'own_caseload' && ps.coachIds.length > 0 ? 'caseload' : 'none';
}

/** The condition of one form; `coachIds` is the caseload's coaches (or a statement's marker). */
function scopeCondition(text: ScopeText, coachIds: readonly string[] | string, alias: string) {
  if (text === 'organisation') return sql<boolean>`true`;
  if (text === 'none') return sql<boolean>`false`;
  const coach = sql.ref(`${alias}.coach_id`);
  const phase = sql.ref(`${alias}.phase`);
  // An array, not an IN list: the statement's text stays the same whoever asks (PREPARED_MARK).
  return sql<boolean>`(${coach} = ANY (${coachIds}::uuid[]) OR (${coach} IS NULL AND ${phase} = 'intake'))`;
}

export type PersonRecord = 'person' | 'contract' | 'presentation' | 'person_document';

const RECORD_NAMES: Record<PersonRecord, string> = {
  person: 'Personne',
  contract: 'Contrat',
  presentation: 'Présentation',
  person_document: 'Document',
};

/** The person a record belongs to, if the record exists in the organisation. */
async function personOf(ctx: Context, table: PersonRecord, id: string): Promise<string | undefined> {
  if (table === 'person') return id;
  const row = await ctx.db.selectFrom(table).select('person_id').where('id', '=', id).executeTakeFirst();
  return row?.person_id;
}

/**
 * A statement of the hot paths filtered by the person scope (`inScope(alias)`, personInScope's
 * condition), built and compiled once for each text that condition can have (scopedStatement,
 * packages/db), then run with the caller's organisation, coaches and values.
 */
export function personScopedStatement<P extends { organisationId: string }, R>(
  build: (
    db: Kysely<Database>,
    params: P,
    inScope: (alias: string) => ReturnType<typeof personInScope>,
  ) => Compilable<R>,
): (db: Kysely<Database>, ps: PersonScope, params: Omit<P, 'organisationId'>) => Promise<R[]> {
  type Marked = P & { coachIds: string[] };
  const text = (scope: ScopeText) =>
    scopedStatement((db, p: Marked) => build(db, p, (alias) => scopeCondition(scope, p.coachIds, alias)));
  const statements: Record<ScopeText, ReturnType<typeof text>> = {
    organisation: text('organisation'),
    caseload: text('caseload'),
    none: text('none'),
  };
  return (db, ps, params) =>
    statements[scopeTextOf(ps)](db, ps.organisationId, { ...params, coachIds: ps.coachIds } as Omit<
      Marked,
      'organisationId'
    >);
}

const personInScopeStatement = personScopedStatement(
  (db, p: { organisationId: string; personId: string }, inScope) =>
    db
      .selectFrom('person as p')
      .select('p.id')
      .where('p.id', '=', p.personId)
      .where('p.deleted_at', 'is', null)
      .where(inScope('p'))
      .modifyEnd(sql.raw(PREPARED_MARK)),
);

/** Whether the person (of the organisation, not deleted) is within the scope. */
export async function personIsInScope(ctx: Context, ps: PersonScope, personId: string): Promise<boolean> {
  return (await personInScopeStatement(ctx.db, ps, { personId })).length > 0;
}

/**
 * The caller's scope, after checking that the record (a person, or a contract, presentation or
 * document of a person) is in it: 404 « Personne introuvable. » (« Contrat », …) otherwise, the same
 * answer as for an id that does not exist.
 */
export async function requireRecord(
  ctx: Context,
  permission: Permission,
  table: PersonRecord,
  id: string,
): Promise<PersonScope> {
  const ps = await personScope(ctx, permission);
  if (!(await recordIsInScope(ctx, ps, table, id))) throw notFound(RECORD_NAMES[table]);
  return ps;
}

/**
 * Whether the record (a person, or a record of a person) exists and its person is in the scope.
 *
 * Outside a transaction the answer is kept for the rest of the request (the context's memo): the
 * guard under every person-level route (http/scope.ts) asks it before the handler, and the use case
 * behind the route asks the same question again. The key holds everything the answer depends on
 * (the records the permission reaches, the coaches, the record), so a question asked with a wider
 * or narrower scope is asked anew. Inside a transaction (a command) it is always read again, on the
 * transaction's connection, as the change that follows relies on it.
 */
export function recordIsInScope(
  ctx: Context,
  ps: PersonScope,
  table: PersonRecord,
  id: string,
): Promise<boolean> {
  if (!UUID_PATTERN.test(id)) return Promise.resolve(false);
  const read = async () => {
    const personId = await personOf(ctx, table, id);
    return personId !== undefined && (await personIsInScope(ctx, ps, personId));
  };
  if (ctx.db.isTransaction) return read();
  return ctx.memo(`record-in-scope ${ps.records} ${ps.coachIds.join(',')} ${table} ${id}`, read);
}

/** The French name of a record, for « … introuvable. ». */
export const recordName = (table: PersonRecord) => RECORD_NAMES[table];

export const requirePerson = (ctx: Context, permission: Permission, personId: string) =>
  requireRecord(ctx, permission, 'person', personId);

export function viewerOf(ps: PersonScope): Viewer {
  return { role: ps.role === 'admin' ? 'coordinator' : ps.role, userId: ps.userId, sensitive: ps.sensitive };
}

/** The role the trajectory table is asked with: the installation admin acts as a coordinator. */
export function trajectoryRole(role: MembershipRole | 'admin'): MembershipRole {
  return role === 'admin' ? 'coordinator' : role;
}
