import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type supertest from 'supertest';
import { addDays, todayIn } from '../../libs/common/src';
import { Environment } from '../../libs/config/src';
import { DocumentPreparer, LARGE_JOURNAL_LESSONS } from '../../libs/documents/src';
import { documentJobId } from '../../libs/queues/src';
import { createCourse, createTrainee } from '../factories/catalog';
import { signedIn } from '../factories/users';
import { bearer } from '../support/http';
import { assertBuilt, BUILT, type RunningProcess, startProcess } from '../support/processes';
import { changedWhileWriting } from '../support/row-held';
import { createTestApp, type TestApp } from '../support/test-app';

function binary(res: supertest.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sheber-documents-'));
  const file = path.join(dir, 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** A large journal is prepared by the real worker process and fetched by id; a small one is not. */
describe('printed documents prepared by the worker', () => {
  const storage = mkdtempSync(path.join(tmpdir(), 'sheber-documents-store-'));
  let t: TestApp;
  let staff: string;
  let worker: RunningProcess | undefined;
  /** The large journal prepared below. */
  let preparedId: string | undefined;

  beforeAll(async () => {
    assertBuilt();
    t = await createTestApp({ CERTIFICATE_STORAGE_DIR: storage });
    staff = (await signedIn(t, 'staff')).token;
  });
  afterAll(async () => {
    if (worker) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await t.close();
  });

  /** A running group with a lesson every day from `daysAgo` to 3 days ahead, and these trainees. */
  async function runningGroup(daysAgo: number, names: string[]) {
    const today = todayIn('Asia/Almaty');
    const course = await createCourse(t.dataSource);
    const post = (url: string, body: object = {}) =>
      t.http().post(url).set(bearer(staff)).send(body);
    const created = await post('/api/groups', {
      courseId: course.id,
      code: `DOC-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      startDate: addDays(today, -daysAgo),
      endDate: addDays(today, 3),
      schedule: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        startTime: '00:00',
        endTime: '00:30',
      })),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const master = await signedIn(t, 'master', { crafts: ['pottery'] });
    const assigned = await t
      .http()
      .put(`/api/groups/${id}/master`)
      .set(bearer(staff))
      .send({ masterId: master.id });
    expect(assigned.status).toBe(200);
    expect((await post(`/api/groups/${id}/open`)).status).toBe(200);
    const enrollments: string[] = [];
    for (const lastName of names) {
      const trainee = await createTrainee(t.dataSource, { lastName, firstName: 'Ұлан' });
      const enrolled = await post(`/api/groups/${id}/enrollments`, { traineeId: trainee.id });
      expect(enrolled.status).toBe(201);
      enrollments.push(enrolled.body.id as string);
    }
    expect((await post(`/api/groups/${id}/start`)).status).toBe(200);
    const lessons = await t.dataSource.query<{ id: string }[]>(
      'SELECT id FROM lessons WHERE group_id = $1 AND starts_at <= now() ORDER BY starts_at',
      [id],
    );
    return { id, enrollments, lessons: lessons.map((l) => l.id) };
  }

  const journal = (groupId: string) =>
    t
      .http()
      .get(`/api/groups/${groupId}/attendance?format=pdf`)
      .set(bearer(staff))
      .buffer(true)
      .parse(binary);

  it('a small group’s journal still comes inline', async () => {
    const group = await runningGroup(10, ['Жақсыбекова']);
    const response = await journal(group.id);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(pdfText(response.body as Buffer)).toContain('Жақсыбекова Ұлан');
    const [count] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM documents WHERE group_id = $1',
      [group.id],
    );
    expect(count?.n).toBe(0);
  });

  // Before the worker starts: nothing else may take this document.
  it('a document given up while it was being drawn leaves no file behind', async () => {
    const group = await runningGroup(LARGE_JOURNAL_LESSONS + 5, ['Сейітқали']);
    const accepted = await journal(group.id);
    expect(accepted.status).toBe(202);
    const { id } = JSON.parse((accepted.body as Buffer).toString('utf8')) as { id: string };
    const file = path.join(storage, 'documents', `${id}.pdf`);
    // Another session holds the row while the worker's part runs, and gives the document up: the
    // file is written, then the row is found no longer pending.
    const outcome = await changedWhileWriting(
      t.dataSource,
      { table: 'documents', id },
      file,
      `UPDATE documents SET status = 'failed', failure_reason = 'test', finished_at = now()
        WHERE id = $1`,
      () => t.app.get(DocumentPreparer).prepareDocument(id),
    );
    expect(outcome).toBe('skipped');
    expect(existsSync(file)).toBe(false);
  });

  it('a journal of more than 60 lessons is prepared once by the worker, then served until its marks change', async () => {
    const names = ['Әбдірахманова', 'Ғабитов', 'Құрманғали', 'Өтепова', 'Үсенбаев'];
    const group = await runningGroup(LARGE_JOURNAL_LESSONS + 10, names);
    expect(group.lessons.length).toBeGreaterThan(LARGE_JOURNAL_LESSONS);

    // No worker yet: the first request is accepted, the second finds the same document.
    const first = await journal(group.id);
    expect(first.status).toBe(202);
    const document = JSON.parse((first.body as Buffer).toString('utf8')) as {
      id: string;
      status: string;
    };
    expect(document.status).toBe('pending');
    preparedId = document.id;
    expect(first.headers.location).toBe(`/api/documents/${document.id}`);
    // Asked again, twice at once, while it is pending: the same document, no second job.
    const again = await Promise.all([journal(group.id), journal(group.id)]);
    for (const response of again) {
      expect(response.status).toBe(202);
      expect(JSON.parse((response.body as Buffer).toString('utf8')).id).toBe(document.id);
    }
    // One job, in the outbox of the request's transaction, for the worker's relay to queue.
    const outbox = await t.dataSource.query<{ jobs: { jobId: string }[] }[]>(
      `SELECT jobs FROM outbox WHERE sent_at IS NULL AND jobs @> $1::jsonb`,
      [JSON.stringify([{ jobId: documentJobId(document.id) }])],
    );
    expect(outbox.map((row) => row.jobs.map((job) => job.jobId))).toEqual([
      [documentJobId(document.id)],
    ]);
    const rows = await t.dataSource.query<{ status: string }[]>(
      'SELECT status FROM documents WHERE group_id = $1',
      [group.id],
    );
    expect(rows).toEqual([{ status: 'pending' }]);
    const pending = await t.http().get(`/api/documents/${document.id}`).set(bearer(staff));
    expect(pending.status).toBe(202);
    expect(pending.body).toMatchObject({ id: document.id, status: 'pending', groupId: group.id });

    worker = startProcess(BUILT.worker, [], {
      REDIS_PREFIX: t.app.get(Environment).REDIS_PREFIX,
      CERTIFICATE_STORAGE_DIR: storage,
      LOG_LEVEL: 'info',
    });
    let ready: supertest.Response | undefined;
    const deadline = Date.now() + 30_000;
    while (!ready) {
      const polled = await t
        .http()
        .get(`/api/documents/${document.id}`)
        .set(bearer(staff))
        .buffer(true)
        .parse(binary);
      if (polled.status === 200) ready = polled;
      else if (polled.status !== 202 || Date.now() > deadline)
        throw new Error(`document not ready: ${polled.status}\n${worker.output()}`);
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready.headers['content-type']).toBe('application/pdf');
    const text = pdfText(ready.body as Buffer);
    for (const name of names) expect(text).toContain(`${name} Ұлан`);
    expect(text).toContain('Журнал посещаемости');
    const [stored] = await t.dataSource.query<{ file_key: string; finished_at: Date }[]>(
      'SELECT file_key, finished_at FROM documents WHERE id = $1',
      [document.id],
    );
    expect(stored!.file_key).toBe(`documents/${document.id}.pdf`);
    expect(stored!.finished_at).not.toBeNull();
    // Rendered once, though asked for twice.
    expect(worker.output().match(/document prepared/g)).toHaveLength(1);

    // Asked again with nothing changed: the prepared file, at once.
    const current = await journal(group.id);
    expect(current.status).toBe(200);
    expect((current.body as Buffer).equals(ready.body as Buffer)).toBe(true);

    // A mark corrected: the prepared journal is stale, and a new one is prepared.
    const marked = await t
      .http()
      .put(`/api/lessons/${group.lessons[0]}/attendance`)
      .set(bearer(staff))
      .send({
        marks: group.enrollments.map((enrollmentId) => ({ enrollmentId, status: 'present' })),
        reason: 'journal test',
      });
    expect(marked.status).toBe(200);
    const afterMark = await journal(group.id);
    expect(afterMark.status).toBe(202);
    expect(JSON.parse((afterMark.body as Buffer).toString('utf8')).id).not.toBe(document.id);
  });

  it('a master of another group gets 404 on the document; an unknown id is 404', async () => {
    expect(preparedId).toBeDefined();
    const other = await signedIn(t, 'master', { crafts: ['pottery'] });
    const refused = await t.http().get(`/api/documents/${preparedId}`).set(bearer(other.token));
    expect(refused.status).toBe(404);
    const unknown = await t
      .http()
      .get('/api/documents/00000000-0000-4000-8000-000000000000')
      .set(bearer(staff));
    expect(unknown.status).toBe(404);
  });

  it('a document that failed says so, with a code the web app translates', async () => {
    expect(preparedId).toBeDefined();
    await t.app.get(DocumentPreparer).markFailed(preparedId!, 'storage unavailable', 'ready');
    const failed = await t.http().get(`/api/documents/${preparedId}`).set(bearer(staff));
    expect(failed.status).toBe(409);
    expect(failed.body.code).toBe('document.failed');
  });
});
