import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Environment } from '@sheber/config';
import { OutboxModule } from './outbox.module';
import { OutboxRelay } from './outbox-relay';
import { CERTIFICATE_QUEUE, DOCUMENT_QUEUE } from './queues';

/**
 * BullMQ on the process's Redis, with the installation's key prefix, the queues, and the relay
 * that queues what the outbox holds (run by the worker only).
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        connection: {
          url: env.REDIS_URL,
          maxRetriesPerRequest: null,
          // Reconnect forever, at most 2 s apart (BullMQ's own default backs off to 20 s), so a
          // worker takes jobs again within seconds of Redis coming back. Requests never wait on
          // this connection: see OutboxRelay and CertificatesService.queueWithoutWaiting.
          retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
        },
        prefix: `${env.REDIS_PREFIX}:bull`,
      }),
    }),
    BullModule.registerQueue({
      name: CERTIFICATE_QUEUE,
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: true,
        removeOnFail: 1000,
      },
    }),
    BullModule.registerQueue({
      name: DOCUMENT_QUEUE,
      defaultJobOptions: {
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: true,
        removeOnFail: 1000,
      },
    }),
    OutboxModule,
  ],
  providers: [OutboxRelay],
  exports: [BullModule, OutboxModule, OutboxRelay],
})
export class QueuesModule {}
