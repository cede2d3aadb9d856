import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
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
// Every day 00:00–00:30 local, so yesterday's lesson has always started.
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '00:00',
  endTime: '00:30',
}));

interface Referral {
  id: string;
  number: string;
  status: string;
  statusReason: string | null;
  traineeId: string | null;
  person: { iin: string; lastName: string; firstName: string };
  employmentCenter: { id: string; name: string };
  enrollment: {
    id: string;
    status: string;
    waitlistPosition: number | null;
    attendanceRate: number | null;
    group: { id: string; code: string; startDate: string; endDate: string };
  } | null;
  certificate: { id: string; number: string; status: string } | null;
  outcome: { outcome: string; date: string; note: string | null } | null;
}

describe('referrals from employment centres', () => {
  let t: TestApp;
  let staff: string;
  let centreA: string;
  let centreB: string;
  let officerA: string;
  let officerA2: string;
  let officerB: string;
  // The centre's date when each test starts (the day may turn between tests).
  let today: string;
  beforeEach(() => {
    today = todayIn(ZONE);
  });
  let numberSerial = 0;
  const storage = mkdtempSync(path.join(tmpdir(), 'sheber-referral-certificates-'));

  beforeAll(async () => {
    t = await createTestApp({ CERTIFICATE_STORAGE_DIR: storage });
    staff = (await signedIn(t, 'staff')).token;
    centreA = (await createEmploymentCenter(t.dataSource, `Karaganda city ${randomUUID()}`)).id;
    centreB = (await createEmploymentCenter(t.dataSource, `Temirtau ${randomUUID()}`)).id;
    officerA = (await signedIn(t, 'officer', { employmentCenterId: centreA })).token;
    officerA2 = (await signedIn(t, 'officer', { employmentCenterId: centreA })).token;
    officerB = (await signedIn(t, 'officer', { employmentCenterId: centreB })).token;
  });
  afterAll(async () => {
    await t.close();
    rmSync(storage, { recursive: true, force: true });
  });

  const person = (overrides: Record<string, unknown> = {}) => ({
    iin: freshIin('female'),
    lastName: 'Жұмабаева',
    firstName: 'Әйгерім',
    patronymic: 'Қайратқызы',
    phone: '+7 701 234 5678',
    categories: ['job_seeker'],
    ...overrides,
  });
  const refer = (token: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/api/referrals')
      .set(bearer(token))
      .send({
        number: `ЖО-${(numberSerial += 1)}-${randomUUID().slice(0, 6)}`,
        person: person(),
        craft: 'felt',
        ...body,
      });
  const newReferral = async (token = officerA, body: Record<string, unknown> = {}) => {
    const response = await refer(token, body);
    expect(response.status).toBe(201);
    return response.body as Referral;
  };
  const accept = (id: string, groupId?: string) =>
    t
      .http()
      .post(`/api/referrals/${id}/accept`)
      .set(bearer(staff))
      .send(groupId ? { groupId } : {});
  const view = async (id: string, token = officerA) => {
    const response = await t.http().get(`/api/referrals/${id}`).set(bearer(token));
    expect(response.status).toBe(200);
    return response.body as Referral;
  };

  /** A felt group running since 20 days ago, with a master, through the API. */
  async function runningGroup(capacity = 8) {
    const course = await createCourse(t.dataSource, { craft: 'felt', title: 'Киіз басу' });
    const created = await t
      .http()
      .post('/api/groups')
      .set(bearer(staff))
      .send({
        courseId: course.id,
        code: `RF-${randomUUID().slice(0, 8)}`,
        // One lesson, yesterday: once marked, the training is over and trainees may complete.
        startDate: addDays(today, -1),
        endDate: addDays(today, -1),
        schedule: DAILY,
        capacity,
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const master = await signedIn(t, 'master', { crafts: ['felt'] });
    expect(
      (
        await t
          .http()
          .put(`/api/groups/${id}/master`)
          .set(bearer(staff))
          .send({ masterId: master.id })
      ).status,
    ).toBe(200);
    expect((await t.http().post(`/api/groups/${id}/open`).set(bearer(staff))).status).toBe(200);
    expect((await t.http().post(`/api/groups/${id}/start`).set(bearer(staff))).status).toBe(200);
    const lessons = (await t.http().get(`/api/groups/${id}/lessons?limit=100`).set(bearer(staff)))
      .body.items as { id: string; date: string }[];
    const yesterday = lessons.find((l) => l.date === addDays(today, -1))!;
    return { id, course, master, yesterday };
  }

  describe('the lifecycle', () => {
    it('follows a referral from submission through intake and training to a job', async () => {
      const group = await runningGroup();
      const submitted = await newReferral(officerA, { courseId: group.course.id, note: 'Өтініш' });
      expect(submitted).toMatchObject({
        status: 'submitted',
        employmentCenter: { id: centreA },
        enrollment: null,
        certificate: null,
        outcome: null,
        person: { lastName: 'Жұмабаева', firstName: 'Әйгерім' },
      });
      expect(submitted.person.iin).toMatch(/^\d{12}$/);

      // Staff see it waiting for intake, with the IIN masked in the list.
      const waiting = await t
        .http()
        .get(`/api/referrals?status=submitted&employmentCenterId=${centreA}&limit=100`)
        .set(bearer(staff));
      const listed = (waiting.body.items as Referral[]).find((r) => r.id === submitted.id)!;
      expect(listed.person.iin).toBe(`********${submitted.person.iin.slice(-4)}`);

      const accepted = await accept(submitted.id, group.id);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'enrolled',
        enrollment: { status: 'active', group: { id: group.id } },
      });
      const traineeId = (accepted.body as Referral).traineeId!;
      const trainee = await t.http().get(`/api/trainees/${traineeId}`).set(bearer(staff));
      expect(trainee.body).toMatchObject({
        iin: `********${submitted.person.iin.slice(-4)}`,
        lastName: 'Жұмабаева',
        consent: true,
        birthDate: expect.any(String),
      });
      // The trainee's page lists the referrals that led to them.
      const ofTrainee = await t
        .http()
        .get(`/api/referrals?traineeId=${traineeId}`)
        .set(bearer(staff));
      expect((ofTrainee.body.items as Referral[]).map((r) => r.id)).toEqual([submitted.id]);

      // The master marks yesterday; the officer sees the attendance rate.
      const enrollmentId = (accepted.body as Referral).enrollment!.id;
      const marked = await t
        .http()
        .put(`/api/lessons/${group.yesterday.id}/attendance`)
        .set(bearer(group.master.token))
        .send({ marks: [{ enrollmentId, status: 'present' }] });
      expect(marked.status).toBe(200);
      expect((await view(submitted.id)).enrollment).toMatchObject({ attendanceRate: 1 });

      // Completing the enrollment completes the referral in the same transaction.
      const completed = await t
        .http()
        .post(`/api/enrollments/${enrollmentId}/complete`)
        .set(bearer(staff))
        .send({});
      expect(completed.status).toBe(200);
      const afterCompletion = await view(submitted.id);
      expect(afterCompletion.status).toBe('completed');
      expect(afterCompletion.certificate).toMatchObject({ number: expect.stringMatching(/^SHB-/) });

      // Once rendered, the referring centre's officers may download the PDF; no other centre's.
      const certificateId = afterCompletion.certificate!.id;
      expect(await t.app.get(CertificateIssuer).issueCertificate(certificateId)).toBe('issued');
      const pdf = await t
        .http()
        .get(`/api/certificates/${certificateId}/pdf`)
        .set(bearer(officerA2));
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(
        `attachment; filename="${afterCompletion.certificate!.number}.pdf"`,
      );
      const other = await t
        .http()
        .get(`/api/certificates/${certificateId}/pdf`)
        .set(bearer(officerB));
      expect(other.status).toBe(404);
      expect((await view(submitted.id)).certificate).toMatchObject({ status: 'issued' });

      const outcome = await t
        .http()
        .put(`/api/referrals/${submitted.id}/outcome`)
        .set(bearer(officerA))
        .send({ outcome: 'self_employed', date: today, note: 'ЖК тіркелді' });
      expect(outcome.status).toBe(200);
      expect(outcome.body.outcome).toEqual({
        outcome: 'self_employed',
        date: today,
        note: 'ЖК тіркелді',
      });
      // A colleague of the same centre may correct it; staff too.
      const corrected = await t
        .http()
        .put(`/api/referrals/${submitted.id}/outcome`)
        .set(bearer(officerA2))
        .send({ outcome: 'employed', date: today });
      expect(corrected.body.outcome).toEqual({ outcome: 'employed', date: today, note: null });

      const audit = await t.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE entity = 'referral' AND entity_id = $1 ORDER BY id`,
        [submitted.id],
      );
      expect(audit.map((a) => a.action)).toEqual([
        'create',
        'accept',
        'view',
        'complete',
        'view',
        'view',
        'outcome',
        'outcome',
      ]);
    });

    it('drops the referral when the enrollment is withdrawn, failed, or its group cancelled', async () => {
      const group = await runningGroup();
      const withdrawn = await newReferral();
      const failed = await newReferral();
      const enrolledW = (await accept(withdrawn.id, group.id)).body as Referral;
      const enrolledF = (await accept(failed.id, group.id)).body as Referral;

      const response = await t
        .http()
        .post(`/api/enrollments/${enrolledW.enrollment!.id}/withdraw`)
        .set(bearer(staff))
        .send({ reason: 'moved to Almaty' });
      expect(response.status).toBe(200);
      expect(await view(withdrawn.id)).toMatchObject({
        status: 'dropped',
        // The reason as staff typed it; the enrollment's status is shown beside it, translated.
        statusReason: 'moved to Almaty',
        statusReasonCode: null,
        enrollment: { status: 'withdrawn' },
      });

      // Completing the group fails the one who never came: the referral is dropped with it.
      const absent = await t
        .http()
        .put(`/api/lessons/${group.yesterday.id}/attendance`)
        .set(bearer(group.master.token))
        .send({ marks: [{ enrollmentId: enrolledF.enrollment!.id, status: 'absent' }] });
      expect(absent.status).toBe(200);
      expect(
        (await t.http().post(`/api/groups/${group.id}/complete`).set(bearer(staff))).status,
      ).toBe(200);
      expect(await view(failed.id)).toMatchObject({
        status: 'dropped',
        statusReason: null,
        statusReasonCode: 'attendance_below_threshold',
      });
      expect(enrolledF.enrollment!.status).toBe('active');

      // An outcome is recorded after a drop as well.
      const outcome = await t
        .http()
        .put(`/api/referrals/${failed.id}/outcome`)
        .set(bearer(officerA))
        .send({ outcome: 'unemployed', date: today });
      expect(outcome.status).toBe(200);

      const cancelledGroup = await createGroup(t.dataSource, {
        courseId: (await createCourse(t.dataSource, { craft: 'felt' })).id,
      });
      const waiting = await newReferral();
      expect((await accept(waiting.id, cancelledGroup.id)).status).toBe(200);
      expect(
        (await t.http().post(`/api/groups/${cancelledGroup.id}/cancel`).set(bearer(staff))).status,
      ).toBe(200);
      expect(await view(waiting.id)).toMatchObject({
        status: 'dropped',
        statusReason: null,
        statusReasonCode: 'group_cancelled',
      });
    });

    it('counts a waitlisted place as enrolled, and accepts without a group first', async () => {
      const full = await createGroup(t.dataSource, {
        capacity: 1,
        courseId: (await createCourse(t.dataSource, { craft: 'felt' })).id,
      });
      const first = await newReferral();
      const second = await newReferral();
      expect((await accept(first.id, full.id)).body.enrollment.status).toBe('active');

      const waiting = await accept(second.id);
      expect(waiting.status).toBe(200);
      expect(waiting.body).toMatchObject({ status: 'accepted', enrollment: null });
      expect(waiting.body.traineeId).toEqual(expect.any(String));
      expect((await accept(second.id)).status).toBe(409);

      const enrolled = await accept(second.id, full.id);
      expect(enrolled.body).toMatchObject({
        status: 'enrolled',
        enrollment: { status: 'waitlisted', waitlistPosition: 1 },
      });
      // Withdrawing the first promotes the second; the referral stays enrolled.
      await t
        .http()
        .post(`/api/enrollments/${(await view(first.id)).enrollment!.id}/withdraw`)
        .set(bearer(staff))
        .send({ reason: 'illness' });
      expect(await view(second.id)).toMatchObject({
        status: 'enrolled',
        enrollment: { status: 'active', waitlistPosition: null },
      });
    });

    it('lets staff reject and the officer cancel only before enrollment', async () => {
      const group = await createGroup(t.dataSource, {
        courseId: (await createCourse(t.dataSource, { craft: 'felt' })).id,
      });
      const rejected = await newReferral();
      const refusal = await t
        .http()
        .post(`/api/referrals/${rejected.id}/reject`)
        .set(bearer(staff))
        .send({ reason: 'the course is full until spring' });
      expect(refusal.body).toMatchObject({
        status: 'rejected',
        statusReason: 'the course is full until spring',
      });
      expect((await accept(rejected.id, group.id)).status).toBe(409);
      expect(
        (await t.http().post(`/api/referrals/${rejected.id}/cancel`).set(bearer(officerA)).send({}))
          .status,
      ).toBe(409);

      const cancelled = await newReferral();
      const cancel = await t
        .http()
        .post(`/api/referrals/${cancelled.id}/cancel`)
        .set(bearer(officerA))
        .send({ reason: 'found a job herself' });
      expect(cancel.body).toMatchObject({ status: 'cancelled' });

      const enrolled = await newReferral();
      expect((await accept(enrolled.id, group.id)).status).toBe(200);
      const late = await t
        .http()
        .post(`/api/referrals/${enrolled.id}/cancel`)
        .set(bearer(officerA))
        .send({});
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({
        code: 'referral.closed',
        params: { number: enrolled.number },
      });
      const reject = await t
        .http()
        .post(`/api/referrals/${enrolled.id}/reject`)
        .set(bearer(staff))
        .send({ reason: 'x' });
      expect(reject.status).toBe(409);

      // No outcome before the training ended.
      const early = await t
        .http()
        .put(`/api/referrals/${enrolled.id}/outcome`)
        .set(bearer(officerA))
        .send({ outcome: 'employed', date: today });
      expect(early.status).toBe(409);
    });

    it('refuses a group of another craft (422) and an unknown group (404), changing nothing', async () => {
      const pottery = await createGroup(t.dataSource); // the factory's course is pottery
      const referral = await newReferral();
      const wrong = await accept(referral.id, pottery.id);
      expect(wrong.status).toBe(422);
      expect(wrong.body).toMatchObject({
        code: 'referral.group_other_craft',
        params: { group: pottery.code },
      });
      expect(wrong.body.message).toContain(pottery.code);
      expect((await accept(referral.id, randomUUID())).status).toBe(404);
      const after = await view(referral.id);
      expect(after).toMatchObject({ status: 'submitted', traineeId: null, enrollment: null });
      const [trainees] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM trainees WHERE iin = $1`,
        [after.person.iin],
      );
      expect(trainees!.n).toBe(0);
    });
  });

  describe('intake', () => {
    it('finds an already registered trainee by the IIN instead of registering a second', async () => {
      const existing = await createTrainee(t.dataSource, { lastName: 'Сейітова' });
      const group = await createGroup(t.dataSource, {
        courseId: (await createCourse(t.dataSource, { craft: 'felt' })).id,
      });
      const referral = await newReferral(officerA, { person: person({ iin: existing.iin }) });
      const accepted = await accept(referral.id, group.id);
      expect(accepted.body.traineeId).toBe(existing.id);
      const [count] = await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM trainees WHERE iin = $1',
        [existing.iin],
      );
      expect(count!.n).toBe(1);
    });

    it('refuses intake of a person under 18 until staff register them with a guardian', async () => {
      const young = freshIin('male', addDays(today, -16 * 366));
      const referral = await newReferral(officerA, { person: person({ iin: young }) });
      const refused = await accept(referral.id);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/guardian/);
    });

    it('keeps referral numbers unique per centre, not across centres', async () => {
      const number = `NUM-${randomUUID().slice(0, 8)}`;
      expect((await refer(officerA, { number })).status).toBe(201);
      const again = await refer(officerA, { number });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/number/);
      expect((await refer(officerB, { number })).status).toBe(201);
    });

    it('refuses a second referral of a person while one is open, naming it; allows one after', async () => {
      const iin = freshIin();
      const first = await newReferral(officerA, { person: person({ iin }) });
      const second = await refer(officerB, { person: person({ iin }) });
      expect(second.status).toBe(409);
      expect(second.body.message).toContain(first.number);
      await t
        .http()
        .post(`/api/referrals/${first.id}/reject`)
        .set(bearer(staff))
        .send({ reason: 'duplicate' });
      expect((await refer(officerB, { person: person({ iin }) })).status).toBe(201);
    });

    it('gives one enrollment when staff accept the same referral in parallel', async () => {
      const group = await createGroup(t.dataSource, {
        courseId: (await createCourse(t.dataSource, { craft: 'felt' })).id,
      });
      const referral = await newReferral();
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => accept(referral.id, group.id)),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      const [rows] = await t.dataSource.query<{ enrollments: number; trainees: number }[]>(
        `SELECT (SELECT count(*)::int FROM enrollments WHERE group_id = $1) AS enrollments,
                (SELECT count(*)::int FROM trainees WHERE iin = $2) AS trainees`,
        [group.id, (await view(referral.id)).person.iin],
      );
      expect(rows).toEqual({ enrollments: 1, trainees: 1 });
    });

    it('gives one open referral when two centres refer the same person in parallel', async () => {
      const iin = freshIin();
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          refer(i % 2 ? officerA : officerB, { person: person({ iin }) }),
        ),
      );
      expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(9);
    });
  });

  describe('officers see their own centre only', () => {
    it('answers 404 for every referral route on another centre’s referral, as for none', async () => {
      const group = await runningGroup();
      const theirs = await newReferral(officerB);
      await accept(theirs.id, group.id);
      await t
        .http()
        .post(`/api/enrollments/${(await view(theirs.id, officerB)).enrollment!.id}/withdraw`)
        .set(bearer(staff))
        .send({ reason: 'moved away' });
      const submittedTheirs = await newReferral(officerB);

      const routes = (id: string) => [
        t.http().get(`/api/referrals/${id}`).set(bearer(officerA)),
        t.http().post(`/api/referrals/${id}/cancel`).set(bearer(officerA)).send({}),
        t
          .http()
          .put(`/api/referrals/${id}/outcome`)
          .set(bearer(officerA))
          .send({ outcome: 'employed', date: today }),
        t.http().post(`/api/referrals/${id}/accept`).set(bearer(officerA)).send({}),
        t.http().post(`/api/referrals/${id}/reject`).set(bearer(officerA)).send({ reason: 'x' }),
      ];
      for (const id of [theirs.id, submittedTheirs.id]) {
        const mine = await Promise.all(routes(id));
        const none = await Promise.all(routes(randomUUID()));
        expect(mine.map((r) => r.status)).toEqual([404, 404, 404, 403, 403]);
        expect(mine.map((r) => r.status)).toEqual(none.map((r) => r.status));
        expect(mine[0]!.body.message).toBe(none[0]!.body.message.replace(/[0-9a-f-]{36}/, id));
      }
      // Nothing changed.
      expect(await view(submittedTheirs.id, officerB)).toMatchObject({ status: 'submitted' });
      expect(await view(theirs.id, officerB)).toMatchObject({ status: 'dropped', outcome: null });

      const list = await t.http().get('/api/referrals?limit=100').set(bearer(officerA));
      expect(list.status).toBe(200);
      const ids = (list.body.items as Referral[]).map((r) => r.id);
      expect(ids).not.toContain(theirs.id);
      expect((list.body.items as Referral[]).every((r) => r.employmentCenter.id === centreA)).toBe(
        true,
      );
      // Asking for the other centre changes nothing for an officer.
      const asked = await t
        .http()
        .get(`/api/referrals?employmentCenterId=${centreB}&limit=100`)
        .set(bearer(officerA));
      expect((asked.body.items as Referral[]).every((r) => r.employmentCenter.id === centreA)).toBe(
        true,
      );
      const report = await t
        .http()
        .get(
          `/api/referrals/report?from=${addDays(today, -1)}&to=${today}&employmentCenterId=${centreB}`,
        )
        .set(bearer(officerA));
      expect(report.status).toBe(200);
      expect((report.body.rows as { id: string }[]).map((r) => r.id)).not.toContain(theirs.id);
      expect(report.body.employmentCenterId).toBe(centreA);

      // Officers never see trainees: not even the ones their own centre referred.
      expect((await t.http().get('/api/trainees').set(bearer(officerA))).status).toBe(403);
      expect(
        (
          await t
            .http()
            .get(`/api/trainees/${(await view(theirs.id, officerB)).traineeId}`)
            .set(bearer(officerA))
        ).status,
      ).toBe(403);
    });
  });

  describe('bad input', () => {
    const referralCount = async () =>
      (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM referrals'))[0]!.n;

    it.each([
      ['an IIN with a wrong check digit', { person: { iin: '900101400001' } }, 'person.iin'],
      ['an IIN with letters', { person: { iin: '90010140000A' } }, 'person.iin'],
      ['an IIN with an impossible date', { person: { iin: '901301400007' } }, 'person.iin'],
      ['a missing last name', { person: { lastName: undefined } }, 'person.lastName'],
      ['a wrong category', { person: { categories: ['rich'] } }, 'person.categories'],
      ['an unknown field in the person', { person: { age: 30 } }, 'person.age'],
      ['an unknown craft', { craft: 'glass' }, 'craft'],
      ['a craft that is not a code', { craft: 'Felt!' }, 'craft'],
      ['a course id that is not a UUID', { courseId: 'felt-101' }, 'courseId'],
      ['an unknown course', { courseId: randomUUID() }, 'courseId'],
      ['an empty number', { number: '  ' }, 'number'],
      ['a number too long', { number: 'x'.repeat(51) }, 'number'],
      ['an unknown field', { priority: 'high' }, 'priority'],
    ])('refuses %s with 400 naming %s, and stores nothing', async (_, change, field) => {
      const before = await referralCount();
      const body: Record<string, unknown> = {
        number: `BAD-${randomUUID().slice(0, 8)}`,
        person: person(),
        craft: 'felt',
      };
      for (const [key, value] of Object.entries(change)) {
        if (key === 'person') {
          const merged: Record<string, unknown> = { ...person(), ...(value as object) };
          for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
          body.person = merged;
        } else body[key] = value;
      }
      const response = await t.http().post('/api/referrals').set(bearer(officerA)).send(body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
      expect(await referralCount()).toBe(before);
    });

    it('refuses a course of another craft', async () => {
      const pottery = await createCourse(t.dataSource);
      const response = await refer(officerA, { courseId: pottery.id });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({
          field: 'courseId',
          code: 'referral.course_other_craft',
          params: { craft: 'pottery' },
        }),
      ]);
    });

    it('refuses an unknown outcome, a malformed or future date, and dates in the wrong order', async () => {
      const group = await createGroup(t.dataSource, {
        courseId: (await createCourse(t.dataSource, { craft: 'felt' })).id,
      });
      const referral = await newReferral();
      await accept(referral.id, group.id);
      await t
        .http()
        .post(`/api/enrollments/${(await view(referral.id)).enrollment!.id}/withdraw`)
        .set(bearer(staff))
        .send({ reason: 'left' });
      const outcome = (body: Record<string, unknown>) =>
        t.http().put(`/api/referrals/${referral.id}/outcome`).set(bearer(officerA)).send(body);
      for (const [body, field] of [
        [{ outcome: 'married', date: today }, 'outcome'],
        [{ outcome: 'employed', date: '2026-02-30' }, 'date'],
        [{ outcome: 'employed', date: addDays(today, 2) }, 'date'],
        [{ outcome: 'employed', date: '2001-01-01' }, 'date'],
        [{ outcome: 'employed' }, 'date'],
        [{ outcome: 'employed', date: today, salary: 1 }, 'salary'],
      ] as const) {
        const response = await outcome(body);
        expect(response.status).toBe(400);
        expect(JSON.stringify(response.body)).toContain(field);
      }
      expect((await view(referral.id)).outcome).toBeNull();

      const report = await t
        .http()
        .get(`/api/referrals/report?from=${today}&to=${addDays(today, -3)}`)
        .set(bearer(officerA));
      expect(report.status).toBe(400);
      expect(JSON.stringify(report.body)).toContain('to');
      for (const query of [
        `from=${today}`,
        `from=yesterday&to=${today}`,
        `from=${today}&to=${today}&format=pdf`,
        `from=${today}&to=${today}&lang=de`,
      ]) {
        expect(
          (await t.http().get(`/api/referrals/report?${query}`).set(bearer(officerA))).status,
        ).toBe(400);
      }
      expect((await t.http().get('/api/referrals?status=lost').set(bearer(officerA))).status).toBe(
        400,
      );
      expect((await accept('not-a-uuid')).status).toBe(400);
      expect(
        (
          await t
            .http()
            .post(`/api/referrals/${referral.id}/accept`)
            .set(bearer(staff))
            .send({ groupId: 'JW-2026-01' })
        ).body.errors,
      ).toEqual([expect.objectContaining({ field: 'groupId', code: 'field.uuid' })]);
    });

    it('refuses a referral from an admin, who belongs to no employment centre', async () => {
      const admin = (await signedIn(t, 'admin')).token;
      const response = await refer(admin);
      expect(response.status).toBe(403);
    });
  });

  describe('the period report', () => {
    let centre: string;
    let officer: string;

    beforeAll(async () => {
      centre = (await createEmploymentCenter(t.dataSource, `Report centre ${randomUUID()}`)).id;
      officer = (await signedIn(t, 'officer', { employmentCenterId: centre })).token;
      const group = await runningGroup();
      // Five referrals: completed + employed, completed + unemployed, dropped, rejected, submitted.
      const made: Referral[] = [];
      for (let i = 0; i < 5; i += 1)
        made.push(await newReferral(officer, { craft: i === 4 ? 'pottery' : 'felt' }));
      const enrollments: string[] = [];
      for (const r of made.slice(0, 3))
        enrollments.push(((await accept(r.id, group.id)).body as Referral).enrollment!.id);
      await t
        .http()
        .put(`/api/lessons/${group.yesterday.id}/attendance`)
        .set(bearer(group.master.token))
        .send({ marks: enrollments.map((enrollmentId) => ({ enrollmentId, status: 'present' })) });
      for (const id of enrollments.slice(0, 2))
        await t.http().post(`/api/enrollments/${id}/complete`).set(bearer(staff)).send({});
      await t
        .http()
        .post(`/api/enrollments/${enrollments[2]}/withdraw`)
        .set(bearer(staff))
        .send({ reason: 'left' });
      await t
        .http()
        .post(`/api/referrals/${made[3]!.id}/reject`)
        .set(bearer(staff))
        .send({ reason: 'not a job seeker' });
      for (const [r, outcome] of [
        [made[0]!, 'employed'],
        [made[1]!, 'unemployed'],
      ] as const)
        await t
          .http()
          .put(`/api/referrals/${r.id}/outcome`)
          .set(bearer(officer))
          .send({ outcome, date: today });
    });

    const report = (query: string, token = officer) =>
      t
        .http()
        .get(`/api/referrals/report?from=${addDays(today, -7)}&to=${today}${query}`)
        .set(bearer(token))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });

    it('counts by status, craft and outcome, with completion and employment rates', async () => {
      const response = await t
        .http()
        .get(`/api/referrals/report?from=${addDays(today, -7)}&to=${today}`)
        .set(bearer(officer));
      expect(response.status).toBe(200);
      expect(response.body.totals).toEqual({
        referrals: 5,
        byStatus: {
          submitted: 1,
          accepted: 0,
          enrolled: 0,
          completed: 2,
          rejected: 1,
          cancelled: 0,
          dropped: 1,
        },
        byCraft: { felt: 4, pottery: 1 },
        byOutcome: {
          employed: 1,
          self_employed: 0,
          centre_workshop: 0,
          unemployed: 1,
          further_training: 0,
        },
        completionRate: 2 / 3,
        employedAfterCompletion: 1,
        employmentRate: 0.5,
      });
      const first = response.body.rows[0];
      expect(first).toMatchObject({
        iin: expect.stringMatching(/^\*{8}\d{4}$/),
        status: 'completed',
        attendanceRate: 1,
        certificateNumber: expect.stringMatching(/^SHB-/),
        outcome: 'employed',
        referredOn: today,
      });
      // A period before any of them is empty.
      const empty = await t
        .http()
        .get(`/api/referrals/report?from=2020-01-01&to=2020-12-31`)
        .set(bearer(officer));
      expect(empty.body.totals).toMatchObject({
        referrals: 0,
        completionRate: null,
        employmentRate: null,
      });
      // Staff see every centre, or one.
      const staffView = await t
        .http()
        .get(
          `/api/referrals/report?from=${addDays(today, -7)}&to=${today}&employmentCenterId=${centre}`,
        )
        .set(bearer(staff));
      expect(staffView.body.totals.referrals).toBe(5);
    });

    it('writes CSV with a BOM and headers in the asked language', async () => {
      const response = await report('&format=csv&lang=kk');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/csv/);
      expect(response.headers['content-disposition']).toMatch(/attachment; filename="referrals-/);
      const text = (response.body as Buffer).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines[0]).toMatch(/^Жолдама нөмірі,Жолдама күні,Жұмыспен қамту орталығы,Тегі/);
      expect(lines).toHaveLength(6);
      expect(text).toContain('Жұмабаева');
      expect(text).toContain('Жұмысқа орналасты');
      const russian = await report('&format=csv', officer).set('accept-language', 'ru-KZ,ru;q=0.9');
      expect((russian.body as Buffer).toString('utf8')).toContain('Номер направления');
    });

    it('writes an XLSX workbook that reads back with headers, widths, dates and the summary', async () => {
      const response = await report('&format=xlsx&lang=ru');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      // exceljs types its input with an older Buffer type than @types/node's.
      await workbook.xlsx.load(response.body as Parameters<typeof workbook.xlsx.load>[0]);
      const sheet = workbook.getWorksheet('Направления')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('Номер направления');
      expect(sheet.getRow(1).getCell(4).value).toBe('Фамилия');
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getColumn(3).width).toBeGreaterThan(20);
      expect(sheet.rowCount).toBe(6);
      const referredOn = sheet.getRow(2).getCell(2).value;
      expect(referredOn).toBeInstanceOf(Date);
      expect((referredOn as Date).toISOString().slice(0, 10)).toBe(today);
      expect(sheet.getRow(2).getCell(2).numFmt).toBe('dd.mm.yyyy');
      expect(sheet.getRow(2).getCell(4).value).toBe('Жұмабаева');
      expect(sheet.getRow(2).getCell(13).value).toBe('Завершил обучение');
      expect(sheet.getRow(2).getCell(14).value).toBe(1);
      expect(sheet.getRow(2).getCell(17).value).toBe('Трудоустроен');

      const summary = workbook.getWorksheet('Сводка')!;
      const values = new Map<string, unknown>();
      summary.eachRow((row) => values.set(row.getCell(1).text, row.getCell(2).value));
      expect(values.get('Всего направлений')).toBe(5);
      expect(values.get('Доля трудоустроенных')).toBe(0.5);
      expect(values.get('Выбыл')).toBe(1);
      expect(values.get('Валяние войлока')).toBe(4);
    });
  });
});
