import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../libs/common/src';
import { signedIn } from '../factories/users';
import { createTestApp, type TestApp } from '../support/test-app';

type Access = 'public' | Role[];

/**
 * Every route of the API and who may call it. The test below reads the routes from the running
 * app and fails when a route is missing here: a new route cannot escape the matrix.
 * Admin may call every route; a route that declares no roles is admin-only.
 */
const MATRIX: Record<string, Access> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/session': 'public',
  'DELETE /api/auth/session': 'public',
  'GET /api/auth/me': ['admin', 'staff', 'master', 'officer'],
  'GET /api/health': 'public',
  'POST /api/users': ['admin'],
  'GET /api/users': ['admin'],
  'GET /api/users/:id': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'GET /api/crafts': ['admin', 'staff', 'master', 'officer'],
  'POST /api/employment-centers': ['admin'],
  'GET /api/employment-centers': ['admin', 'staff'],
  'GET /api/audit': ['admin'],
  'POST /api/courses': ['admin', 'staff'],
  'GET /api/courses': ['admin', 'staff', 'master', 'officer'],
  'GET /api/courses/:id': ['admin', 'staff', 'master', 'officer'],
  'PATCH /api/courses/:id': ['admin', 'staff'],
  'GET /api/masters': ['admin', 'staff'],
  'POST /api/groups': ['admin', 'staff'],
  'GET /api/groups': ['admin', 'staff', 'master'],
  'GET /api/groups/:id': ['admin', 'staff', 'master'],
  'PATCH /api/groups/:id': ['admin', 'staff'],
  'PUT /api/groups/:id/master': ['admin', 'staff'],
  'POST /api/groups/:id/open': ['admin', 'staff'],
  'POST /api/groups/:id/start': ['admin', 'staff'],
  'POST /api/groups/:id/complete': ['admin', 'staff'],
  'POST /api/groups/:id/cancel': ['admin', 'staff'],
  'POST /api/groups/:id/certificates': ['admin', 'staff'],
  'GET /api/groups/:id/completion-preview': ['admin', 'staff'],
  'POST /api/groups/:id/reopen': ['admin'],
  'POST /api/groups/:id/certificates/revoke': ['admin'],
  'GET /api/groups/:id/certificates/pdf': ['admin', 'staff'],
  'POST /api/groups/:id/enrollments': ['admin', 'staff'],
  'GET /api/groups/:id/enrollments': ['admin', 'staff', 'master'],
  'POST /api/trainees': ['admin', 'staff'],
  'GET /api/trainees': ['admin', 'staff'],
  'GET /api/trainees/:id': ['admin', 'staff'],
  'PATCH /api/trainees/:id': ['admin', 'staff'],
  'POST /api/enrollments/:id/withdraw': ['admin', 'staff'],
  'GET /api/trainees/:id/enrollments': ['admin', 'staff'],
  'GET /api/groups/:id/lessons': ['admin', 'staff', 'master'],
  'PUT /api/lessons/:id/attendance': ['admin', 'staff', 'master'],
  'GET /api/groups/:id/attendance': ['admin', 'staff', 'master'],
  'POST /api/enrollments/:id/complete': ['admin', 'staff'],
  'GET /api/holidays': ['admin', 'staff', 'master', 'officer'],
  'POST /api/holidays': ['admin', 'staff'],
  'DELETE /api/holidays/:date': ['admin', 'staff'],
  'GET /api/certificates': ['admin', 'staff'],
  'GET /api/certificates/:id': ['admin', 'staff'],
  'GET /api/certificates/:id/pdf': ['admin', 'staff', 'officer'],
  'POST /api/certificates/:id/revoke': ['admin'],
  'POST /api/certificates/:id/reissue': ['admin'],
  'GET /api/public/certificates/:code': 'public',
  'POST /api/referrals': ['admin', 'officer'],
  'GET /api/referrals': ['admin', 'staff', 'officer'],
  'GET /api/referrals/report': ['admin', 'staff', 'officer'],
  'GET /api/referrals/:id': ['admin', 'staff', 'officer'],
  'POST /api/referrals/:id/accept': ['admin', 'staff'],
  'POST /api/referrals/:id/reject': ['admin', 'staff'],
  'POST /api/referrals/:id/cancel': ['admin', 'officer'],
  'PUT /api/referrals/:id/outcome': ['admin', 'staff', 'officer'],
};

const ROLES: Role[] = ['admin', 'staff', 'master', 'officer'];

function discoverRoutes(t: TestApp): string[] {
  const modules = t.app.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const routes: string[] = [];
  const controllers = [...modules.values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const full = ['api', base, path]
        .map((part) => part.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/');
      routes.push(`${RequestMethod[method]} /${full}`);
    }
  }
  return routes.sort();
}

describe('role matrix', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) tokens[role] = (await signedIn(t, role)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every route of the app, and only those', () => {
    expect(discoverRoutes(t)).toEqual(Object.keys(MATRIX).sort());
  });

  function call(route: string, token?: string) {
    const [method, path] = route.split(' ') as [string, string];
    const url = path.replace(/:[a-zA-Z]+/g, randomUUID());
    const agent = t.http();
    const request =
      method === 'GET'
        ? agent.get(url)
        : method === 'POST'
          ? agent.post(url)
          : method === 'PATCH'
            ? agent.patch(url)
            : method === 'PUT'
              ? agent.put(url)
              : agent.delete(url);
    if (token) void request.set('authorization', `Bearer ${token}`);
    // An empty body: an allowed role then gets 400/404/422, never 401/403.
    return method === 'GET' ? request : request.send({});
  }

  const protectedRoutes = Object.entries(MATRIX).filter(([, access]) => access !== 'public');

  it.each(protectedRoutes.map(([route]) => [route]))(
    '%s refuses a caller without a token (401)',
    async (route) => {
      const response = await call(route);
      expect(response.status).toBe(401);
    },
  );

  const cases = protectedRoutes.flatMap(([route, access]) =>
    ROLES.map((role) => [route, role, (access as Role[]).includes(role)] as const),
  );

  it.each(cases)('%s as %s: allowed=%s', async (route, role, allowed) => {
    const response = await call(route, tokens[role]);
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    }
  });

  it.each(
    Object.entries(MATRIX)
      .filter(([, access]) => access === 'public')
      .map(([route]) => [route]),
  )('%s needs no token', async (route) => {
    const response = await call(route);
    expect([401, 403]).not.toContain(response.status);
  });
});
