import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signedIn } from '../factories/users';
import { createTestApp, type TestApp } from '../support/test-app';

interface Entry {
  action: string;
  entity: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  at: string;
}

describe('the audit log read by an admin', () => {
  let t: TestApp;
  let admin: { id: string; token: string; fullName: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (query: string) => {
    const response = await t
      .http()
      .get(`/api/audit?limit=100&${query}`)
      .set('authorization', `Bearer ${admin.token}`);
    expect(response.status).toBe(200);
    return response.body as { items: Entry[]; total: number };
  };

  it('names who did each change, and narrows by user, action, record and period', async () => {
    const staff = await signedIn(t, 'staff');
    const http = () => t.http();
    const reset = await http()
      .post(`/api/users/${staff.id}/reset-password`)
      .set('authorization', `Bearer ${admin.token}`);
    expect(reset.status).toBe(200);
    const renamed = await http()
      .patch(`/api/users/${staff.id}`)
      .set('authorization', `Bearer ${admin.token}`)
      .send({ fullName: 'Ахметова Гүлнар' });
    expect(renamed.status).toBe(200);

    const record = await list(`entity=user&entityId=${staff.id}`);
    expect(record.items.map((e) => e.action)).toEqual(['update', 'reset_password']);
    expect(record.items[0]).toMatchObject({ actorId: admin.id, actorName: admin.fullName });

    const resets = await list(`action=reset_password&actorId=${admin.id}`);
    expect(resets.total).toBe(1);
    expect(resets.items[0]).toMatchObject({ entity: 'user', entityId: staff.id });

    // The period is in the centre's days: an entry of today is in today, not in yesterday.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(
      new Date(Date.now() - 86_400_000),
    );
    expect((await list(`entityId=${staff.id}&from=${today}&to=${today}`)).total).toBe(2);
    expect((await list(`entityId=${staff.id}&to=${yesterday}`)).total).toBe(0);
    expect((await list(`entityId=${staff.id}&from=${today}`)).total).toBe(2);
  });

  it('shows the system as no one, and refuses a malformed filter naming it', async () => {
    await t.dataSource.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id)
       VALUES (NULL, 'system', 'seed_check', 'user', 'system-entry')`,
    );
    const system = await list('entityId=system-entry');
    expect(system.items).toEqual([
      expect.objectContaining({ actorId: null, actorName: null, action: 'seed_check' }),
    ]);
    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['action=Drop%20table', 'action'],
      ['actorId=nobody', 'actorId'],
    ] as const) {
      const refused = await t
        .http()
        .get(`/api/audit?${query}`)
        .set('authorization', `Bearer ${admin.token}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });
});
