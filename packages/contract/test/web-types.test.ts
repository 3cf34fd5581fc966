import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web app takes the API's types from @jobcoach/contract, never from a copy of its own, and
 * only as types: a value import would bring zod (and every schema) into the browser bundle.
 */

const root = new URL('../../..', import.meta.url).pathname;
const contractSrc = join(root, 'packages/contract/src');
const webSrc = join(root, 'apps/web/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The type names the contract exports (`export type Name = …`). */
function contractTypeNames(): Set<string> {
  const names = new Set<string>();
  for (const file of sources(contractSrc)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^export type (\w+)/gm)) names.add(match[1]!);
  }
  return names;
}

const web = sources(webSrc).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('the web app and the contract', () => {
  it('keeps no hand copy of the API types', () => {
    expect(existsSync(join(webSrc, 'api-types.ts'))).toBe(false);
    expect(web.filter((f) => /api-types/.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it('declares no type of its own under the name of a contract type', () => {
    const names = contractTypeNames();
    expect(names.size).toBeGreaterThan(50);
    const copies = web.flatMap((f) =>
      [...f.text.matchAll(/^(?:export )?(?:type|interface) (\w+)\b/gm)]
        .filter((m) => names.has(m[1]!))
        .map((m) => `${f.path}: ${m[1]}`),
    );
    expect(copies).toEqual([]);
  });

  it('imports the contract with `import type` only', () => {
    const valueImports = web.flatMap((f) =>
      [...f.text.matchAll(/^(import|export)(?! type\b)[^;]*?from '@jobcoach\/contract'/gms)].map(
        (m) => `${f.path}: ${m[0].split('\n')[0]}`,
      ),
    );
    expect(valueImports).toEqual([]);
    expect(web.some((f) => f.text.includes("from '@jobcoach/contract'"))).toBe(true);
  });
});
