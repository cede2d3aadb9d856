export * from './revoked-token.entity';
export * from './login-failure.entity';
