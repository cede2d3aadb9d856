import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { addDays, todayIn } from '../../libs/common/src';
import { createCourse, createTrainee } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

const ZONE = 'Asia/Almaty';
// Every day 00:00–00:30 local, so yesterday's lesson has always started and tomorrow's has not.
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  startTime: '00:00',
  endTime: '00:30',
}));

interface Lesson {
  id: string;
  date: string;
  marked: boolean;
}

describe('lessons, attendance and completion', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;
  const today = todayIn(ZONE);

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A running group made through the API (so its lessons are generated), with `n` trainees. */
  async function runningGroup(
    n: number,
    options: { capacity?: number; minAttendancePercent?: number; from?: number; to?: number } = {},
  ) {
    const course = await createCourse(t.dataSource, {
      minAttendancePercent: options.minAttendancePercent ?? 80,
    });
    const created = await t
      .http()
      .post('/api/groups')
      .set(bearer(staff))
      .send({
        courseId: course.id,
        code: `AT-${Date.now()}-${Math.floor(Math.random() * 1000)}`,
        startDate: addDays(today, options.from ?? -20),
        endDate: addDays(today, options.to ?? 20),
        schedule: DAILY,
        capacity: options.capacity ?? 8,
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // A master of its own: the daily timetables of these groups all overlap.
    const master = await signedIn(t, 'master', { crafts: ['pottery'] });
    const assigned = await t
      .http()
      .put(`/api/groups/${id}/master`)
      .set(bearer(staff))
      .send({ masterId: master.id });
    expect(assigned.status).toBe(200);
    await t.http().post(`/api/groups/${id}/open`).set(bearer(staff));
    const enrollments: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const trainee = await createTrainee(t.dataSource);
      const enrolled = await t
        .http()
        .post(`/api/groups/${id}/enrollments`)
        .set(bearer(staff))
        .send({ traineeId: trainee.id });
      enrollments.push(enrolled.body.id);
    }
    await t.http().post(`/api/groups/${id}/start`).set(bearer(staff));
    const lessons = (await t.http().get(`/api/groups/${id}/lessons?limit=100`).set(bearer(staff)))
      .body.items as Lesson[];
    const on = (date: string) => lessons.find((l) => l.date === date)!;
    return { id, enrollments, lessons, on, master };
  }

  const mark = (lessonId: string, token: string, marks: unknown[], reason?: string) =>
    t
      .http()
      .put(`/api/lessons/${lessonId}/attendance`)
      .set(bearer(token))
      .send({ marks, ...(reason && { reason }) });

  const allPresent = (enrollments: string[]) =>
    enrollments.map((enrollmentId) => ({ enrollmentId, status: 'present' }));

  it('generates a lesson for every day of the timetable except holidays, in UTC', async () => {
    const group = await runningGroup(0);
    const holidays = (await t.http().get('/api/holidays').set(bearer(staff))).body.map(
      (h: { date: string }) => h.date,
    );
    const expected: string[] = [];
    for (let d = addDays(today, -20); d <= addDays(today, 20); d = addDays(d, 1))
      if (!holidays.includes(d)) expected.push(d);
    expect(group.lessons.map((l) => l.date)).toEqual(expected);
    const [first] = (
      await t.http().get(`/api/groups/${group.id}/lessons?limit=1`).set(bearer(staff))
    ).body.items;
    // 00:00 in Almaty is 19:00 UTC of the day before.
    expect(first.startsAt).toBe(`${addDays(expected[0]!, -1)}T19:00:00.000Z`);
  });

  it('lets the master mark a started lesson, idempotently, and audits each change with old and new values', async () => {
    const group = await runningGroup(3);
    const lesson = group.on(addDays(today, -1));
    const first = await mark(lesson.id, group.master.token, allPresent(group.enrollments));
    expect(first.status).toBe(200);
    const again = await mark(lesson.id, group.master.token, allPresent(group.enrollments));
    expect(again.status).toBe(200);
    const changed = await mark(lesson.id, group.master.token, [
      { enrollmentId: group.enrollments[0]!, status: 'late', note: '  автобус ' },
      ...allPresent(group.enrollments.slice(1)),
    ]);
    expect(changed.status).toBe(200);
    const audit = await t.dataSource.query(
      `SELECT action, changes FROM audit_log WHERE entity = 'lesson' AND entity_id = $1 ORDER BY id`,
      [lesson.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'mark_attendance',
      'correct_attendance',
    ]);
    expect(audit[1].changes.marks).toEqual({
      [group.enrollments[0]!]: {
        trainee: expect.stringMatching(/\S+ \S+/),
        from: { status: 'present', note: null },
        to: { status: 'late', note: 'автобус' },
      },
    });
    const lessons = (
      await t
        .http()
        .get(`/api/groups/${group.id}/lessons?limit=100`)
        .set(bearer(group.master.token))
    ).body.items;
    expect(lessons.find((l: Lesson) => l.id === lesson.id).marked).toBe(true);
  });

  it('refuses another master (403), a lesson not yet started (409), and a master after 7 days (422); staff correct with a reason', async () => {
    const group = await runningGroup(2);
    const other = await signedIn(t, 'master', { crafts: ['pottery'] });
    const yesterday = group.on(addDays(today, -1));
    const forbidden = await mark(yesterday.id, other.token, allPresent(group.enrollments));
    expect(forbidden.status).toBe(403);
    const tomorrow = await mark(
      group.on(addDays(today, 1)).id,
      group.master.token,
      allPresent(group.enrollments),
    );
    expect(tomorrow.status).toBe(409);
    expect(tomorrow.body.code).toBe('lesson.not_started');
    expect(tomorrow.body.message).toMatch(/has not started/);
    const sevenDays = await mark(
      group.on(addDays(today, -7)).id,
      group.master.token,
      allPresent(group.enrollments),
    );
    expect(sevenDays.status).toBe(200);
    const late = await mark(
      group.on(addDays(today, -9)).id,
      group.master.token,
      allPresent(group.enrollments),
    );
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('lesson.marking_window_closed');
    expect(late.body.message).toMatch(/up to 7 days/);
    const inKazakh = await t
      .http()
      .put(`/api/lessons/${group.on(addDays(today, -9)).id}/attendance`)
      .set(bearer(group.master.token))
      .set('accept-language', 'kk')
      .send({ marks: allPresent(group.enrollments) });
    expect(inKazakh.body.message).toBe(
      'Шебер сабақты одан кейін 7 күн ішінде белгілейді; түзетуді қызметкерлерден сұраңыз',
    );
    const noReason = await mark(
      group.on(addDays(today, -9)).id,
      staff,
      allPresent(group.enrollments),
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({
      field: 'reason',
      code: 'lesson.reason_required',
    });
    const corrected = await mark(
      group.on(addDays(today, -9)).id,
      staff,
      allPresent(group.enrollments),
      'paper register',
    );
    expect(corrected.status).toBe(200);
  });

  it('lets staff correct one mark of a marked lesson with a reason, also of a trainee who left, auditing old and new', async () => {
    const group = await runningGroup(3);
    const [a, b, c] = group.enrollments as [string, string, string];
    const lesson = group.on(addDays(today, -2));
    expect((await mark(lesson.id, group.master.token, allPresent(group.enrollments))).status).toBe(
      200,
    );
    // A master still sends the whole lesson; staff may send one mark.
    const masterOne = await mark(lesson.id, group.master.token, [
      { enrollmentId: a, status: 'absent' },
    ]);
    expect(masterOne.status).toBe(400);
    expect(masterOne.body.errors[0]).toMatchObject({
      field: 'marks',
      code: 'lesson.marks_missing',
    });
    const noReason = await mark(lesson.id, staff, [{ enrollmentId: a, status: 'absent' }]);
    expect(noReason.status).toBe(400);
    const one = await mark(
      lesson.id,
      staff,
      [{ enrollmentId: a, status: 'absent', note: 'болмады' }],
      'журнал бойынша',
    );
    expect(one.status).toBe(200);
    const audit = await t.dataSource.query(
      `SELECT action, actor_role, changes FROM audit_log
        WHERE entity = 'lesson' AND entity_id = $1 ORDER BY id`,
      [lesson.id],
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ action: 'correct_attendance', actor_role: 'staff' });
    expect(audit[1].changes).toEqual({
      reason: 'журнал бойынша',
      marks: {
        [a]: {
          trainee: expect.any(String),
          from: { status: 'present', note: null },
          to: { status: 'absent', note: 'болмады' },
        },
      },
    });
    const sheet = (await t.http().get(`/api/groups/${group.id}/attendance`).set(bearer(staff)))
      .body;
    const rowOf = (id: string) =>
      sheet.rows.find((r: { enrollmentId: string }) => r.enrollmentId === id);
    expect(rowOf(a).marks[lesson.id]).toBe('absent');
    expect(rowOf(a).notes).toEqual({ [lesson.id]: 'болмады' });
    expect(rowOf(b).marks[lesson.id]).toBe('present');
    expect(sheet.lessons[0].startsAt).toEqual(expect.any(String));

    // A trainee who has left keeps the marks they had, and staff can still correct them.
    const withdrawn = await t
      .http()
      .post(`/api/enrollments/${c}/withdraw`)
      .set(bearer(staff))
      .send({ reason: 'moved away' });
    expect(withdrawn.status).toBe(200);
    const left = await mark(lesson.id, staff, [{ enrollmentId: c, status: 'excused' }], 'анықтама');
    expect(left.status).toBe(200);
    // …but a lesson they never had a mark on cannot get one, nor can a lesson with no marks yet
    // be marked one trainee at a time.
    const unmarked = group.on(addDays(today, -3));
    const stranger = await mark(unmarked.id, staff, [{ enrollmentId: c, status: 'present' }], 'x');
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0]).toMatchObject({
      field: 'marks.0.enrollmentId',
      code: 'lesson.not_in_group',
    });
    const partialFirst = await mark(
      unmarked.id,
      staff,
      [{ enrollmentId: a, status: 'present' }],
      'x',
    );
    expect(partialFirst.status).toBe(400);
    expect(partialFirst.body.errors[0].code).toBe('lesson.marks_missing');
    const marks = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM attendance_marks WHERE lesson_id = $1',
      [unmarked.id],
    );
    expect(marks[0].n).toBe(0);
  });

  it('refuses missing marks, duplicates, another group’s trainee and unknown statuses with 400, changing nothing', async () => {
    const group = await runningGroup(2);
    const other = await runningGroup(1);
    const lesson = group.on(addDays(today, -2));
    const cases = [
      [{ enrollmentId: group.enrollments[0]!, status: 'present' }],
      [...allPresent(group.enrollments), { enrollmentId: group.enrollments[0]!, status: 'late' }],
      [
        ...allPresent(group.enrollments),
        { enrollmentId: other.enrollments[0]!, status: 'present' },
      ],
      [
        { enrollmentId: group.enrollments[0]!, status: 'sick' },
        { enrollmentId: group.enrollments[1]!, status: 'present' },
      ],
      [{ enrollmentId: 'nope', status: 'present' }],
      [
        { enrollmentId: group.enrollments[0]!, status: 'present', note: 'x'.repeat(501) },
        { enrollmentId: group.enrollments[1]!, status: 'present' },
      ],
      [
        { enrollmentId: group.enrollments[0]!, status: 'present', grade: 5 },
        { enrollmentId: group.enrollments[1]!, status: 'present' },
      ],
      ['present', { enrollmentId: group.enrollments[1]!, status: 'present' }],
      Array.from({ length: 9 }, () => ({ enrollmentId: randomUUID(), status: 'present' })),
    ];
    const fields = [
      'marks',
      'marks.2.enrollmentId',
      'marks.2.enrollmentId',
      'marks.0.status',
      'marks.0.enrollmentId',
      'marks.0.note',
      'marks.0.grade',
      'marks.0',
      'marks',
    ];
    for (const [index, marks] of cases.entries()) {
      const response = await mark(lesson.id, group.master.token, marks);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(fields[index]);
    }
    expect(
      (await mark(randomUUID(), group.master.token, allPresent(group.enrollments))).status,
    ).toBe(404);
    const unknownField = await t
      .http()
      .put(`/api/lessons/${lesson.id}/attendance`)
      .set(bearer(group.master.token))
      .send({ marks: allPresent(group.enrollments), extra: 1 });
    expect(unknownField.status).toBe(400);
    const rows = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM attendance_marks WHERE lesson_id = $1',
      [lesson.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses marks once the group is completed or cancelled (409)', async () => {
    const group = await runningGroup(1);
    const lesson = group.on(addDays(today, -1));
    expect((await t.http().post(`/api/groups/${group.id}/cancel`).set(bearer(staff))).status).toBe(
      200,
    );
    const response = await mark(lesson.id, staff, [], 'after the cancellation');
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'group.not_running',
      params: { status: 'cancelled' },
    });
  });

  it('shows attendance rates in the roster, the trainee’s enrollments and the sheet (JSON and CSV with BOM)', async () => {
    // Lessons only on the five days marked: a lesson that took place unmarked would count as held.
    const group = await runningGroup(2, { from: -5, to: -1 });
    const [a, b] = group.enrollments as [string, string];
    const days = [-5, -4, -3, -2, -1];
    const statuses: Record<number, [string, string]> = {
      [-5]: ['present', 'absent'],
      [-4]: ['late', 'absent'],
      [-3]: ['excused', 'present'],
      [-2]: ['present', 'absent'],
      [-1]: ['absent', 'present'],
    };
    for (const day of days) {
      const [sa, sb] = statuses[day]!;
      expect(
        (
          await mark(group.on(addDays(today, day)).id, group.master.token, [
            { enrollmentId: a, status: sa },
            { enrollmentId: b, status: sb },
          ])
        ).status,
      ).toBe(200);
    }
    const roster = (
      await t.http().get(`/api/groups/${group.id}/enrollments`).set(bearer(group.master.token))
    ).body.items;
    const rate = (id: string) => roster.find((e: { id: string }) => e.id === id).attendanceRate;
    expect(rate(a)).toBeCloseTo(3 / 4); // present, late, present of 4 held (one excused)
    expect(rate(b)).toBeCloseTo(2 / 5);

    const traineeId = roster.find((e: { id: string }) => e.id === a).traineeId;
    const mine = (await t.http().get(`/api/trainees/${traineeId}/enrollments`).set(bearer(staff)))
      .body;
    expect(mine).toEqual([
      expect.objectContaining({ id: a, status: 'active', attendanceRate: 0.75 }),
    ]);

    const sheet = (
      await t.http().get(`/api/groups/${group.id}/attendance?format=json`).set(bearer(staff))
    ).body;
    expect(sheet.lessons).toHaveLength(group.lessons.length);
    const row = sheet.rows.find((r: { enrollmentId: string }) => r.enrollmentId === a);
    expect(row.marks[group.on(addDays(today, -4)).id]).toBe('late');
    const csv = await t
      .http()
      .get(`/api/groups/${group.id}/attendance?format=csv`)
      .set(bearer(staff))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Оспанова Айгерім');
    expect(text.split('\r\n')[0]).toContain(`${addDays(today, -4)} 00:00`);
    expect(text).toContain('75%');
    const bad = await t
      .http()
      .get(`/api/groups/${group.id}/attendance?format=xls`)
      .set(bearer(staff));
    expect(bad.status).toBe(400);
  });

  it('completes an enrollment at the threshold, refuses one below it with 422, and lets only admin override', async () => {
    // Four lessons, all over and marked: completion waits for neither time nor marks.
    const group = await runningGroup(2, { minAttendancePercent: 75, from: -4, to: -1 });
    const [good, poor] = group.enrollments as [string, string];
    for (const [day, sg, sp] of [
      [-4, 'excused', 'absent'],
      [-3, 'present', 'absent'],
      [-2, 'present', 'absent'],
      [-1, 'absent', 'present'],
    ] as const) {
      await mark(group.on(addDays(today, day)).id, group.master.token, [
        { enrollmentId: good, status: sg },
        { enrollmentId: poor, status: sp },
      ]);
    }
    const refused = await t
      .http()
      .post(`/api/enrollments/${good}/complete`)
      .set(bearer(staff))
      .send({});
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual({ attendanceRate: 2 / 3, thresholdPercent: 75 });
    expect(refused.body.message).toMatch(/66\.7%.*75%/);
    // The first lesson, corrected from excused to present, lifts it to 3/4 = 75%.
    await mark(group.on(addDays(today, -4)).id, group.master.token, [
      { enrollmentId: good, status: 'present' },
      { enrollmentId: poor, status: 'absent' },
    ]);
    const completed = await t
      .http()
      .post(`/api/enrollments/${good}/complete`)
      .set(bearer(staff))
      .send({});
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', attendanceRate: 0.75 });
    expect(
      (await t.http().post(`/api/enrollments/${good}/complete`).set(bearer(staff)).send({})).status,
    ).toBe(409);

    const staffOverride = await t
      .http()
      .post(`/api/enrollments/${poor}/complete`)
      .set(bearer(staff))
      .send({ override: true, reason: 'medical' });
    expect(staffOverride.status).toBe(403);
    const noReason = await t
      .http()
      .post(`/api/enrollments/${poor}/complete`)
      .set(bearer(admin))
      .send({ override: true });
    expect(noReason.status).toBe(400);
    const overridden = await t
      .http()
      .post(`/api/enrollments/${poor}/complete`)
      .set(bearer(admin))
      .send({ override: true, reason: 'medical leave, work submitted' });
    expect(overridden.status).toBe(200);
    const audit = await t.dataSource.query(
      `SELECT changes FROM audit_log WHERE entity = 'enrollment' AND entity_id = $1 AND action = 'complete'`,
      [poor],
    );
    expect(audit[0].changes).toMatchObject({
      override: true,
      reason: 'medical leave, work submitted',
    });
  });

  it('completing a group completes the eligible, fails the others and withdraws the waitlist in one go', async () => {
    // One lesson, yesterday: the training is over once it is marked.
    const group = await runningGroup(3, { capacity: 2, from: -1, to: -1 });
    const [good, poor, waiting] = group.enrollments as [string, string, string];
    await mark(group.on(addDays(today, -1)).id, group.master.token, [
      { enrollmentId: good, status: 'present' },
      { enrollmentId: poor, status: 'absent' },
    ]);
    const done = await t.http().post(`/api/groups/${group.id}/complete`).set(bearer(staff));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      seats: { capacity: 2, active: 0, waitlisted: 0 },
    });
    const roster = (await t.http().get(`/api/groups/${group.id}/enrollments`).set(bearer(staff)))
      .body.items;
    const status = (id: string) => roster.find((e: { id: string }) => e.id === id).status;
    expect([status(good), status(poor), status(waiting)]).toEqual([
      'completed',
      'failed',
      'withdrawn',
    ]);
    const closed = await mark(
      group.on(addDays(today, -1)).id,
      staff,
      allPresent([good]),
      'late fix',
    );
    expect(closed.status).toBe(409);
  });

  it('a timetable change regenerates future unmarked lessons and keeps marked ones; a new holiday removes its lesson', async () => {
    const group = await runningGroup(1);
    const marked = group.on(addDays(today, -1));
    await mark(marked.id, group.master.token, allPresent(group.enrollments));
    const pastUnmarked = group.on(addDays(today, -3));
    const changed = await t
      .http()
      .patch(`/api/groups/${group.id}`)
      .set(bearer(staff))
      .send({ schedule: [{ weekday: 1, startTime: '00:00', endTime: '00:30' }] });
    expect(changed.status).toBe(200);
    const after = (
      await t.http().get(`/api/groups/${group.id}/lessons?limit=100`).set(bearer(staff))
    ).body.items as (Lesson & { startsAt: string })[];
    const ids = after.map((l) => l.id);
    expect(ids).toContain(marked.id);
    expect(ids).toContain(pastUnmarked.id);
    const future = after.filter((l) => Date.parse(l.startsAt) > Date.now());
    expect(future.length).toBeGreaterThan(0);
    expect(future.every((l) => new Date(`${l.date}T00:00:00Z`).getUTCDay() === 1)).toBe(true);

    const holiday = future[0]!.date;
    const added = await t
      .http()
      .post('/api/holidays')
      .set(bearer(staff))
      .send({ date: holiday, nameKk: 'Сынақ', nameRu: 'Тест', nameEn: 'Test' });
    expect(added.status).toBe(201);
    try {
      const again = await t
        .http()
        .post('/api/holidays')
        .set(bearer(staff))
        .send({ date: holiday, nameKk: 'Сынақ', nameRu: 'Тест', nameEn: 'Test' });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('This date is already a holiday');
      const withHoliday = (
        await t.http().get(`/api/groups/${group.id}/lessons?limit=100`).set(bearer(staff))
      ).body.items as Lesson[];
      expect(withHoliday.map((l) => l.date)).not.toContain(holiday);
    } finally {
      expect((await t.http().delete(`/api/holidays/${holiday}`).set(bearer(staff))).status).toBe(
        204,
      );
    }
    const restored = (
      await t.http().get(`/api/groups/${group.id}/lessons?limit=100`).set(bearer(staff))
    ).body.items as Lesson[];
    expect(restored.map((l) => l.date)).toContain(holiday);
  });
});
