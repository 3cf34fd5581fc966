import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the server (docs/architecture.md), checked on its sources:
 * - a route module only adapts HTTP to a use case: it imports no database package, runs no query
 *   and opens no transaction;
 * - a query that crosses organisations says why (application/database.ts), and only the modules
 *   listed here may give each reason.
 */
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const isRouteModule = (path: string) => /(^|\/)([a-z-]+-)?routes\.ts$|\/module\.ts$/.test(path);

/** Route modules not yet moved onto use cases. The list only shrinks. */
const PENDING_ROUTE_MODULES = new Set<string>(['employers/routes.ts']);

/** What a route module may not do: it calls a use case instead. */
const DATABASE_USE: [RegExp, string][] = [
  [/from '@jobcoach\/db'/, 'imports the database package'],
  [/\.(selectFrom|insertInto|updateTable|deleteFrom|with)\(/, 'builds a query'],
  [/\bsql`/, 'writes SQL'],
  [/\.mutate\(/, 'opens a transaction'],
  [/deps\.(db|database)\b|\{ db[,\s}][^}]*\} = app\.deps/, 'reads the database handle'],
];

describe('the server’s layers', () => {
  const routeModules = files.filter((f) => isRouteModule(f.path));

  it('finds the route modules', () => {
    expect(routeModules.length).toBeGreaterThan(20);
  });

  it('keeps route modules free of database code: they call use cases', () => {
    const offences = routeModules
      .filter((f) => !PENDING_ROUTE_MODULES.has(f.path))
      .flatMap((f) =>
        DATABASE_USE.filter(([pattern]) => pattern.test(f.text)).map(([, what]) => `${f.path} ${what}`),
      );
    expect(offences).toEqual([]);
  });

  it('lists as pending only route modules that still need it', () => {
    const done = [...PENDING_ROUTE_MODULES].filter((path) => {
      const f = files.find((x) => x.path === path);
      return !f || !DATABASE_USE.some(([pattern]) => pattern.test(f.text));
    });
    expect(done).toEqual([]);
  });
});
