import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { createPinoLogger, PinoNestLogger } from '@sheber/common';
import { loadEnvironmentOrExit, loopbackAddressWarning } from '@sheber/config';
import { WorkerModule } from './worker.module';

// A worker's heap holds Nest, TypeORM and BullMQ. In a heap that size V8 starts allocating the
// renderer's short-lived objects straight in the old generation ("pretenuring"), and every render
// costs more. See docs/decisions/0005-worker-no-pretenuring.md.
// The flag is read by the collector as it runs, so setting it here, before any job, is enough.
setFlagsFromString('--no-allocation-site-pretenuring');

async function bootstrap(): Promise<void> {
  const env = loadEnvironmentOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new PinoNestLogger(createPinoLogger(env.LOG_LEVEL, 'sheber-worker')),
  });
  // SIGTERM and SIGINT close the context: connections are released and running jobs finish.
  // After a clean shutdown the process exits (rather than re-raising the signal), so the 'exit'
  // event flushes the logger: its last lines, "stopped on SIGTERM" among them, were lost under load.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  // The worker prints the QR codes: say once, at start, when they would lead nowhere.
  const warning = loopbackAddressWarning(env.PUBLIC_BASE_URL);
  if (warning) new Logger('Worker').warn(warning);
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
