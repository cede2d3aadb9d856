import { Module } from '@nestjs/common';
import { QueuesRepository } from './queues.repository';

/**
 * The outbox alone, without BullMQ: what a process needs to write jobs in its transactions
 * (the command line's demo seeding completes groups and never talks to Redis).
 */
@Module({ providers: [QueuesRepository], exports: [QueuesRepository] })
export class OutboxModule {}
