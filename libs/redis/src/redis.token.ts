/** Injection token of the process's ioredis client. */
export const REDIS = Symbol('REDIS');
