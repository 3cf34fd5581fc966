import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');

/** Files under assets/ carry a hash of their content in their name: a new build gives new names. */
const HASHED_DIR = `assets${sep}`;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app; unknown non-API paths get index.html so client routes work on reload.
 * The build writes a brotli and a gzip twin of each text file (apps/web/build/precompress.ts):
 * the twin the browser accepts is sent as is, with Content-Encoding, never compressed per request.
 * Content-hashed files are cached for a year and never revalidated; everything else (index.html)
 * is revalidated on every load, so a new build is picked up at once.
 */
export async function serveWeb(app: FastifyInstance, dist = WEB_DIST) {
  const hasBuild = existsSync(join(dist, 'index.html'));
  if (hasBuild) {
    // wildcard: files are looked up at request time, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: (reply: FastifyReply, path: string) => {
        const hashed = relative(dist, path).startsWith(HASHED_DIR);
        reply.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Ressource introuvable.' } });
    }
    if (!hasBuild) {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Jobcoach</title><p>L’interface web n’est pas construite : lancez <code>npm run build</code>.</p></html>',
        );
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
