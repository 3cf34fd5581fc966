import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../src/http/access.ts';

describe('permissions matrix in docs/security.md', () => {
  const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
  const rows = new Map(
    [...doc.matchAll(/^\| `([a-z.]+)` \|\s*(✔?)\s*\|\s*(✔?)\s*\|\s*(✔?)\s*\|/gm)].map((m) => [
      m[1],
      ['coordinator', 'jobcoach', 'evaluator'].filter((_, i) => m[i + 2] === '✔'),
    ]),
  );
  it('documents every permission of the table, with the same roles', () => {
    for (const [permission, roles] of Object.entries(ROLE_PERMISSIONS)) {
      expect(rows.get(permission), permission).toEqual([...roles]);
    }
    expect([...rows.keys()].sort()).toEqual(Object.keys(ROLE_PERMISSIONS).sort());
  });
});
