import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createCourse, createGroup, createWorkshop, MON_WED_MORNING } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Workshops are records (name, craft, workplaces) that groups are held in: two unfinished groups
 * never share one at overlapping times, whoever asks first, and a group never outgrows one.
 */
describe('workshops', () => {
  let t: TestApp;
  let staff: string;
  let pottery: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
    pottery = (await createCourse(t.dataSource, { craft: 'pottery' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, body: object, language?: string) => {
    const request = t.http().post(path).set(bearer(staff));
    if (language) void request.set('accept-language', language);
    return request.send(body);
  };
  const patch = (path: string, body: object, language?: string) => {
    const request = t.http().patch(path).set(bearer(staff));
    if (language) void request.set('accept-language', language);
    return request.send(body);
  };
  const groupBody = (workshopId: string | null, overrides: object = {}) => ({
    courseId: pottery,
    code: `WS-${randomUUID().slice(0, 8)}`,
    workshopId,
    startDate: '2027-03-01',
    endDate: '2027-05-28',
    schedule: MON_WED_MORNING,
    capacity: 6,
    ...overrides,
  });
  const groupsIn = async (workshopId: string): Promise<number> => {
    const [row] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM groups WHERE workshop_id = $1',
      [workshopId],
    );
    return row!.n;
  };

  it('creates, lists by name, renames and retires a workshop, each change in the audit log', async () => {
    const name = `Қыш шеберханасы ${randomUUID().slice(0, 6)}`;
    const created = await post('/api/workshops', {
      name: `  ${name} `,
      craft: 'pottery',
      workplaces: 6,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, craft: 'pottery', workplaces: 6, active: true });
    const id = created.body.id as string;

    const taken = await post(
      '/api/workshops',
      { name: name.toUpperCase(), craft: 'felt', workplaces: 4 },
      'kk',
    );
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'workshop.name_taken',
      message: 'Мұндай атауы бар шеберхана бұрыннан бар',
    });

    const list = await t.http().get('/api/workshops?craft=pottery&limit=100').set(bearer(staff));
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: { id: string }) => w.id)).toContain(id);

    const renamed = await patch(`/api/workshops/${id}`, { name: `${name} (жаңа)`, workplaces: 8 });
    expect(renamed.status).toBe(200);
    const retired = await patch(`/api/workshops/${id}`, { active: false });
    expect(retired.body).toMatchObject({ name: `${name} (жаңа)`, workplaces: 8, active: false });
    const active = await t.http().get('/api/workshops?active=true&limit=100').set(bearer(staff));
    expect(active.body.items.map((w: { id: string }) => w.id)).not.toContain(id);

    const audit = await t.dataSource.query<{ action: string; changes: Record<string, unknown> }[]>(
      `SELECT action, changes FROM audit_log WHERE entity = 'workshop' AND entity_id = $1
        ORDER BY id`,
      [id],
    );
    expect(audit).toEqual([
      { action: 'create', changes: { name, craft: 'pottery', workplaces: 6, active: true } },
      {
        action: 'update',
        changes: {
          name: { from: name, to: `${name} (жаңа)` },
          workplaces: { from: 6, to: 8 },
        },
      },
      { action: 'update', changes: { active: { from: true, to: false } } },
    ]);
  });

  it.each([
    ['no name', { craft: 'pottery', workplaces: 4 }, 'name'],
    ['a blank name', { name: '   ', craft: 'pottery', workplaces: 4 }, 'name'],
    ['an over-long name', { name: 'x'.repeat(101), craft: 'pottery', workplaces: 4 }, 'name'],
    ['an unknown craft', { name: 'Шыны', craft: 'glass', workplaces: 4 }, 'craft'],
    ['no workplaces', { name: 'Бос', craft: 'pottery', workplaces: 0 }, 'workplaces'],
    ['31 workplaces', { name: 'Үлкен', craft: 'pottery', workplaces: 31 }, 'workplaces'],
    ['workplaces as text', { name: 'Мәтін', craft: 'pottery', workplaces: '4' }, 'workplaces'],
  ])(
    'refuses a workshop with %s (400 naming the field, in Russian, nothing written)',
    async (_, body, field) => {
      const [before] = await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM workshops',
      );
      const response = await post('/api/workshops', body, 'ru');
      expect(response.status).toBe(400);
      const error = (response.body.errors as { field: string; message: string }[]).find(
        (e) => e.field === field,
      );
      expect(error?.message).toMatch(/[А-Яа-яЁё]/);
      const [after] = await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM workshops',
      );
      expect(after).toEqual(before);
    },
  );

  it('refuses a group at an overlapping time in the same workshop with 409 naming the other group', async () => {
    const workshop = await createWorkshop(t.dataSource);
    const first = await post('/api/groups', groupBody(workshop.id));
    expect(first.status).toBe(201);

    // Mondays 11:00–12:00 meet the first group's Monday 10:00–13:00.
    const clash = await post(
      '/api/groups',
      groupBody(workshop.id, {
        startDate: '2027-04-01',
        endDate: '2027-06-30',
        schedule: [{ weekday: 1, startTime: '11:00', endTime: '12:00' }],
      }),
      'kk',
    );
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      code: 'workshop.busy',
      params: {
        workshop: workshop.name,
        group: first.body.code,
        from: '2027-03-01',
        to: '2027-05-28',
      },
      message: `«${workshop.name}» шеберханасы осы уақытта ${first.body.code} тобына берілген (2027-03-01 – 2027-05-28)`,
    });

    // The afternoon, another weekday, or after the first ends: free.
    for (const free of [
      { schedule: [{ weekday: 1, startTime: '13:00', endTime: '16:00' }] },
      { schedule: [{ weekday: 2, startTime: '10:00', endTime: '13:00' }] },
      { startDate: '2027-05-29', endDate: '2027-07-30' },
    ]) {
      const response = await post('/api/groups', groupBody(workshop.id, free));
      expect([free, response.status]).toEqual([free, 201]);
    }
    expect(await groupsIn(workshop.id)).toBe(4);
  });

  it('checks a group moved into a workshop or given new times there, and a cancelled group frees it', async () => {
    const workshop = await createWorkshop(t.dataSource);
    const holder = await post('/api/groups', groupBody(workshop.id));
    const elsewhere = await post('/api/groups', groupBody(null));
    expect([holder.status, elsewhere.status]).toEqual([201, 201]);

    const moved = await patch(
      `/api/groups/${elsewhere.body.id}`,
      { workshopId: workshop.id },
      'ru',
    );
    expect(moved.status).toBe(409);
    expect(moved.body).toMatchObject({
      code: 'workshop.busy',
      params: { group: holder.body.code },
      message: `Мастерская «${workshop.name}» в это время занята группой ${holder.body.code} (2027-03-01 – 2027-05-28)`,
    });

    // Moved to the afternoon, then into the workshop: fine; back to the morning there: refused.
    const afternoon = [{ weekday: 1, startTime: '14:00', endTime: '17:00' }];
    expect((await patch(`/api/groups/${elsewhere.body.id}`, { schedule: afternoon })).status).toBe(
      200,
    );
    const inside = await patch(`/api/groups/${elsewhere.body.id}`, { workshopId: workshop.id });
    expect(inside.status).toBe(200);
    expect(inside.body.workshop).toEqual({ id: workshop.id, name: workshop.name, workplaces: 8 });
    // The group's audit row names the workshop as staff know it.
    const [audited] = await t.dataSource.query<{ changes: Record<string, unknown> }[]>(
      `SELECT changes FROM audit_log WHERE entity = 'group' AND entity_id = $1
        ORDER BY id DESC LIMIT 1`,
      [elsewhere.body.id],
    );
    expect(audited!.changes).toEqual({ workshop: { from: null, to: workshop.name } });
    const back = await patch(`/api/groups/${elsewhere.body.id}`, { schedule: MON_WED_MORNING });
    expect(back.status).toBe(409);
    expect(back.body.params.group).toBe(holder.body.code);

    // Once the holder is cancelled, the morning is free.
    expect((await post(`/api/groups/${holder.body.id}/cancel`, {})).status).toBe(200);
    const again = await patch(`/api/groups/${elsewhere.body.id}`, { schedule: MON_WED_MORNING });
    expect(again.status).toBe(200);
  });

  it('refuses a retired workshop, another craft’s workshop and more seats than workplaces', async () => {
    const retired = await createWorkshop(t.dataSource, { active: false });
    const felt = await createWorkshop(t.dataSource, { craft: 'felt' });
    const small = await createWorkshop(t.dataSource, { workplaces: 4 });
    const missing = randomUUID();
    const refusals = [
      [await post('/api/groups', groupBody(retired.id)), 'workshop.retired'],
      [await post('/api/groups', groupBody(felt.id)), 'workshop.other_craft'],
      [
        await post('/api/groups', groupBody(small.id, { capacity: 6 })),
        'workshop.too_few_workplaces',
      ],
      [
        await post('/api/groups', groupBody(small.id, { capacity: undefined })),
        'workshop.too_few_workplaces',
      ],
    ] as const;
    for (const [response, code] of refusals) {
      expect([code, response.status, response.body.code]).toEqual([code, 409, code]);
    }
    const unknown = await post('/api/groups', groupBody(missing));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({
      field: 'workshopId',
      code: 'workshop.not_found',
    });
    expect(
      (await groupsIn(retired.id)) + (await groupsIn(felt.id)) + (await groupsIn(small.id)),
    ).toBe(0);

    // A group of 4 fits the small workshop; raising it to 5 there does not.
    const fits = await post('/api/groups', groupBody(small.id, { capacity: 4 }));
    expect(fits.status).toBe(201);
    const larger = await patch(`/api/groups/${fits.body.id}`, { capacity: 5 }, 'kk');
    expect(larger.status).toBe(409);
    expect(larger.body.message).toBe(
      `«${small.name}» шеберханасында 4 жұмыс орны бар: 5 орындық топ сыймайды`,
    );
  });

  it('keeps a workshop’s groups fitting when the workshop changes', async () => {
    const workshop = await createWorkshop(t.dataSource);
    const group = await post('/api/groups', groupBody(workshop.id, { capacity: 6 }));
    expect(group.status).toBe(201);
    const fewer = await patch(`/api/workshops/${workshop.id}`, { workplaces: 5 });
    expect(fewer.status).toBe(409);
    expect(fewer.body).toMatchObject({
      code: 'workshop.too_few_workplaces',
      params: { group: group.body.code, capacity: 6, workplaces: 5 },
    });
    const craft = await patch(`/api/workshops/${workshop.id}`, { craft: 'felt' });
    expect(craft.status).toBe(409);
    expect(craft.body).toMatchObject({
      code: 'workshop.craft_in_use',
      params: { group: group.body.code },
    });
    // Retiring keeps the group there; its times may still change.
    expect((await patch(`/api/workshops/${workshop.id}`, { active: false })).status).toBe(200);
    const later = await patch(`/api/groups/${group.body.id}`, { endDate: '2027-06-30' });
    expect(later.status).toBe(200);
    expect(later.body.workshop.id).toBe(workshop.id);
    const [row] = await t.dataSource.query<{ workplaces: number; craft: string }[]>(
      'SELECT workplaces, craft FROM workshops WHERE id = $1',
      [workshop.id],
    );
    expect(row).toEqual({ workplaces: 8, craft: 'pottery' });
  });

  it('of ten overlapping groups asked for one workshop at once, exactly one is created', async () => {
    const workshop = await createWorkshop(t.dataSource);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post('/api/groups', groupBody(workshop.id))),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(9).fill(409)]);
    expect(
      responses.filter((r) => r.status === 409).every((r) => r.body.code === 'workshop.busy'),
    ).toBe(true);
    expect(await groupsIn(workshop.id)).toBe(1);
  });

  it('of groups moved into one workshop at once, and one created there, only one holds the time', async () => {
    const workshop = await createWorkshop(t.dataSource);
    const movers = await Promise.all(
      Array.from({ length: 5 }, () =>
        createGroup(t.dataSource, { courseId: pottery, status: 'planned' }),
      ),
    );
    const responses = await Promise.all([
      ...movers.map((g) => patch(`/api/groups/${g.id}`, { workshopId: workshop.id })),
      post(
        '/api/groups',
        groupBody(workshop.id, { startDate: '2026-09-01', endDate: '2026-12-20' }),
      ),
    ]);
    expect(responses.filter((r) => r.status < 300)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(5);
    expect(await groupsIn(workshop.id)).toBe(1);
  });
});
