export * from './data-source-options';
export * from './database.module';
export * from './entities';
export * from './postgres-errors';
export * from './sql';
export * from './row-count';
export * from './unavailable';
