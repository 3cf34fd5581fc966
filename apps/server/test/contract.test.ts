import * as contract from '@jobcoach/contract';
import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestApp } from './helpers.ts';

/**
 * One contract between server and web: every schema a route declares (body, query, params and
 * each answer) is an exported member of @jobcoach/contract, the very object, so that the web's
 * types (derived from the same schemas) cannot drift from what the server validates and sends.
 */
describe('the routes declare their schemas from @jobcoach/contract', () => {
  let t: TestApp;
  const exported = new Set<unknown>(Object.values(contract).filter((v) => v instanceof z.ZodType));

  beforeAll(async () => {
    t = await startTestApp(testTargets()[0]!);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds schemas in the contract', () => {
    expect(exported.size).toBeGreaterThan(50);
  });

  it('uses an exported schema of the contract for every body, query, params and answer', () => {
    const strays: string[] = [];
    let checked = 0;
    for (const r of t.app.routeTable) {
      const schema = (r.schema ?? {}) as {
        body?: unknown;
        querystring?: unknown;
        params?: unknown;
        headers?: unknown;
        response?: Record<string, unknown>;
      };
      const parts: [string, unknown][] = [
        ['body', schema.body],
        ['querystring', schema.querystring],
        ['params', schema.params],
        ['headers', schema.headers],
        ...Object.entries(schema.response ?? {}).map(([status, s]): [string, unknown] => [
          `response ${status}`,
          s,
        ]),
      ];
      for (const [part, s] of parts) {
        if (s === undefined) continue;
        checked += 1;
        if (!exported.has(s)) strays.push(`${r.method} ${r.url}: ${part}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(strays, 'schemas declared outside @jobcoach/contract').toEqual([]);
  });

  it('declares an answer schema for every read but the file downloads', () => {
    const withoutAnswer = t.app.routeTable
      .filter((r) => r.method === 'GET' && !(r.schema as { response?: unknown } | undefined)?.response)
      .map((r) => r.url)
      .filter((url) => !/\.(csv|xlsx|pdf)$/.test(url))
      // The calendar feed: an .ics file named by its token (`/api/calendar/<token>.ics`).
      .filter((url) => url !== '/api/calendar/:file');
    expect(withoutAnswer).toEqual([]);
  });
});
