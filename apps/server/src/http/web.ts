import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');

/** Serves the built web app; unknown non-API paths get index.html so client routes work on reload. */
export async function serveWeb(app: FastifyInstance, dist = WEB_DIST) {
  const hasBuild = existsSync(join(dist, 'index.html'));
  if (hasBuild) {
    // wildcard: files are looked up at request time, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, { root: dist, wildcard: true, index: ['index.html'] });
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
