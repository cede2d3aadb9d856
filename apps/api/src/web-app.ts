import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `npm run build` puts the web app (dist/web), seen from dist/apps/api/src. */
export const WEB_ROOT = resolve(__dirname, '../../../web');

/**
 * Serves the built web app beside the API, so one address gives both. Files are served as they
 * are; any other GET outside /api gets index.html, so deep links such as /verify/:code work on
 * reload. Unknown /api paths keep the API's JSON 404. Only main.ts calls this: ESM Jest cannot
 * load @fastify/static, so the e2e app runs without it and a test of the built process checks it.
 */
export async function serveWebApp(app: NestFastifyApplication, root = WEB_ROOT): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    setHeaders: (reply, path) => {
      // Vite names built assets after their content: they never change under one name.
      void reply.header(
        'cache-control',
        path.includes(`${join(root, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    // The API's own 404 under /api, and a plain 404 for a missing file (an old asset name):
    // index.html in its place would fail as a script with a confusing error.
    const path = request.url.split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
