import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { CertificateIssuer, CertificateStorage } from '../../libs/certificates/src';
import { addDays, todayIn } from '../../libs/common/src';
import { createCourse, createTrainee, createWorkshop } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

const ZONE = 'Asia/Almaty';
// Every day 00:00–00:30 local: today's lesson has always started, tomorrow's has not.
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '00:00',
  endTime: '00:30',
}));
const NUMBER = /^SHB-(\d{4})-(\d{5})$/;

interface Lesson {
  id: string;
  date: string;
  startsAt: string;
  marked: boolean;
}

/** Collects a binary body (a PDF) as a Buffer. */
function binary(res: supertest.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sheber-completion-'));
  const file = path.join(dir, 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const sequence = (number: string) => Number(NUMBER.exec(number)![2]);

describe('completion that cannot go wrong, certificates that can be put right', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;
  // The centre's date when each test starts (the day may turn between tests).
  let today: string;
  beforeEach(() => {
    today = todayIn(ZONE);
  });

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  let serial = 0;
  /**
   * A running group made through the API (its lessons generated) from `from` to `to` days from
   * today, daily, with trainees named as given; every lesson that has taken place is marked
   * present unless `unmarked` names its date.
   */
  async function runningGroup(
    from: number,
    to: number,
    options: { names?: string[]; unmarked?: string[]; minAttendancePercent?: number } = {},
  ) {
    const course = await createCourse(t.dataSource, {
      minAttendancePercent: options.minAttendancePercent ?? 80,
    });
    serial += 1;
    const created = await t
      .http()
      .post('/api/groups')
      .set(bearer(staff))
      .send({
        courseId: course.id,
        code: `CP-${Date.now().toString(36)}-${serial}`,
        startDate: addDays(today, from),
        endDate: addDays(today, to),
        schedule: DAILY,
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const master = await signedIn(t, 'master', { crafts: ['pottery'] });
    await t.http().put(`/api/groups/${id}/master`).set(bearer(staff)).send({ masterId: master.id });
    await t.http().post(`/api/groups/${id}/open`).set(bearer(staff));
    const enrollments: string[] = [];
    for (const name of options.names ?? ['Әбенова', 'Құрманов']) {
      const trainee = await createTrainee(t.dataSource, { lastName: name, firstName: 'Ұлан' });
      const enrolled = await t
        .http()
        .post(`/api/groups/${id}/enrollments`)
        .set(bearer(staff))
        .send({ traineeId: trainee.id });
      enrollments.push(enrolled.body.id);
    }
    expect((await t.http().post(`/api/groups/${id}/start`).set(bearer(staff))).status).toBe(200);
    const lessons = (await t.http().get(`/api/groups/${id}/lessons?limit=100`).set(bearer(staff)))
      .body.items as Lesson[];
    const past = lessons.filter((l) => l.date <= today);
    for (const lesson of past) {
      if (options.unmarked?.includes(lesson.date)) continue;
      const marked = await t
        .http()
        .put(`/api/lessons/${lesson.id}/attendance`)
        .set(bearer(staff))
        .send({
          marks: enrollments.map((enrollmentId) => ({ enrollmentId, status: 'present' })),
          reason: 'from the paper register',
        });
      expect(marked.status).toBe(200);
    }
    return { id, code: created.body.code as string, enrollments, lessons, past };
  }

  const completeGroup = (id: string, token = staff, body: object = {}) =>
    t.http().post(`/api/groups/${id}/complete`).set(bearer(token)).send(body);

  const certificatesOf = (groupId: string) =>
    t.dataSource.query<{ id: string; number: string; status: string; revoke_reason: string }[]>(
      `SELECT c.id, c.number, c.status, c.revoke_reason FROM certificates c
         JOIN enrollments e ON e.id = c.enrollment_id WHERE e.group_id = $1 ORDER BY c.number`,
      [groupId],
    );

  describe('completion only when training is over', () => {
    it('refuses a group and a trainee before the last planned lesson (422 group.completion_too_early)', async () => {
      const group = await runningGroup(-3, 2);
      const expected = {
        planned: group.lessons.length,
        held: group.past.length,
        unmarked: 0,
        lastLessonDate: group.lessons.at(-1)!.date,
      };
      expect(expected.held).toBeLessThan(expected.planned);
      const refused = await completeGroup(group.id);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'group.completion_too_early', details: expected });
      const trainee = await t
        .http()
        .post(`/api/enrollments/${group.enrollments[0]}/complete`)
        .set(bearer(staff))
        .send({});
      expect(trainee.status).toBe(422);
      expect(trainee.body).toMatchObject({ code: 'group.completion_too_early', details: expected });
      const [row] = await t.dataSource.query('SELECT status FROM groups WHERE id = $1', [group.id]);
      expect(row.status).toBe('in_progress');
    });

    it('refuses while a lesson that took place is unmarked (422 group.lessons_unmarked), and counts it as held, not present', async () => {
      const yesterday = addDays(today, -1);
      const group = await runningGroup(-3, 0, { unmarked: [yesterday] });
      const refused = await completeGroup(group.id);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'group.lessons_unmarked',
        details: {
          planned: group.lessons.length,
          held: group.lessons.length,
          unmarked: 1,
          lastLessonDate: today,
        },
      });
      const roster = await t.http().get(`/api/groups/${group.id}/enrollments`).set(bearer(staff));
      const held = group.past.length;
      for (const entry of roster.body.items)
        expect(entry.attendanceRate).toBeCloseTo((held - 1) / held);
      const preview = await t
        .http()
        .get(`/api/groups/${group.id}/completion-preview`)
        .set(bearer(staff));
      expect(preview.body).toMatchObject({
        refusal: 'group.lessons_unmarked',
        unmarked: 1,
        active: 2,
        thresholdPercent: 80,
      });
    });

    it("completes on the last lesson's day once every lesson is marked", async () => {
      const group = await runningGroup(-3, 0);
      const preview = await t
        .http()
        .get(`/api/groups/${group.id}/completion-preview`)
        .set(bearer(staff));
      expect(preview.body).toMatchObject({
        refusal: null,
        planned: group.lessons.length,
        held: group.lessons.length,
        unmarked: 0,
        lastLessonDate: today,
        eligible: 2,
        belowThreshold: [],
      });
      const done = await completeGroup(group.id);
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
      expect((await certificatesOf(group.id)).map((c) => c.status)).toEqual(['pending', 'pending']);
    });

    it('lists the trainees below the threshold in the preview', async () => {
      const group = await runningGroup(-3, 0, { names: ['Жақсыбекова', 'Сейітов'] });
      const [, poor] = group.enrollments as [string, string];
      for (const lesson of group.past.slice(0, 2)) {
        await t
          .http()
          .put(`/api/lessons/${lesson.id}/attendance`)
          .set(bearer(staff))
          .send({
            marks: group.enrollments.map((enrollmentId) => ({
              enrollmentId,
              status: enrollmentId === poor ? 'absent' : 'present',
            })),
            reason: 'corrected',
          });
      }
      const preview = await t
        .http()
        .get(`/api/groups/${group.id}/completion-preview`)
        .set(bearer(staff));
      expect(preview.body).toMatchObject({ active: 2, eligible: 1 });
      expect(preview.body.belowThreshold).toEqual([
        {
          enrollmentId: poor,
          trainee: { lastName: 'Сейітов', firstName: 'Ұлан', patronymic: null },
          attendanceRate: (group.past.length - 2) / group.past.length,
        },
      ]);
    });

    it('lets only an admin override, with a reason, and audits it', async () => {
      const group = await runningGroup(-3, 2);
      const override = { override: true, reason: 'the master fell ill; the course ends early' };
      expect((await completeGroup(group.id, staff, override)).status).toBe(403);
      expect((await completeGroup(group.id, admin, { override: true })).status).toBe(400);
      const done = await completeGroup(group.id, admin, override);
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('completed');
      const [audit] = await t.dataSource.query(
        `SELECT changes FROM audit_log WHERE entity = 'group' AND entity_id = $1 AND action = 'complete'`,
        [group.id],
      );
      expect(audit.changes).toMatchObject(override);

      const other = await runningGroup(-3, 2);
      const trainee = await t
        .http()
        .post(`/api/enrollments/${other.enrollments[0]}/complete`)
        .set(bearer(admin))
        .send(override);
      expect(trainee.status).toBe(200);
    });

    it('refuses to start more than 7 days before the start date (422 group.start_too_early)', async () => {
      const course = await createCourse(t.dataSource);
      const master = await signedIn(t, 'master', { crafts: ['pottery'] });
      const plan = async (startIn: number) => {
        const created = await t
          .http()
          .post('/api/groups')
          .set(bearer(staff))
          .send({
            courseId: course.id,
            code: `ST-${Date.now().toString(36)}-${startIn}`,
            startDate: addDays(today, startIn),
            endDate: addDays(today, startIn + 10),
            schedule: [{ weekday: 1, startTime: '10:00', endTime: '12:00' }],
          });
        const id = created.body.id as string;
        await t.http().post(`/api/groups/${id}/open`).set(bearer(staff));
        await t
          .http()
          .put(`/api/groups/${id}/master`)
          .set(bearer(staff))
          .send({ masterId: master.id });
        return id;
      };
      const early = await plan(30);
      const refused = await t.http().post(`/api/groups/${early}/start`).set(bearer(staff));
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'group.start_too_early',
        details: { startDate: addDays(today, 30), earliestStart: addDays(today, 23) },
      });
      const overridden = await t
        .http()
        .post(`/api/groups/${early}/start`)
        .set(bearer(admin))
        .send({ override: true, reason: 'a trial week before the course' });
      expect(overridden.body.status).toBe('in_progress');
      const weekAhead = await plan(60);
      await t.dataSource.query('UPDATE groups SET start_date = $2 WHERE id = $1', [
        weekAhead,
        addDays(today, 7),
      ]);
      expect(
        (await t.http().post(`/api/groups/${weekAhead}/start`).set(bearer(staff))).status,
      ).toBe(200);
    });
  });

  describe('reopening', () => {
    it('within 24 hours revokes the certificates with the reason; completing again issues new numbers', async () => {
      const group = await runningGroup(-2, 0);
      expect((await completeGroup(group.id)).status).toBe(200);
      const first = await certificatesOf(group.id);
      expect(first).toHaveLength(2);
      const reason = 'a lesson was marked for the wrong group';
      const byStaff = await t
        .http()
        .post(`/api/groups/${group.id}/reopen`)
        .set(bearer(staff))
        .send({ reason });
      expect(byStaff.status).toBe(403);
      expect(
        (await t.http().post(`/api/groups/${group.id}/reopen`).set(bearer(admin)).send({})).status,
      ).toBe(400);
      const reopened = await t
        .http()
        .post(`/api/groups/${group.id}/reopen`)
        .set(bearer(admin))
        .send({ reason });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({
        status: 'in_progress',
        completedAt: null,
        seats: { active: 2 },
        certificates: { revoked: 2, pending: 0, issued: 0 },
      });
      const roster = await t.http().get(`/api/groups/${group.id}/enrollments`).set(bearer(staff));
      expect(roster.body.items.map((e: { status: string }) => e.status)).toEqual([
        'active',
        'active',
      ]);
      expect(await certificatesOf(group.id)).toEqual(
        first.map((c) => ({ ...c, status: 'revoked', revoke_reason: reason })),
      );
      const [audit] = await t.dataSource.query(
        `SELECT changes FROM audit_log WHERE entity = 'group' AND entity_id = $1 AND action = 'reopen'`,
        [group.id],
      );
      expect(audit.changes).toMatchObject({
        reason,
        status: { from: 'completed', to: 'in_progress' },
      });

      expect((await completeGroup(group.id)).status).toBe(200);
      const second = (await certificatesOf(group.id)).filter((c) => c.status === 'pending');
      expect(second).toHaveLength(2);
      const oldNumbers = first.map((c) => c.number);
      for (const certificate of second) {
        expect(oldNumbers).not.toContain(certificate.number);
        expect(sequence(certificate.number)).toBeGreaterThan(Math.max(...oldNumbers.map(sequence)));
      }
    });

    it('is refused while the master or the workshop holds another group at its times since (409 naming it)', async () => {
      const group = await runningGroup(-2, 0);
      const workshop = await createWorkshop(t.dataSource);
      await t.dataSource.query('UPDATE groups SET workshop_id = $2 WHERE id = $1', [
        group.id,
        workshop.id,
      ]);
      const [row] = await t.dataSource.query<{ master_id: string }[]>(
        'SELECT master_id FROM groups WHERE id = $1',
        [group.id],
      );
      const masterId = row!.master_id;
      expect((await completeGroup(group.id)).status).toBe(200);
      // Once it completed, its master and its workshop were free for another group at its times.
      const next = async (body: object) => {
        serial += 1;
        const created = await t
          .http()
          .post('/api/groups')
          .set(bearer(staff))
          .send({
            courseId: (await createCourse(t.dataSource)).id,
            code: `RO-${Date.now().toString(36)}-${serial}`,
            startDate: addDays(today, -2),
            endDate: addDays(today, 20),
            schedule: DAILY,
            ...body,
          });
        expect(created.status).toBe(201);
        return created.body as { id: string; code: string };
      };
      const reopen = () =>
        t
          .http()
          .post(`/api/groups/${group.id}/reopen`)
          .set(bearer(admin))
          .send({ reason: 'a mark was wrong' });

      const taught = await next({});
      const assigned = await t
        .http()
        .put(`/api/groups/${taught.id}/master`)
        .set(bearer(staff))
        .send({ masterId });
      expect(assigned.status).toBe(200);
      const masterBusy = await reopen();
      expect(masterBusy.status).toBe(409);
      expect(masterBusy.body).toMatchObject({
        code: 'master.busy',
        params: { group: taught.code },
      });
      expect(
        (await t.http().post(`/api/groups/${taught.id}/cancel`).set(bearer(staff))).status,
      ).toBe(200);

      const housed = await next({ workshopId: workshop.id });
      const workshopBusy = await reopen();
      expect(workshopBusy.status).toBe(409);
      expect(workshopBusy.body).toMatchObject({
        code: 'workshop.busy',
        params: { workshop: workshop.name, group: housed.code },
      });
      // Refused, nothing changed: still completed, its certificates still standing.
      const [still] = await t.dataSource.query<{ status: string }[]>(
        'SELECT status FROM groups WHERE id = $1',
        [group.id],
      );
      expect(still).toEqual({ status: 'completed' });
      expect((await certificatesOf(group.id)).map((c) => c.status)).toEqual(['pending', 'pending']);

      expect(
        (await t.http().post(`/api/groups/${housed.id}/cancel`).set(bearer(staff))).status,
      ).toBe(200);
      expect((await reopen()).status).toBe(200);
    });

    it('is refused after 24 hours (422 group.reopen_window_passed) and for a group not completed', async () => {
      const group = await runningGroup(-2, 0);
      const notCompleted = await t
        .http()
        .post(`/api/groups/${group.id}/reopen`)
        .set(bearer(admin))
        .send({ reason: 'x' });
      expect(notCompleted.status).toBe(409);
      expect((await completeGroup(group.id)).status).toBe(200);
      await t.dataSource.query(
        `UPDATE groups SET completed_at = now() - interval '24 hours 1 minute' WHERE id = $1`,
        [group.id],
      );
      const late = await t
        .http()
        .post(`/api/groups/${group.id}/reopen`)
        .set(bearer(admin))
        .send({ reason: 'too late' });
      expect(late.status).toBe(422);
      expect(late.body.code).toBe('group.reopen_window_passed');
      expect((await certificatesOf(group.id)).map((c) => c.status)).toEqual(['pending', 'pending']);
    });
  });

  describe('reissue, revocation and paper', () => {
    it('reissues: the old one is revoked and names its replacement in the public check', async () => {
      const group = await runningGroup(-2, 0, { names: ['Тоқтарова'] });
      expect((await completeGroup(group.id)).status).toBe(200);
      const issuer = t.app.get(CertificateIssuer);
      const [original] = await certificatesOf(group.id);
      await issuer.issueCertificate(original!.id);
      const reissue = (id: string, token = admin) =>
        t
          .http()
          .post(`/api/certificates/${id}/reissue`)
          .set(bearer(token))
          .send({ reason: 'the surname was misspelt' });
      expect((await reissue(original!.id, staff)).status).toBe(403);
      const replaced = await reissue(original!.id);
      expect(replaced.status).toBe(201);
      expect(replaced.body).toMatchObject({ status: 'pending', groupId: group.id });
      expect(replaced.body.number).not.toBe(original!.number);
      expect((await reissue(original!.id)).status).toBe(409);

      const old = await t.http().get(`/api/certificates/${original!.id}`).set(bearer(staff));
      expect(old.body).toMatchObject({
        status: 'revoked',
        revokeReason: 'the surname was misspelt',
        replacedBy: { id: replaced.body.id, number: replaced.body.number },
      });
      const [code] = await t.dataSource.query(
        'SELECT verification_code FROM certificates WHERE id = $1',
        [original!.id],
      );
      const check = await t.http().get(`/api/public/certificates/${code.verification_code}`);
      expect(check.body).toMatchObject({
        valid: false,
        status: 'revoked',
        number: original!.number,
        replacedBy: replaced.body.number,
      });
      // The replacement is rendered like any pending certificate, then valid on its own.
      expect(await issuer.issueCertificate(replaced.body.id)).toBe('issued');
      const newCheck = await t
        .http()
        .get(`/api/public/certificates/${replaced.body.verificationCode}`);
      expect(newCheck.body).toMatchObject({ valid: true, number: replaced.body.number });
      // And a replacement can be replaced in turn: the chain goes on.
      const again = await reissue(replaced.body.id);
      expect(sequence(again.body.number)).toBeGreaterThan(sequence(replaced.body.number));
      expect(
        (await t.http().get(`/api/public/certificates/${replaced.body.verificationCode}`)).body,
      ).toMatchObject({ status: 'revoked', replacedBy: again.body.number });
    });

    it('serves a revoked certificate with the stamp over it and keeps the stored original', async () => {
      const group = await runningGroup(-2, 0, { names: ['Нұрланова'] });
      expect((await completeGroup(group.id)).status).toBe(200);
      const [certificate] = await certificatesOf(group.id);
      await t.app.get(CertificateIssuer).issueCertificate(certificate!.id);
      const download = () =>
        t
          .http()
          .get(`/api/certificates/${certificate!.id}/pdf`)
          .set(bearer(staff))
          .buffer(true)
          .parse(binary);
      const issued = await download();
      expect(issued.headers['x-certificate-status']).toBe('issued');
      expect(pdfText(issued.body as Buffer)).not.toContain('REVOKED');
      await t
        .http()
        .post(`/api/certificates/${certificate!.id}/revoke`)
        .set(bearer(admin))
        .send({ reason: 'issued by mistake' });
      const revoked = await download();
      expect(revoked.status).toBe(200);
      expect(revoked.headers['x-certificate-status']).toBe('revoked');
      const text = pdfText(revoked.body as Buffer);
      for (const part of ['REVOKED', 'КҮШІ ЖОЙЫЛДЫ', 'АННУЛИРОВАН', 'Нұрланова Ұлан'])
        expect(text).toContain(part);
      const [stored] = await t.dataSource.query('SELECT file_key FROM certificates WHERE id = $1', [
        certificate!.id,
      ]);
      const original = await t.app.get(CertificateStorage).get(stored.file_key);
      expect(original.equals(issued.body as Buffer)).toBe(true);
    });

    it("revokes a whole group's certificates at once with one reason", async () => {
      const group = await runningGroup(-2, 0);
      expect((await completeGroup(group.id)).status).toBe(200);
      const body = { reason: 'the course was not accredited' };
      expect(
        (
          await t
            .http()
            .post(`/api/groups/${group.id}/certificates/revoke`)
            .set(bearer(staff))
            .send(body)
        ).status,
      ).toBe(403);
      const response = await t
        .http()
        .post(`/api/groups/${group.id}/certificates/revoke`)
        .set(bearer(admin))
        .send(body);
      expect(response.status).toBe(200);
      const numbers = (await certificatesOf(group.id)).map((c) => c.number);
      expect(response.body).toEqual({
        revoked: numbers,
        certificates: { issued: 0, pending: 0, failed: 0, revoked: 2 },
      });
      expect((await certificatesOf(group.id)).every((c) => c.revoke_reason === body.reason)).toBe(
        true,
      );
    });

    it('prints every issued certificate of a group in one PDF, leaving out revoked ones', async () => {
      const names = ['Әлиева', 'Бекқожин', 'Төлеуова'];
      const group = await runningGroup(-2, 0, { names });
      expect((await completeGroup(group.id)).status).toBe(200);
      const certificates = await certificatesOf(group.id);
      const issuer = t.app.get(CertificateIssuer);
      for (const c of certificates) await issuer.issueCertificate(c.id);
      await t
        .http()
        .post(`/api/certificates/${certificates[2]!.id}/revoke`)
        .set(bearer(admin))
        .send({ reason: 'duplicate' });
      const pdf = await t
        .http()
        .get(`/api/groups/${group.id}/certificates/pdf`)
        .set(bearer(staff))
        .buffer(true)
        .parse(binary);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.body as Buffer);
      const [{ holder }] = await t.dataSource.query(
        `SELECT t.last_name AS holder FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
           JOIN trainees t ON t.id = e.trainee_id WHERE c.id = $1`,
        [certificates[2]!.id],
      );
      for (const name of names.filter((n) => n !== holder)) expect(text).toContain(`${name} Ұлан`);
      expect(text).not.toContain(`${holder} Ұлан`);
      expect(text).toContain(certificates[0]!.number);
    });

    it('prints the attendance journal: every name, the lesson dates, Kazakh letters, IINs masked', async () => {
      const names = ['Әбілдаев', 'Ғалымжанова', 'Құдайбергенов'];
      const group = await runningGroup(-30, 14, { names });
      const response = await t
        .http()
        .get(`/api/groups/${group.id}/attendance?format=pdf`)
        .set(bearer(staff))
        .buffer(true)
        .parse(binary);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = response.body as Buffer;
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
      const text = pdfText(pdf);
      for (const name of names) expect(text).toContain(`${name} Ұлан`);
      for (const lesson of group.lessons) {
        const [y, m, d] = lesson.date.split('-');
        expect(text).toContain(`${d}.${m}`);
        expect(y).toMatch(/^\d{4}$/);
      }
      expect(text).toContain('Сабаққа қатысу журналы');
      expect(text).toContain('Журнал посещаемости');
      expect(text).toContain('Қ'); // the letter of "қатысты" (present) in the legend and cells
      expect(text).toMatch(/\*{8}\d{4}/);
      expect(text).not.toMatch(/\b\d{12}\b/);
      expect(text).toMatch(/Шебер · Мастер/);
      expect(text).toMatch(/Директор/);
      // 45 lessons do not fit on one page: the columns go on to further pages.
      expect(text.split('\f').filter((page) => page.trim()).length).toBeGreaterThan(1);
    });
  });
});
