import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the server (docs/architecture.md), checked on its sources:
 * - a route module only adapts HTTP to a use case: it imports no database package, runs no query
 *   and opens no transaction;
 * - a query that crosses organisations says why (application/database.ts), and only the modules
 *   listed here may give each reason (REASONS).
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
    const offences = routeModules.flatMap((f) =>
      DATABASE_USE.filter(([pattern]) => pattern.test(f.text)).map(([, what]) => `${f.path} ${what}`),
    );
    expect(offences).toEqual([]);
  });
});

/**
 * Which modules may read or write across organisations, for which reason (application/database.ts,
 * CrossOrganisationReason). A module that gives a reason not listed for it fails, and so does a
 * listed module that no longer gives it: a new crossing is a visible decision.
 */
const REASONS: Record<string, string[]> = {
  account: [
    // The calendar feed's token names its member and organisation (read without a session).
    'agenda/use-cases/calendar-feed.ts',
    'auth/current-password.ts',
    'auth/use-cases/account-security.ts',
    'auth/use-cases/account.ts',
    'auth/use-cases/mail-preferences.ts',
    'auth/use-cases/password-reset.ts',
    'auth/use-cases/sign-in.ts',
    'http/context.ts',
    'http/use-case-route.ts',
    'organisations/use-cases/organisations.ts',
    'reports/use-cases/steering-report.ts',
    'setup/use-cases/setup.ts',
    'users/invitations.ts',
    'users/queries.ts',
    'users/use-cases/invitation-answers.ts',
    'users/use-cases/members.ts',
  ],
  administration: [
    'application/installation.ts',
    'auth/use-cases/account-security.ts',
    'auth/use-cases/account.ts',
    'basins/use-cases/basins.ts',
    'cli/import.ts',
    'hiring-aids/use-cases/rules.ts',
    'mail/use-cases/outbox-status.ts',
    'organisations/use-cases/organisations.ts',
    'privacy/use-cases/retention.ts',
    'privacy/use-cases/rights.ts',
  ],
  audit: [
    'application/context.ts',
    'application/installation.ts',
    'audit/use-cases/audit-log.ts',
    'testclock/use-cases/shift-clock.ts',
  ],
  basin: [
    'contacts/record.ts',
    'employers/queries.ts',
    'employers/use-cases/employers.ts',
    'matching/use-cases/basin.ts',
  ],
  health: ['health/use-cases/health.ts'],
  installation: ['setup/use-cases/setup.ts'],
  jobs: [
    'contracts/jobs/start-follow-ups.ts',
    'history/use-cases/history-import.ts',
    'history/use-cases/history-undo.ts',
    'imports/use-cases/vacancy-import.ts',
    'mail/digest.ts',
    'mail/outbox.ts',
    'privacy/jobs.ts',
    'privacy/retention.ts',
  ],
  reports: ['reports/use-cases/steering-report.ts'],
};

/** Where the crossing itself is defined: its reason is a parameter there. */
const DEFINES_CROSSING = new Set([
  'application/database.ts',
  'application/context.ts',
  'application/installation.ts',
]);

describe('crossing organisations', () => {
  const CALL = /\b(?:across|acrossOrganisations|unscoped)\(\s*(?:[\w.#]+\s*,\s*)?([^)]*)\)/g;
  const calls = files.flatMap((f) =>
    [...f.text.matchAll(CALL)].map((m) => ({ path: f.path, argument: (m[1] ?? '').trim() })),
  );

  it('names the reason where it crosses, as a literal', () => {
    const hidden = calls
      .filter((c) => !DEFINES_CROSSING.has(c.path) && !/^'[a-z]+'$/.test(c.argument))
      .map((c) => `${c.path}: ${c.argument}`);
    expect(hidden).toEqual([]);
  });

  it('gives each reason only in the modules listed for it', () => {
    const given: Record<string, Set<string>> = {};
    for (const c of calls) {
      const reason = /^'([a-z]+)'$/.exec(c.argument)?.[1];
      if (!reason) continue;
      given[reason] ??= new Set();
      given[reason].add(c.path);
    }
    const found = Object.fromEntries(
      Object.keys({ ...REASONS, ...given }).map((reason) => [reason, [...(given[reason] ?? [])].sort()]),
    );
    expect(found).toEqual(REASONS);
  });

  it('lists exactly the reasons the application declares', () => {
    const declared = readFileSync(join(SRC, 'application', 'database.ts'), 'utf8');
    const union = /export type CrossOrganisationReason =([^;]*);/.exec(declared)?.[1] ?? '';
    const reasons = [...union.matchAll(/\|\s*'([a-z]+)'/g)].map((m) => m[1]).sort();
    expect(reasons).toEqual(Object.keys(REASONS).sort());
  });
});
