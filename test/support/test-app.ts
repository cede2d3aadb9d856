import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp, createFastifyAdapter } from '../../apps/api/src/configure-app';
import { createPinoLogger } from '../../libs/common/src';
import { validateEnvironment } from '../../libs/config/src';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => supertest.Agent;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/**
 * The real API (same module, same configureApp as main.ts) on this worker's database and Redis.
 * `env` overrides environment variables for this app only, e.g. a closed Redis port.
 */

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const saved = { ...process.env };
  // Each app gets Redis keys of its own, so that one test's rate limits never reach another's.
  // A random part, not a counter: jest loads this module anew for each test file, so a counter
  // would hand the next file of the same worker the Redis keys (rate limits) of the last one.
  process.env.REDIS_PREFIX = `${saved.REDIS_PREFIX}_${randomBytes(3).toString('hex')}`;
  Object.assign(process.env, env);
  try {
    const environment = validateEnvironment(process.env);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      createFastifyAdapter(environment, createPinoLogger(environment.LOG_LEVEL, 'sheber-api-test')),
      { logger: false },
    );
    configureApp(app, { docsUi: false, queueDashboard: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const dataSource = app.get(DataSource);
    return {
      app,
      http: () => supertest.agent(app.getHttpServer()),
      dataSource,
      close: () => app.close(),
    };
  } finally {
    process.env = saved;
  }
}
