// Mounts the built queue dashboard on a bare Fastify and boots Fastify at once, without waiting
// for the mount: the dashboard must load all the same. A plugin registered only after an await
// is refused once something (listen, inject, close) has booted Fastify: AVV_ERR_ROOT_PLG_BOOTED.
// Prints the status of an unauthenticated dashboard request: 401 when the dashboard is mounted.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fastify = require('fastify');
const { getQueueToken } = require('@nestjs/bullmq');
const { AuthService } = require('../../dist/libs/auth/src/index.js');
const { mountQueueDashboard } = require('../../dist/apps/api/src/admin/queue-dashboard.js');

const instance = fastify();
// Just what Bull Board's BullMQ adapter checks; no request here reaches a queue or AuthService.
const fakeQueue = (name) => ({ name, metaValues: { version: 'bullmq:test' } });
const app = {
  getHttpAdapter: () => ({ getInstance: () => instance }),
  get: (token) => {
    if (token === AuthService) return { authenticate: () => Promise.reject(new Error('no')) };
    for (const name of ['certificates', 'documents'])
      if (token === getQueueToken(name)) return fakeQueue(name);
    throw new Error(`unexpected token ${String(token)}`);
  },
};

const mounted = mountQueueDashboard(app);
const response = await instance.inject({ method: 'GET', url: '/api/admin/queues' });
await mounted;
process.stdout.write(`${response.statusCode}\n`);
await instance.close();
