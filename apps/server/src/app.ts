import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { DatabaseHandle } from '@jobcoach/db';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agendaRoutes } from './agenda/routes.ts';
import { AppDatabase } from './application/database.ts';
import { auditRoutes } from './audit/routes.ts';
import { accountRoutes } from './auth/account-routes.ts';
import { authRoutes } from './auth/routes.ts';
import { backupRoutes } from './backup/routes.ts';
import { Backups } from './backup/service.ts';
import { basinRoutes } from './basins/routes.ts';
import { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { contactRoutes } from './contacts/routes.ts';
import { contractRoutes } from './contracts/routes.ts';
import { employerModule } from './employers/module.ts';
import { healthRoutes } from './health/routes.ts';
import { hiringAidRoutes } from './hiring-aids/routes.ts';
import { historyImportRoutes } from './history/routes.ts';
import { requestContext } from './http/context.ts';
import { errorHandler } from './http/errors.ts';
import { personScopeGuard } from './http/scope.ts';
import { securityHeaders } from './http/security-headers.ts';
import { serveWeb } from './http/web.ts';
import { ImportRunners } from './imports/runners.ts';
import { mailRoutes } from './mail/routes.ts';
import { type Mailer, smtpMailer } from './mail/transport.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { trajectoryModule } from './persons/module.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { setupRoutes } from './setup/routes.ts';
import { userRoutes } from './users/routes.ts';

z.config(z.locales.fr());

export interface BuildOptions {
  database: DatabaseHandle;
  config: Config;
  clock?: Clock;
  /** Serve the built web app (off in API tests). */
  web?: boolean;
  logger?: boolean;
  /**
   * Tests only: one body or query reference left unchecked by the record scope ("<METHOD> <url>
   * <field>"), so that the test of the route enumeration can show it notices (http/scope.ts).
   */
  uncheckedReference?: string;
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // No personal data in logs: URLs are logged without their query string, no headers.
            serializers: {
              req: (req) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  const importRunners = new ImportRunners({ db: database.db, driver: database.driver });
  const clock = options.clock ?? new Clock();
  const mailer: Mailer | null = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  app.decorate('deps', {
    db: database.db,
    database: new AppDatabase(database.db),
    clock,
    config,
    driver: database.driver,
    importRunners,
    backups: new Backups(database, clock),
    mailer,
  });
  app.addHook('onClose', async () => mailer?.close());
  // Imports running in this process end before the database closes.
  app.addHook('onClose', () => importRunners.settle());
  // Stopping: the answers to the requests still in flight close their connection, so that a
  // keep-alive connection does not hold the stop until its timeout (cli/start.ts).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Only JSON bodies: a cross-site form cannot post JSON without a preflight (login CSRF).
  app.removeContentTypeParser('text/plain');

  securityHeaders(app, { strictTransportSecurity: config.cookieSecure });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Jobcoach API', version: '0.1.0', description: 'API de la plateforme Jobcoach.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(requestContext);
  // The record scope on persons, before every person-level handler (http/scope.ts).
  await app.register(personScopeGuard, { uncheckedReference: options.uncheckedReference });

  await app.register(healthRoutes);
  await app.register(setupRoutes);
  await app.register(authRoutes);
  await app.register(accountRoutes);
  await app.register(basinRoutes);
  await app.register(organisationRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(privacyRoutes);
  await app.register(trajectoryModule);
  await app.register(employerModule);
  await app.register(contractRoutes);
  await app.register(contactRoutes);
  await app.register(agendaRoutes);
  await app.register(hiringAidRoutes);
  await app.register(reportRoutes);
  await app.register(historyImportRoutes);
  await app.register(backupRoutes);
  await app.register(mailRoutes);

  await serveWeb(app, options.web === false ? '/nonexistent' : undefined);
  return app;
}
