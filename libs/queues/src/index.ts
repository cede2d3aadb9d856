export * from './queues';
export * from './queues.module';
export * from './outbox.module';
export * from './queues.repository';
export * from './outbox-relay';
export * from './entities/outbox-message.entity';
