import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './support/server.ts';

/** The built web app as a browser receives it: compressed, and cached for good when hashed. */
describe('static assets', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.stop());

  /** The login page's scripts and styles (content-hashed files under /assets/). */
  async function loginPageAssets() {
    const page = await fetch(`${server.url}/login`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    return { page, assets };
  }

  it('sends the login page without caching and its hashed assets as immutable', async () => {
    const { page, assets } = await loginPageAssets();
    expect(page.headers.get('cache-control')).toBe('no-cache');
    for (const asset of assets) {
      const res = await fetch(`${server.url}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
    }
  });

  it('sends the service worker and the manifest revalidated on every load, with their types', async () => {
    // A long-cached service worker would keep an old app on the phones: it is always revalidated.
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    // Workbox's precache list names the built files, and nothing under /api/.
    const code = await sw.text();
    expect(code).toContain('index.html');
    expect(code).not.toMatch(/url:"\/?api\//);
    const manifest = await fetch(`${server.url}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the JavaScript precompressed, brotli or gzip by negotiation, identical once decoded', async () => {
    const { assets } = await loginPageAssets();
    let plainBytes = 0;
    let brotliBytes = 0;
    for (const asset of assets.filter((a) => a.endsWith('.js') || a.endsWith('.css'))) {
      // fetch() would decode the body itself: ask with node's http semantics through raw bytes.
      const plain = await raw(`${server.url}${asset}`, 'identity');
      expect(plain.encoding).toBeUndefined();
      const br = await raw(`${server.url}${asset}`, 'gzip, deflate, br');
      // A file of a few hundred bytes may go as is: compression would save next to nothing.
      if (plain.body.length < 1024 && br.encoding === undefined) continue;
      expect(br.encoding, asset).toBe('br');
      expect(br.vary).toContain('accept-encoding');
      expect(br.cacheControl).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      const gz = await raw(`${server.url}${asset}`, 'gzip');
      expect(gz.encoding).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
      plainBytes += plain.body.length;
      brotliBytes += br.body.length;
    }
    // Compression is worth it: the login page's code shrinks to well under half.
    expect(brotliBytes).toBeLessThan(plainBytes / 2);
  });

  it('also compresses the page itself and keeps the content type of the original', async () => {
    const res = await raw(`${server.url}/login`, 'br');
    expect(res.encoding).toBe('br');
    expect(res.contentType).toContain('text/html');
    expect(brotliDecompressSync(res.body).toString()).toContain('<div id="root">');
  });
});

/** One GET with an explicit Accept-Encoding, body left as sent. */
async function raw(url: string, acceptEncoding: string) {
  const { request } = await import('node:http');
  return new Promise<{
    body: Buffer;
    encoding: string | undefined;
    vary: string;
    cacheControl: string | undefined;
    contentType: string | undefined;
  }>((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          body: Buffer.concat(chunks),
          encoding: res.headers['content-encoding'],
          vary: String(res.headers.vary ?? ''),
          cacheControl: res.headers['cache-control'],
          contentType: res.headers['content-type'],
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
