import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPinoLogger, PinoNestLogger } from '@sheber/common';
import { loadEnvironmentOrExit } from '@sheber/config';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './configure-app';
import { serveWebApp, WEB_ROOT } from './web-app';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const logger = createPinoLogger(env.LOG_LEVEL, 'sheber-api');
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    createFastifyAdapter(env, logger),
    { logger: new PinoNestLogger(logger) },
  );
  configureApp(app);
  if (!(await serveWebApp(app))) {
    logger.warn(`No web app in ${WEB_ROOT}: serving the API only (npm run build builds both)`);
  }
  await app.listen({ port: env.PORT, host: env.HOST });
  app.getHttpServer().keepAliveTimeout = 65_000;
}

void bootstrap();
