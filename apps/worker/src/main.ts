import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createPinoLogger, PinoNestLogger } from '@sheber/common';
import { loadEnvironmentOrExit } from '@sheber/config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(createPinoLogger(env.LOG_LEVEL, 'sheber-worker')),
  });
  // SIGTERM and SIGINT close the context: connections are released and running jobs finish.
  app.enableShutdownHooks();
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
