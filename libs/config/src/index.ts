export * from './environment';
export * from './config.module';
export * from './public-address';
