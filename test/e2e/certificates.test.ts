import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { CertificateIssuer, CertificateRecords } from '../../libs/certificates/src';
import { SYSTEM_ACTOR } from '../../libs/common/src';
import { CERTIFICATE_QUEUE, certificateJobId } from '../../libs/queues/src';
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

  /** An active enrollment in a running group of its own, or of the group given. */
  async function activeEnrollment(groupId?: string): Promise<string> {
    const group = groupId
      ? { id: groupId }
      : await createGroup(t.dataSource, { status: 'in_progress' });
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
    const records = t.app.get(CertificateRecords);
    const rolledBack = await activeEnrollment();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await records.writePendingCertificates(manager, [rolledBack], SYSTEM_ACTOR);
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
  it('re-queues a group: a completed trainee without a certificate gets the next number, a failed one is retried', async () => {
    const group = await createGroup(t.dataSource, { status: 'in_progress' });
    const [legacy, failing, waiting, stillActive] = [
      await activeEnrollment(group.id),
      await activeEnrollment(group.id),
      await activeEnrollment(group.id),
      await activeEnrollment(group.id),
    ];
    // Completed before certificates existed (the paper register): no certificate at all.
    await t.dataSource.query(
      `UPDATE enrollments SET status = 'completed', status_changed_at = now() WHERE id = $1`,
      [legacy],
    );
    await complete(failing);
    await complete(waiting);
    const [failed] = await certificateOf(failing);
    // What the processor does after the last attempt.
    await t.app.get(CertificateIssuer).markFailed(failed!.id, 'disk full');
    const [other] = await certificateOf(waiting);
    const before = await t.http().get(`/api/groups/${group.id}`).set(bearer(staff));
    expect(before.body.certificates).toEqual({ issued: 0, pending: 1, failed: 1, revoked: 0 });

    const response = await t
      .http()
      .post(`/api/groups/${group.id}/certificates`)
      .set(bearer(staff))
      .send();
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      created: 1,
      retried: 1,
      queued: 3,
      queuedNow: true,
      certificates: { issued: 0, pending: 3, failed: 0, revoked: 0 },
    });
    const [created] = await certificateOf(legacy);
    expect(created).toMatchObject({ status: 'pending' });
    expect(sequence(created!.number)).toBe(sequence(other!.number) + 1);
    expect(await certificateOf(stillActive)).toHaveLength(0);
    expect((await certificateOf(failing))[0]).toMatchObject({
      status: 'pending',
      failure_reason: null,
    });
    const queue = t.app.get<Queue>(getQueueToken(CERTIFICATE_QUEUE));
    for (const id of [created!.id, failed!.id, other!.id]) {
      expect(await queue.getJobState(certificateJobId(id))).toBe('waiting');
    }

    const again = await t
      .http()
      .post(`/api/groups/${group.id}/certificates`)
      .set(bearer(staff))
      .send();
    expect(again.body).toMatchObject({ created: 0, retried: 0, queued: 3 });
    expect(await certificateOf(legacy)).toHaveLength(1);

    const audit = await t
      .http()
      .get(`/api/audit?entity=group&entityId=${group.id}`)
      .set(bearer(admin));
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'queue_certificates',
          changes: { created: 1, retried: 1, queued: 3 },
        }),
      ]),
    );
    const retryAudit = await t
      .http()
      .get(`/api/audit?entity=certificate&entityId=${failed!.id}`)
      .set(bearer(admin));
    expect(retryAudit.body.items.map((e: { action: string }) => e.action)).toContain('retry');
  });

  it('re-queueing names a malformed group id and answers 404 for an unknown one', async () => {
    const bad = await t.http().post('/api/groups/nope/certificates').set(bearer(staff)).send();
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'id', code: 'field.uuid', message: 'Must be a UUID' },
    ]);
    const unknown = await t
      .http()
      .post('/api/groups/00000000-0000-4000-8000-000000000000/certificates')
      .set(bearer(staff))
      .send();
    expect(unknown.status).toBe(404);
  });

  it('a tampered or unknown code is not valid', async () => {
    const enrollment = await activeEnrollment();
    await complete(enrollment);
    const [certificate] = await certificateOf(enrollment);
    await t.dataSource.query(
      `UPDATE certificates SET status = 'issued', issued_at = now() WHERE id = $1`,
      [certificate!.id],
    );
    const code = certificate!.verification_code;
    const verify = (value: string) => t.http().get(`/api/public/certificates/${value}`);
    expect((await verify(code)).body).toMatchObject({ valid: true });
    // One character changed, in the alphabet, at the start, middle and end.
    for (const position of [0, 7, 15]) {
      const swapped = code[position] === 'A' ? 'B' : 'A';
      const tampered = code.slice(0, position) + swapped + code.slice(position + 1);
      expect((await verify(tampered)).body).toEqual({ valid: false, status: 'unknown' });
    }
    for (const value of [
      code.slice(0, 15),
      `${code}0`,
      code.replace(/./, 'I'),
      '%00',
      'SHB-2026-00001',
    ])
      expect((await verify(encodeURIComponent(value))).body).toEqual({
        valid: false,
        status: 'unknown',
      });
  });

  it('public verification answers 429 after 60 requests a minute from one address', async () => {
    // A test app of its own: its rate-limit keys start empty.
    const fresh = await createTestApp();
    try {
      const verify = () => fresh.http().get('/api/public/certificates/0000000000000000');
      for (let i = 0; i < 60; i += 1) expect((await verify()).status).toBe(200);
      const refused = await verify();
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });
});
