import { testTargets } from '@jobcoach/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers.ts';

const POLICY =
  "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
  "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';" +
  "style-src 'self' 'unsafe-inline';connect-src 'self'";

const EXPECTED = {
  'content-security-policy': POLICY,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

// The headers are worked out once at start (http/security-headers.ts): every answer carries them,
// the second as the first, an error as a success.
describe('security headers', () => {
  const target = testTargets()[0]!;
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('are on every answer, and HSTS only with secure cookies', async () => {
    const plain = await startTestApp(target);
    apps.push(plain);
    for (const url of ['/api/health', '/api/health', '/api/nowhere', '/api/me']) {
      const res = await plain.app.inject({ method: 'GET', url });
      expect(res.headers, url).toMatchObject(EXPECTED);
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
    // The API documentation's page keeps a policy of its own (its scripts and styles inline).
    const docs = await plain.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toMatch(
      /^default-src 'self'; base-uri 'self'; font-src 'self' https: data:; frame-ancestors 'self'/,
    );
    const secure = await startTestApp(target, { config: { cookieSecure: true } });
    apps.push(secure);
    const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers).toMatchObject({
      ...EXPECTED,
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
  });
});
