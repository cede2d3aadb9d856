import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CertificatesService } from '../../libs/certificates/src';
import { SYSTEM_ACTOR } from '../../libs/common/src';
import { createGroup, createTrainee } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { createTestApp, type TestApp } from '../support/test-app';

const NUMBER = /^SHB-(\d{4})-(\d{5})$/;

describe('certificates', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await signedIn(t, 'staff')).token;
    admin = (await signedIn(t, 'admin')).token;
  });
  afterAll(async () => {
    await t.close();
  });

  /** An active enrollment in a running group of its own. */
  async function activeEnrollment(): Promise<string> {
    const group = await createGroup(t.dataSource, { status: 'in_progress' });
    const trainee = await createTrainee(t.dataSource, {
      lastName: 'Әбілқасымова',
      firstName: 'Гүлжан',
    });
    const response = await t
      .http()
      .post(`/api/groups/${group.id}/enrollments`)
      .set(bearer(staff))
      .send({ traineeId: trainee.id });
    return response.body.id;
  }

  const complete = (enrollmentId: string) =>
    t
      .http()
      .post(`/api/enrollments/${enrollmentId}/complete`)
      .set(bearer(admin))
      .send({ override: true, reason: 'certificate test' });

  const certificateOf = (enrollmentId: string) =>
    t.dataSource.query<{ id: string; number: string; status: string; verification_code: string }[]>(
      'SELECT * FROM certificates WHERE enrollment_id = $1',
      [enrollmentId],
    );

  const sequence = (number: string) => Number(NUMBER.exec(number)![2]);

  it('completing an enrollment writes exactly one pending certificate with the next number of the year', async () => {
    const first = await activeEnrollment();
    const second = await activeEnrollment();
    expect((await complete(first)).status).toBe(200);
    expect((await complete(second)).status).toBe(200);
    const [a] = await certificateOf(first);
    const [b] = await certificateOf(second);
    expect(a).toMatchObject({ status: 'pending' });
    expect(a!.number).toMatch(NUMBER);
    expect(sequence(b!.number)).toBe(sequence(a!.number) + 1);
    expect(a!.verification_code).toMatch(/^[0-9A-Z]{16}$/);
    expect((await complete(first)).status).toBe(409);
    expect(await certificateOf(first)).toHaveLength(1);
  });

  it('20 parallel completions get 20 consecutive numbers, none twice', async () => {
    const enrollments = await Promise.all(Array.from({ length: 20 }, activeEnrollment));
    const responses = await Promise.all(enrollments.map(complete));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const numbers = (await Promise.all(enrollments.map(certificateOf)))
      .map(([c]) => sequence(c!.number))
      .sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers[19]! - numbers[0]!).toBe(19);
  });

  it('a completion that rolls back leaves no gap in the numbers', async () => {
    const service = t.app.get(CertificatesService);
    const rolledBack = await activeEnrollment();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await service.writePendingCertificate(manager, rolledBack, SYSTEM_ACTOR);
        throw new Error('something later in the transaction failed');
      }),
    ).rejects.toThrow('something later');
    expect(await certificateOf(rolledBack)).toHaveLength(0);
    const before = await activeEnrollment();
    const after = await activeEnrollment();
    await complete(before);
    await complete(after);
    const [x] = await certificateOf(before);
    const [y] = await certificateOf(after);
    expect(sequence(y!.number)).toBe(sequence(x!.number) + 1);
    const [{ max }] = await t.dataSource.query(
      `SELECT max(substring(number from 10)::int) AS max FROM certificates WHERE number LIKE $1`,
      [`SHB-${NUMBER.exec(y!.number)![1]}-%`],
    );
    expect(max).toBe(sequence(y!.number));
  });

  it('verifies publicly: pending and unknown are not valid, issued is, revoked is not any more', async () => {
    const enrollment = await activeEnrollment();
    await complete(enrollment);
    const [certificate] = await certificateOf(enrollment);
    const verify = (code: string) => t.http().get(`/api/public/certificates/${code}`);

    expect((await verify(certificate!.verification_code)).body).toMatchObject({
      valid: false,
      status: 'pending',
    });
    expect((await verify('0000000000000000')).body).toEqual({ valid: false, status: 'unknown' });
    expect((await verify('not-a-code')).body).toEqual({ valid: false, status: 'unknown' });

    // What the worker does once the PDF is stored.
    await t.dataSource.query(
      `UPDATE certificates SET status = 'issued', issued_at = now() WHERE id = $1`,
      [certificate!.id],
    );
    const issued = await verify(certificate!.verification_code.toLowerCase());
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      valid: true,
      status: 'issued',
      number: certificate!.number,
      holder: 'Әбілқасымова Гүлжан',
      course: 'Қыш құмыра жасау негіздері',
      craft: { kk: 'Құмырашылық', ru: 'Гончарное дело', en: 'Pottery' },
      hours: 72,
    });
    expect(JSON.stringify(issued.body)).not.toMatch(/\d{12}/);

    const byStaff = await t
      .http()
      .post(`/api/certificates/${certificate!.id}/revoke`)
      .set(bearer(staff))
      .send({ reason: 'x' });
    expect(byStaff.status).toBe(403);
    const noReason = await t
      .http()
      .post(`/api/certificates/${certificate!.id}/revoke`)
      .set(bearer(admin))
      .send({});
    expect(noReason.status).toBe(400);
    const revoked = await t
      .http()
      .post(`/api/certificates/${certificate!.id}/revoke`)
      .set(bearer(admin))
      .send({ reason: 'issued by mistake' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: 'issued by mistake' });
    const after = (await verify(certificate!.verification_code)).body;
    expect(after).toMatchObject({ valid: false, status: 'revoked' });
    expect(after.revokedAt).toEqual(expect.any(String));
    expect(
      (
        await t
          .http()
          .post(`/api/certificates/${certificate!.id}/revoke`)
          .set(bearer(admin))
          .send({ reason: 'again' })
      ).status,
    ).toBe(409);
  });

  it('lists certificates by group, trainee or status for staff', async () => {
    const enrollment = await activeEnrollment();
    await complete(enrollment);
    const [{ group_id: groupId, trainee_id: traineeId }] = await t.dataSource.query(
      'SELECT group_id, trainee_id FROM enrollments WHERE id = $1',
      [enrollment],
    );
    const byGroup = await t.http().get(`/api/certificates?groupId=${groupId}`).set(bearer(staff));
    expect(byGroup.body.total).toBe(1);
    expect(byGroup.body.items[0]).toMatchObject({
      enrollmentId: enrollment,
      traineeId,
      groupId,
      status: 'pending',
    });
    const one = await t
      .http()
      .get(`/api/certificates/${byGroup.body.items[0].id}`)
      .set(bearer(staff));
    expect(one.body.number).toBe(byGroup.body.items[0].number);
    const notReady = await t
      .http()
      .get(`/api/certificates/${byGroup.body.items[0].id}/pdf`)
      .set(bearer(staff));
    expect(notReady.status).toBe(409);
    expect(notReady.body.message).toMatch(/not ready/);
    const bad = await t.http().get('/api/certificates?status=lost').set(bearer(staff));
    expect(bad.status).toBe(400);
  });
});
