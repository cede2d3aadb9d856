import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { addDays, type Role, SYSTEM_ACTOR, todayIn } from '../../libs/common/src';
import { EnrollmentClosingService } from '../../libs/training/src';
import { freshIin } from '../factories/catalog';
import { groupThroughApi } from '../factories/groups';
import { createEmploymentCenter, signedIn } from '../factories/users';
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
  'PUT /api/auth/password': ['admin', 'staff', 'master', 'officer'],
  'GET /api/health': 'public',
  'POST /api/users': ['admin'],
  'GET /api/users': ['admin'],
  'GET /api/users/:id': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/reset-password': ['admin'],
  'GET /api/crafts': ['admin', 'staff', 'master', 'officer'],
  'POST /api/employment-centers': ['admin'],
  'GET /api/employment-centers': ['admin', 'staff'],
  'PATCH /api/employment-centers/:id': ['admin'],
  'GET /api/audit': ['admin'],
  'POST /api/courses': ['admin', 'staff'],
  'GET /api/courses': ['admin', 'staff', 'master', 'officer'],
  'GET /api/courses/:id': ['admin', 'staff', 'master', 'officer'],
  'PATCH /api/courses/:id': ['admin', 'staff'],
  'POST /api/workshops': ['admin', 'staff'],
  'GET /api/workshops': ['admin', 'staff'],
  'GET /api/workshops/:id': ['admin', 'staff'],
  'PATCH /api/workshops/:id': ['admin', 'staff'],
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
  'POST /api/trainees/:id/iin': ['admin', 'staff'],
  'POST /api/enrollments/:id/withdraw': ['admin', 'staff'],
  'GET /api/waitlist-promotions': ['admin', 'staff'],
  'POST /api/waitlist-promotions/:id/acknowledge': ['admin', 'staff'],
  'GET /api/trainees/:id/enrollments': ['admin', 'staff'],
  'GET /api/groups/:id/lessons': ['admin', 'staff', 'master'],
  'PUT /api/lessons/:id/attendance': ['admin', 'staff', 'master'],
  'GET /api/lessons/mine': ['admin', 'master'],
  'GET /api/groups/:id/attendance': ['admin', 'staff', 'master'],
  'GET /api/documents/:id': ['admin', 'staff', 'master'],
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
  'GET /api/referrals/changes': ['admin', 'officer'],
  'PUT /api/referrals/changes/seen': ['admin', 'officer'],
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

/**
 * Each route a master or an officer may call on a record of their own, called on another owner's
 * record: another master's group and lesson, another centre's referral, a certificate of someone
 * another centre referred. Each is refused by the check inside the handler (403 or 404, nothing
 * changed), while the owner's own call of the same route gets past it.
 */
const OWNED: Record<
  string,
  {
    role: 'master' | 'officer';
    record: 'group' | 'lesson' | 'referral' | 'certificate' | 'document';
  }
> = {
  'GET /api/groups/:id': { role: 'master', record: 'group' },
  'GET /api/groups/:id/enrollments': { role: 'master', record: 'group' },
  'GET /api/groups/:id/lessons': { role: 'master', record: 'group' },
  'GET /api/groups/:id/attendance': { role: 'master', record: 'group' },
  'PUT /api/lessons/:id/attendance': { role: 'master', record: 'lesson' },
  'GET /api/documents/:id': { role: 'master', record: 'document' },
  'GET /api/referrals/:id': { role: 'officer', record: 'referral' },
  'POST /api/referrals/:id/cancel': { role: 'officer', record: 'referral' },
  'PUT /api/referrals/:id/outcome': { role: 'officer', record: 'referral' },
  'GET /api/certificates/:id/pdf': { role: 'officer', record: 'certificate' },
};
/** Routes with an id that masters or officers may call on any record: the shared catalogue. */
const SHARED_RECORDS = ['GET /api/courses/:id'];

