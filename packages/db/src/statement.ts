import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import { scopedTo } from './scope.ts';
import type { Database } from './types.ts';

/**
 * A statement of one organisation that is built, scoped and compiled once, then run with new values.
 *
 * Building a large statement with the query builder, passing it through the organisation scope
 * (scope.ts) and compiling it to text costs more CPU than PostgreSQL spends running a prepared one
 * (docs/performance.md): for the hottest reads, the text is made once, the first time, and later
 * calls only fill in the values.
 *
 * `build` receives markers instead of values (`params.x` is a marker string for the value `x`), so
 * it must pass each value through untouched: a value derived from a parameter (`today` + 7 days, a
 * LIKE pattern) must be a parameter of its own. The first compilation checks this: a marker that
 * reaches the text, or is changed on its way to the parameters, is refused. The organisation's id
 * is the parameter `organisationId`, and the scope plugin sees the same marker, so the text is
 * scoped exactly as a query built on `scopedTo(db, organisationId)` would be.
 */
export function scopedStatement<P extends { organisationId: string }, R>(
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
): (db: Kysely<Database>, organisationId: string, params: Omit<P, 'organisationId'>) => Promise<R[]> {
  const run = compiledOnce(build, (db, markers) => scopedTo(db, markers.organisationId));
  return (db, organisationId, params) => run(db, { ...params, organisationId } as P);
}

/**
 * The same for a statement of no organisation (the session read by every request, auth/sessions.ts):
 * built and compiled once, without the organisation scope, then run with new values. The rules on
 * `build` are those of scopedStatement.
 */
export function unscopedStatement<P extends object, R>(
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
): (db: Kysely<Database>, params: P) => Promise<R[]> {
  return compiledOnce(build, (db) => db);
}

function compiledOnce<P extends object, R>(
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
  scope: (db: Kysely<Database>, markers: P) => Kysely<Database>,
): (db: Kysely<Database>, params: P) => Promise<R[]> {
  let compiled: Compiled | null = null;
  return async (db, params) => {
    compiled ??= compileWithMarkers(db, build, scope);
    const values = params as Record<string, unknown>;
    const parameters = compiled.slots.map((slot) => (slot.key === null ? slot.value : values[slot.key]));
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}

interface Compiled {
  sql: string;
  /** Each parameter of the text: a value of the call (`key`), or a constant of the statement. */
  slots: { key: string | null; value: unknown }[];
}

const MARKER = '\u0001jc-parameter:';

function compileWithMarkers<P extends object>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, params: P) => Compilable<unknown>,
  scope: (db: Kysely<Database>, markers: P) => Kysely<Database>,
): Compiled {
  const markers = new Proxy({} as P, {
    get: (_target, key) => `${MARKER}${String(key)}`,
  });
  const query = build(scope(db.withoutPlugins(), markers), markers).compile();
  if (query.sql.includes(MARKER)) {
    throw new Error('scopedStatement: a parameter was written into the statement text');
  }
  const slots = query.parameters.map((value) => {
    if (typeof value === 'string' && value.startsWith(MARKER))
      return { key: value.slice(MARKER.length), value: null };
    if (containsMarker(value)) {
      throw new Error('scopedStatement: a parameter was changed on its way to the statement');
    }
    return { key: null, value };
  });
  return { sql: query.sql, slots };
}

function containsMarker(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(MARKER);
  if (Array.isArray(value)) return value.some(containsMarker);
  if (value && typeof value === 'object') return Object.values(value).some(containsMarker);
  return false;
}
