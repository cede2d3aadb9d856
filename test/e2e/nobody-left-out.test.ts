import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CertificateIssuer } from '../../libs/certificates/src';
import { addDays, todayIn } from '../../libs/common/src';
import { createCourse, createGroup, createTrainee, freshIin } from '../factories/catalog';
import { createEmploymentCenter, signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

const ZONE = 'Asia/Almaty';
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '00:00',
  endTime: '00:30',
}));

interface Promotion {
  id: string;
  enrollmentId: string;
  trainee: { id: string; lastName: string; phone: string | null; guardianPhone: string | null };
  group: { id: string; code: string };
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

interface Change {
  referralId: string;
  number: string;
  change: string;
  groupCode: string | null;
  certificateNumber: string | null;
}

describe('nobody left out: promotions, referral changes, intake without a group', () => {
  let t: TestApp;
  let staff: { id: string; fullName: string; token: string };
  const storage = mkdtempSync(path.join(tmpdir(), 'sheber-nobody-left-out-'));
  // The centre's date when each test starts (the day may turn between tests).
  let today: string;
  beforeEach(() => {
    today = todayIn(ZONE);
  });

  beforeAll(async () => {
    t = await createTestApp({ CERTIFICATE_STORAGE_DIR: storage });
    staff = await signedIn(t, 'staff');
  });
  afterAll(async () => {
    await t.close();
    rmSync(storage, { recursive: true, force: true });
  });

  const enroll = async (groupId: string, traineeId: string) => {
    const response = await t
      .http()
      .post(`/api/groups/${groupId}/enrollments`)
      .set(bearer(staff.token))
      .send({ traineeId });
    expect(response.status).toBe(201);
    return response.body as { id: string; status: string };
  };
  const unacknowledged = async () => {
    const response = await t
      .http()
      .get('/api/waitlist-promotions?limit=100')
      .set(bearer(staff.token));
    expect(response.status).toBe(200);
    return response.body as { items: Promotion[]; total: number };
  };

  describe('waitlist promotions', () => {
    it('names who moved up with the phone, keeps it until acknowledged, and audits who did', async () => {
      const group = await createGroup(t.dataSource, { capacity: 1 });
      const seated = await createTrainee(t.dataSource, { lastName: 'Серікова' });
      const waiting = await createTrainee(t.dataSource, {
        lastName: 'Құдайбергенов',
        firstName: 'Ерлан',
        phone: '+7 701 555 1234',
      });
      const seat = await enroll(group.id, seated.id);
      expect((await enroll(group.id, waiting.id)).status).toBe('waitlisted');

      const withdrawn = await t
        .http()
        .post(`/api/enrollments/${seat.id}/withdraw`)
        .set(bearer(staff.token))
        .send({ reason: 'жұмысқа тұрды' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({
        status: 'withdrawn',
        promoted: [
          {
            trainee: { id: waiting.id, lastName: 'Құдайбергенов', phone: '+7 701 555 1234' },
            group: { id: group.id, code: group.code },
            acknowledgedAt: null,
          },
        ],
      });
      const promotion = (withdrawn.body as { promoted: Promotion[] }).promoted[0]!;

      // Kept in the database: the dashboard's list has it until someone acknowledges it.
      const listed = await unacknowledged();
      expect(listed.items.map((p) => p.id)).toContain(promotion.id);

      const acknowledged = await t
        .http()
        .post(`/api/waitlist-promotions/${promotion.id}/acknowledge`)
        .set(bearer(staff.token));
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body).toMatchObject({
        id: promotion.id,
        acknowledgedAt: expect.any(String),
        acknowledgedBy: staff.fullName,
      });
      expect((await unacknowledged()).items.map((p) => p.id)).not.toContain(promotion.id);

      const again = await t
        .http()
        .post(`/api/waitlist-promotions/${promotion.id}/acknowledge`)
        .set(bearer(staff.token))
        .set('Accept-Language', 'ru');
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'promotion.already_acknowledged',
        message: 'Этот перевод уже отметил другой сотрудник',
      });
      const unknown = await t
        .http()
        .post(`/api/waitlist-promotions/${randomUUID()}/acknowledge`)
        .set(bearer(staff.token));
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('promotion.not_found');

      const [audit] = await t.dataSource.query<{ actor_id: string; action: string }[]>(
        `SELECT actor_id, action FROM audit_log WHERE entity = 'waitlist_promotion' AND entity_id = $1`,
        [promotion.id],
      );
      expect(audit).toEqual({ actor_id: staff.id, action: 'acknowledge' });
    });

    it('says nothing was promoted when a waitlisted trainee leaves, or nobody waits', async () => {
      const group = await createGroup(t.dataSource, { capacity: 1 });
      const seat = await enroll(group.id, (await createTrainee(t.dataSource)).id);
      const waiting = await enroll(group.id, (await createTrainee(t.dataSource)).id);
      const leaving = await t
        .http()
        .post(`/api/enrollments/${waiting.id}/withdraw`)
        .set(bearer(staff.token))
        .send({ reason: 'ауырып қалды' });
      expect(leaving.body).toMatchObject({ status: 'withdrawn', promoted: [] });
      const last = await t
        .http()
        .post(`/api/enrollments/${seat.id}/withdraw`)
        .set(bearer(staff.token))
        .send({ reason: 'көшіп кетті' });
      expect(last.body).toMatchObject({ status: 'withdrawn', promoted: [] });
    });

    it('keeps the promotions of seats added to a group as well', async () => {
      const group = await createGroup(t.dataSource, { capacity: 1 });
      await enroll(group.id, (await createTrainee(t.dataSource)).id);
      const minor = await createTrainee(t.dataSource, {
        lastName: 'Әбенова',
        guardianName: 'Әбенова Гүлнар',
        guardianPhone: '+7 702 000 1122',
      });
      const waiting = await enroll(group.id, minor.id);
      const changed = await t
        .http()
        .patch(`/api/groups/${group.id}`)
        .set(bearer(staff.token))
        .send({ capacity: 2 });
      expect(changed.status).toBe(200);
      const found = (await unacknowledged()).items.find((p) => p.enrollmentId === waiting.id);
      expect(found).toMatchObject({
        trainee: { lastName: 'Әбенова', guardianPhone: '+7 702 000 1122' },
        group: { code: group.code },
      });
    });
  });

  describe('referrals: intake without a group and the officer’s changes', () => {
    let centre: string;
    let officer: string;
    let otherOfficer: string;
    let serial = 0;

    beforeAll(async () => {
      centre = (await createEmploymentCenter(t.dataSource, `Шахтинск ${randomUUID()}`)).id;
      const other = (await createEmploymentCenter(t.dataSource, `Балқаш ${randomUUID()}`)).id;
      officer = (await signedIn(t, 'officer', { employmentCenterId: centre })).token;
      otherOfficer = (await signedIn(t, 'officer', { employmentCenterId: other })).token;
    });

    const refer = async (token = officer) => {
      const response = await t
        .http()
        .post('/api/referrals')
        .set(bearer(token))
        .send({
          number: `ЖО-${(serial += 1)}-${randomUUID().slice(0, 6)}`,
          person: {
            iin: freshIin(),
            lastName: 'Жұмабаева',
            firstName: 'Әйгерім',
            phone: '+7 701 234 5678',
          },
          craft: 'leather',
          note: 'Тері өңдеуге қызығады',
        });
      expect(response.status).toBe(201);
      return response.body as { id: string; number: string };
    };
    const accept = (id: string, groupId?: string) =>
      t
        .http()
        .post(`/api/referrals/${id}/accept`)
        .set(bearer(staff.token))
        .send(groupId ? { groupId } : {});
    const changes = async (token = officer) => {
      const response = await t.http().get('/api/referrals/changes').set(bearer(token));
      expect(response.status).toBe(200);
      return response.body as { until: string; lastLookedAt: string | null; items: Change[] };
    };
    const seen = async (until?: string) => {
      const response = await t
        .http()
        .put('/api/referrals/changes/seen')
        .set(bearer(officer))
        .send(until ? { until } : {});
      expect(response.status).toBe(200);
      return response.body as { lastLookedAt: string };
    };
    const kindsOf = (list: Change[], referralId: string) =>
      list.filter((c) => c.referralId === referralId).map((c) => c.change);

    it('accepts a referral without a group; it waits as accepted until a group opens', async () => {
      const referral = await refer();
      const accepted = await accept(referral.id);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', enrollment: null });
      expect(accepted.body.traineeId).toEqual(expect.any(String));

      const waiting = await t
        .http()
        .get(`/api/referrals?status=accepted&employmentCenterId=${centre}&limit=100`)
        .set(bearer(staff.token));
      expect((waiting.body.items as { id: string }[]).map((r) => r.id)).toContain(referral.id);

      // A group of the craft opens: the waiting referral is enrolled from `accepted`.
      const course = await createCourse(t.dataSource, { craft: 'leather', title: 'Тері бұйымдар' });
      const group = await createGroup(t.dataSource, { courseId: course.id });
      const enrolled = await accept(referral.id, group.id);
      expect(enrolled.status).toBe(200);
      expect(enrolled.body).toMatchObject({
        status: 'enrolled',
        traineeId: accepted.body.traineeId,
        enrollment: { status: 'active', group: { id: group.id } },
      });
    });

    it('shows an officer what changed since the last look, and only the own centre', async () => {
      await seen();
      const referral = await refer();
      expect(kindsOf((await changes()).items, referral.id)).toEqual([]);

      expect((await accept(referral.id)).status).toBe(200);
      const afterAccept = await changes();
      expect(kindsOf(afterAccept.items, referral.id)).toEqual(['accepted']);
      expect(kindsOf((await changes(otherOfficer)).items, referral.id)).toEqual([]);

      // Seen up to the moment the list was read; the look is kept on the server.
      const look = await seen(afterAccept.until);
      expect(look.lastLookedAt).toBe(afterAccept.until);
      expect((await changes()).lastLookedAt).toBe(afterAccept.until);
      expect(kindsOf((await changes()).items, referral.id)).toEqual([]);

      // Enrolled into a group that runs, completed, and the certificate issued.
      const course = await createCourse(t.dataSource, { craft: 'leather', title: 'Белбеу' });
      const created = await t
        .http()
        .post('/api/groups')
        .set(bearer(staff.token))
        .send({
          courseId: course.id,
          code: `NL-${randomUUID().slice(0, 8)}`,
          startDate: addDays(today, -1),
          endDate: addDays(today, -1),
          schedule: DAILY,
        });
      expect(created.status).toBe(201);
      const groupId = created.body.id as string;
      const master = await signedIn(t, 'master', { crafts: ['leather'] });
      await t
        .http()
        .put(`/api/groups/${groupId}/master`)
        .set(bearer(staff.token))
        .send({ masterId: master.id });
      await t.http().post(`/api/groups/${groupId}/open`).set(bearer(staff.token));
      await t.http().post(`/api/groups/${groupId}/start`).set(bearer(staff.token));
      const enrolled = await accept(referral.id, groupId);
      expect(enrolled.status).toBe(200);
      const afterEnroll = await changes();
      expect(afterEnroll.items.find((c) => c.referralId === referral.id)).toMatchObject({
        change: 'enrolled',
        groupCode: created.body.code,
      });

      const lessons = (
        await t.http().get(`/api/groups/${groupId}/lessons`).set(bearer(staff.token))
      ).body.items as { id: string }[];
      const enrollmentId = enrolled.body.enrollment.id as string;
      await t
        .http()
        .put(`/api/lessons/${lessons[0]!.id}/attendance`)
        .set(bearer(master.token))
        .send({ marks: [{ enrollmentId, status: 'present' }] });
      const completed = await t
        .http()
        .post(`/api/enrollments/${enrollmentId}/complete`)
        .set(bearer(staff.token))
        .send({});
      expect(completed.status).toBe(200);
      const certificate = (await t.http().get(`/api/referrals/${referral.id}`).set(bearer(officer)))
        .body.certificate as { id: string; number: string };
      expect(await t.app.get(CertificateIssuer).issueCertificate(certificate.id)).toBe('issued');

      const afterTraining = await changes();
      expect(kindsOf(afterTraining.items, referral.id).sort()).toEqual([
        'certificate_issued',
        'completed',
      ]);
      expect(
        afterTraining.items.find((c) => c.change === 'certificate_issued')?.certificateNumber,
      ).toBe(certificate.number);
    });

    it('shows a dropped referral when its trainee is withdrawn', async () => {
      const referral = await refer();
      const course = await createCourse(t.dataSource, { craft: 'leather', title: 'Әмиян' });
      const group = await createGroup(t.dataSource, { courseId: course.id });
      const enrolled = await accept(referral.id, group.id);
      await seen();
      await t
        .http()
        .post(`/api/enrollments/${enrolled.body.enrollment.id}/withdraw`)
        .set(bearer(staff.token))
        .send({ reason: 'басқа қалаға көшті' });
      expect(kindsOf((await changes()).items, referral.id)).toEqual(['dropped']);
    });

    it('refuses a look in the future or of a malformed moment', async () => {
      const future = new Date(Date.now() + 3600_000).toISOString();
      const refused = await t
        .http()
        .put('/api/referrals/changes/seen')
        .set(bearer(officer))
        .send({ until: future });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'until', code: 'field.in_future' }),
      ]);
      const malformed = await t
        .http()
        .put('/api/referrals/changes/seen')
        .set(bearer(officer))
        .send({ until: 'yesterday' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0]).toMatchObject({ field: 'until', code: 'field.format' });
    });
  });
});