describe('role matrix: records of another owner', () => {
  let t: TestApp;
  let staff: string;
  const owners = {} as Record<'master' | 'officer', { mine: string; theirs: string }>;
  const records = {} as Record<
    'group' | 'lesson' | 'referral' | 'certificate' | 'document',
    string
  >;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
    const masterA = await signedIn(t, 'master', { crafts: ['felt'] });
    const masterB = await signedIn(t, 'master', { crafts: ['felt'] });
    owners.master = { mine: masterA.token, theirs: masterB.token };
    const centreA = (await createEmploymentCenter(t.dataSource, `Owner A ${randomUUID()}`)).id;
    const centreB = (await createEmploymentCenter(t.dataSource, `Owner B ${randomUUID()}`)).id;
    const officerA = (await signedIn(t, 'officer', { employmentCenterId: centreA })).token;
    const officerB = (await signedIn(t, 'officer', { employmentCenterId: centreB })).token;
    owners.officer = { mine: officerA, theirs: officerB };

    // Master A's running felt group, with yesterday's lesson.
    const today = todayIn('Asia/Almaty');
    const group = await groupThroughApi(t, staff, {
      craft: 'felt',
      startDate: addDays(today, -3),
      endDate: addDays(today, 3),
      masterId: masterA.id,
      start: true,
    });
    records.group = group.id;
    records.lesson = group.lessons.find((l) => l.date === addDays(today, -1))!.id;
    const api = (method: 'post' | 'put', url: string, token: string, body: object = {}) =>
      t.http()[method](url).set('authorization', `Bearer ${token}`).send(body);

    // Centre A's referral, accepted into that group, completed: its certificate is pending.
    const referred = await api('post', '/api/referrals', officerA, {
      number: `OWN-${randomUUID().slice(0, 8)}`,
      person: { iin: freshIin(), lastName: 'Қасымова', firstName: 'Әлия' },
      craft: 'felt',
    });
    expect(referred.status).toBe(201);
    records.referral = referred.body.id as string;
    const accepted = await api('post', `/api/referrals/${records.referral}/accept`, staff, {
      groupId: records.group,
    });
    expect(accepted.status).toBe(200);
    const enrollmentId = accepted.body.enrollment.id as string;
    await t.app.get(EnrollmentClosingService).completeEnrollment(SYSTEM_ACTOR, enrollmentId, {
      override: true,
      reason: 'ownership test',
    });
    const [certificate] = await t.dataSource.query<{ id: string }[]>(
      'SELECT id FROM certificates WHERE enrollment_id = $1',
      [enrollmentId],
    );
    records.certificate = certificate!.id;
    // A journal of that group being prepared (a large one would be; this group is small).
    const [document] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO documents (kind, group_id, inputs_sha256)
       VALUES ('attendance_journal', $1, repeat('0', 64)) RETURNING id`,
      [records.group],
    );
    records.document = document!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every route with an id that a master or an officer may call', () => {
    const scoped = Object.entries(MATRIX)
      .filter(
        ([route, access]) =>
          route.includes(':id') &&
          access !== 'public' &&
          (access.includes('master') || access.includes('officer')),
      )
      .map(([route]) => route);
    expect(scoped.sort()).toEqual([...Object.keys(OWNED), ...SHARED_RECORDS].sort());
  });

  const bodies: Record<string, object> = {
    'PUT /api/lessons/:id/attendance': { marks: [] },
    'PUT /api/referrals/:id/outcome': { outcome: 'employed', date: '2026-01-10' },
  };

  async function call(route: string, token: string) {
    const [method, path] = route.split(' ') as [string, string];
    const url = path.replace(':id', records[OWNED[route]!.record]);
    const request = t.http()[method.toLowerCase() as 'get' | 'post' | 'put'](url);
    void request.set('authorization', `Bearer ${token}`);
    return method === 'GET' ? request : request.send(bodies[route] ?? {});
  }

  it.each(Object.keys(OWNED).map((route) => [route]))(
    '%s on another owner’s record is refused and changes nothing',
    async (route) => {
      const { role } = OWNED[route]!;
      const before = await t.dataSource.query<{ sum: string }[]>(
        `SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS sum FROM (
           SELECT id::text, status::text FROM referrals UNION ALL
           SELECT id::text, status::text FROM attendance_marks UNION ALL
           SELECT id::text, status::text FROM certificates) r`,
      );
      const foreign = await call(route, owners[role].theirs);
      expect([403, 404]).toContain(foreign.status);
      const after = await t.dataSource.query<{ sum: string }[]>(
        `SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS sum FROM (
           SELECT id::text, status::text FROM referrals UNION ALL
           SELECT id::text, status::text FROM attendance_marks UNION ALL
           SELECT id::text, status::text FROM certificates) r`,
      );
      expect(after).toEqual(before);
      // The owner's GET of the same record passes the check (writes are left undone here).
      if (route.startsWith('GET ')) {
        const own = await call(route, owners[role].mine);
        expect([401, 403, 404]).not.toContain(own.status);
        expect(own.status).toBeLessThan(500);
      }
    },
  );
});
