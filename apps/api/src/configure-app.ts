import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Logger as Pino } from 'pino';
import { Environment, trustProxyOption } from '@sheber/config';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { ApiExceptionFilter } from './common/exception.filter';
import { createValidationPipe } from './common/validation.pipe';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The Fastify adapter: JSON request logs through `logger`, request ids (taken from X-Request-Id
 * when sane), the body limit.
 */
export function createFastifyAdapter(env: Environment, logger: Pino): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    loggerInstance: logger,
    trustProxy: trustProxyOption(env),
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
}

/**
 * Everything around the routes, shared by main.ts and the e2e tests so both run the same app:
 * prefix, validation, error mapping, security headers, OpenAPI, shutdown hooks. Synchronous on
 * purpose: every Fastify plugin is registered before anything can boot Fastify (see
 * mountQueueDashboard).
 */
export function configureApp(
  app: NestFastifyApplication,
  options: { docsUi: boolean; queueDashboard: boolean } = { docsUi: true, queueDashboard: true },
): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const filter = new ApiExceptionFilter();
  app.useGlobalFilters(filter);
  // After a clean shutdown the process exits (rather than re-raising the signal), so the 'exit'
  // event flushes the logger: its last lines, "stopped on SIGTERM" among them, were lost under load.
  app.enableShutdownHooks(undefined, { useProcessExit: true });

  const fastify = app.getHttpAdapter().getInstance();
  // A request answered after the server began to close ends its connection: otherwise closing
  // waits out the keep-alive time (65 s) of the connections that carried the last requests.
  const server = app.getHttpServer();
  let listened = false;
  server.once('listening', () => (listened = true));
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (listened && !server.listening) void reply.header('connection', 'close');
  });
  // Helmet's middleware, built once: @fastify/helmet builds it again for every request.
  // See docs/decisions/0006-helmet-built-once.md.
  // HSTS only where the public address is https: over plain HTTP it means nothing to a browser,
  // and with includeSubDomains it could pin other hosts of a centre's domain to https.
  const https = new URL(app.get(Environment).PUBLIC_BASE_URL).protocol === 'https:';
  const securityHeaders = helmet({
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
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
        // A centre may serve Sheber over plain HTTP on its own network: do not force HTTPS.
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => {
      done(error instanceof Error ? error : undefined);
    });
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sheber API')
      .setDescription(
        'Management system of the Sheber crafts training centre: courses, groups, enrollment, ' +
          'attendance and completion. Errors are `{statusCode, error, code, message}`: `code` is ' +
          'stable and dotted (`group.full`), `message` is in the language of Accept-Language ' +
          '(kk, ru, en; English otherwise), and invalid input lists ' +
          '`errors: [{field, code, message, params?}]`.',
      )
      .setVersion('1')
      .addBearerAuth()
      // The web app's session (POST /api/auth/session); changes also need X-CSRF-Token.
      .addCookieAuth('sheber_session')
      .build(),
  );
  // Bull Board needs @fastify/static too (see below): only the built API mounts it.
  if (options.queueDashboard) mountQueueDashboard(app);
  // The UI's static files need @fastify/static, which ESM Jest on Node 20 cannot load: the e2e
  // tests serve the JSON document only, and a test of the built process checks the UI.
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    ui: options.docsUi,
    raw: ['json'],
  });
}
