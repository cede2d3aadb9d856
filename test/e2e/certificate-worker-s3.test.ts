import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Environment } from '../../libs/config/src';
import { createGroup, createTrainee } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { assertBuilt, BUILT, type RunningProcess, startProcess } from '../support/processes';
import { type S3TestServer, startS3Server } from '../support/s3-server';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * CERTIFICATE_STORAGE=s3 end to end: the built worker renders into a real S3-protocol server and
 * the API serves the PDF it reads back from there, with the SHA-256 recorded at issue.
 */
describe('certificates on S3', () => {
  let s3: S3TestServer;
  let t: TestApp;
  let worker: RunningProcess;
  let staff: string;
  let admin: string;
  const PREFIX = 'karaganda';
  // What killed workers left: a temporary object two hours old, and one a live worker may be
  // writing now.
  const ABANDONED = `${PREFIX}/.incomplete/2000/SHB-2000-00001.pdf.4242.1`;
  const RECENT = `${PREFIX}/.incomplete/2000/SHB-2000-00002.pdf.4243.2`;

  beforeAll(async () => {
    assertBuilt();
    s3 = await startS3Server();
    for (const key of [ABANDONED, RECENT])
      await s3.client.send(
        new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: Buffer.from('%PDF-half') }),
      );
    s3.backdate(ABANDONED, 2 * 60 * 60 * 1000);
    t = await createTestApp(s3.env(PREFIX));
    staff = (await signedIn(t, 'staff')).token;
    admin = (await signedIn(t, 'admin')).token;
    worker = startProcess(BUILT.worker, [], {
      ...s3.env(PREFIX),
      REDIS_PREFIX: t.app.get(Environment).REDIS_PREFIX,
      // Nothing in the local directory: a file written there would fail the test.
      CERTIFICATE_STORAGE_DIR: '/nonexistent/sheber-certificates',
      CERTIFICATE_REQUEUE_AFTER_SECONDS: '2',
      CERTIFICATE_SWEEP_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'info',
    });
    await worker.waitForOutput(/Worker ready/);
  });
  afterAll(async () => {
    worker.child.kill('SIGTERM');
    await worker.exited;
    await t.close();
    await s3.close();
  });

  async function issuedCertificate(): Promise<{ id: string; number: string; sha256: string }> {
    const group = await createGroup(t.dataSource, { status: 'in_progress' });
    const trainee = await createTrainee(t.dataSource, {
      lastName: 'Сәрсенбаев',
      firstName: 'Ұлан',
    });
    const enrolled = await t
      .http()
      .post(`/api/groups/${group.id}/enrollments`)
      .set(bearer(staff))
      .send({ traineeId: trainee.id });
    const done = await t
      .http()
      .post(`/api/enrollments/${enrolled.body.id}/complete`)
      .set(bearer(admin))
      .send({ override: true, reason: 'S3 test' });
    expect(done.status).toBe(200);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row] = await t.dataSource.query<
        { id: string; number: string; status: string; sha256: string }[]
      >('SELECT id, number, status, sha256 FROM certificates WHERE enrollment_id = $1', [
        enrolled.body.id,
      ]);
      if (row?.status === 'issued') return row;
      if (Date.now() > deadline) throw new Error(`not issued in time: ${row?.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('the worker stores the PDF in the bucket under the prefix, and the API serves it with the recorded SHA-256', async () => {
    const certificate = await issuedCertificate();
    const key = `${PREFIX}/${certificate.number.slice(4, 8)}/${certificate.number}.pdf`;
    // In the bucket, under its key, with no temporary object left beside it.
    expect(await s3.keys(PREFIX)).toContain(key);
    expect(
      (await s3.keys(`${PREFIX}/.incomplete/`)).filter((k) => k.includes(certificate.number)),
    ).toEqual([]);
    expect(
      createHash('sha256')
        .update(await s3.read(key))
        .digest('hex'),
    ).toBe(certificate.sha256);

    const download = await t
      .http()
      .get(`/api/certificates/${certificate.id}/pdf`)
      .set(bearer(staff))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const pdf = download.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(certificate.sha256);
  });

  it("the worker's sweeper removes a temporary object left by a killed worker, and only an old one", async () => {
    const deadline = Date.now() + 10_000;
    while ((await s3.keys(`${PREFIX}/.incomplete/`)).includes(ABANDONED) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await s3.keys(`${PREFIX}/.incomplete/`)).toEqual([RECENT]);
    await worker.waitForOutput(/Removed 1 abandoned temporary file\(s\)/);
  });

  it('a certificate whose object is gone from the bucket answers 404 naming the file, not 500', async () => {
    const certificate = await issuedCertificate();
    const key = `${certificate.number.slice(4, 8)}/${certificate.number}.pdf`;
    await s3.remove(`${PREFIX}/${key}`);
    const download = await t
      .http()
      .get(`/api/certificates/${certificate.id}/pdf`)
      .set(bearer(staff));
    expect(download.status).toBe(404);
    expect(download.body).toMatchObject({
      code: 'stored_file.not_found',
      message: `The stored file was not found: ${key}`,
      params: { id: key },
    });
  });
});
