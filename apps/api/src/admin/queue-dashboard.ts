import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '@sheber/auth';
import { CERTIFICATE_QUEUE, DOCUMENT_QUEUE } from '@sheber/queues';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

function refuse(reply: FastifyReply, statusCode: 401 | 403, message: string): FastifyReply {
  return reply
    .status(statusCode)
    .send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message });
}

/**
 * Bull Board, the queue dashboard, for admins at /api/admin/queues. It is a Fastify plugin, not a
 * Nest controller, so the global AuthGuard never sees its routes: a hook of its own checks the
 * bearer token with the same AuthService, before any of them runs.
 *
 * Registered at once, with no await before it: Fastify waits for a plugin registered before it
 * boots, but refuses one registered after (AVV_ERR_ROOT_PLG_BOOTED), so the slow imports run
 * inside the plugin, never between configureApp's other registrations and Fastify's boot.
 */
export function mountQueueDashboard(app: NestFastifyApplication): void {
  const queues = [CERTIFICATE_QUEUE, DOCUMENT_QUEUE].map((name) =>
    app.get<Queue>(getQueueToken(name)),
  );
  const auth = app.get(AuthService);

  void app
    .getHttpAdapter()
    .getInstance()
    .register(async (scope) => {
      // Imported here, only when mounted: @bull-board/fastify needs @fastify/static, which ESM
      // Jest on Node 20 cannot load (docs/DEVELOPMENT.md); the tests check it through the built
      // API.
      const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
        import('@bull-board/api'),
        import('@bull-board/api/bullMQAdapter'),
        import('@bull-board/fastify'),
      ]);
      const board = new FastifyAdapter();
      board.setBasePath(QUEUE_DASHBOARD_PATH);
      createBullBoard({
        queues: queues.map((queue) => new BullMQAdapter(queue)),
        serverAdapter: board,
      });

      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const [scheme, token] = (request.headers.authorization ?? '').split(' ');
        if (scheme?.toLowerCase() !== 'bearer' || !token)
          return refuse(reply, 401, 'Sign in first: this route needs an access token');
        try {
          const user = await auth.authenticate(token);
          if (user.role !== 'admin') return refuse(reply, 403, 'Your role may not do this');
          if (user.passwordChangeRequired) {
            return refuse(reply, 403, 'Set a new password first');
          }
        } catch (error) {
          return refuse(reply, 401, error instanceof Error ? error.message : 'Sign in first');
        }
        return undefined;
      });
      await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
    });
}
