import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The security headers of every answer (helmet's: a strict Content-Security-Policy, no framing,
 * no sniffing, the referrer kept on the site, HSTS when the cookies are secure). The headers are
 * worked out once, at start: the Fastify plugin built helmet's middleware again on every request,
 * parsing the policy each time (about 5 µs of a request's CPU, docs/performance.md).
 */
export function securityHeaders(app: FastifyInstance, options: { strictTransportSecurity: boolean }) {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: options.strictTransportSecurity,
    referrerPolicy: { policy: 'same-origin' },
  });
  // helmet's `next` may be given an error, which is what Fastify's `done` takes.
  app.addHook('onRequest', (request, reply, done) =>
    apply(request.raw, reply.raw, done as (error?: unknown) => void),
  );
}
