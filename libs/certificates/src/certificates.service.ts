import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@sheber/audit';
import { Actor, ConflictError, NotFoundError, Page, todayIn } from '@sheber/common';
import { EnrollmentEvents } from '@sheber/enrollments';
import { Environment } from '@sheber/config';
import { tableRowCount } from '@sheber/database/row-count';
import { sqlRows } from '@sheber/database/sql';
import { CompletionService } from '@sheber/lessons';
import {
  CERTIFICATE_QUEUE,
  certificateJobId,
  ISSUE_CERTIFICATE_JOB,
  type IssueCertificatePayload,
} from '@sheber/queues';
import {
  formatCertificateNumber,
  looksLikeVerificationCode,
  newVerificationCode,
} from './certificate-number';
import { CertificateIssuer } from './certificate-issuer.service';
import { CertificateStorage } from './certificate-storage';
import { type HolderColumns, holderName } from './holder-name';
import type { CertificateDocument } from './render/certificate-pdf';
import {
  CertificateQueryDto,
  CertificateView,
  GroupCertificateCounts,
  GroupCertificatesQueuedView,
  GroupCertificatesRevokedView,
  PublicCertificateView,
} from './dto/certificate.dto';
import type { CertificateStatus } from './entities/certificate.entity';

/** How long a request waits for Redis to take its certificate jobs (it takes them in ~1 ms). */
const QUEUE_WAIT_MS = 1000;

interface CertificateRow extends HolderColumns {
  id: string;
  number: string;
  status: CertificateStatus;
  verification_code: string;
  enrollment_id: string;
  trainee_id: string;
  group_id: string;
  issued_at: Date | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  replaced_by_id: string | null;
  replaced_by: string | null;
  failure_reason: string | null;
  created_at: Date;
}

const CERTIFICATE_COLUMNS = `
  c.id, c.number, c.status, c.verification_code, c.enrollment_id, e.trainee_id, e.group_id,
  t.last_name, t.first_name, t.patronymic, c.issued_at, c.revoked_at, c.revoke_reason,
  c.replaced_by_id, r.number AS replaced_by, c.failure_reason, c.created_at`;

const CERTIFICATE_FROM = `
  FROM certificates c
  JOIN enrollments e ON e.id = c.enrollment_id
  JOIN trainees t ON t.id = e.trainee_id
  LEFT JOIN certificates r ON r.id = c.replaced_by_id`;

function toView(row: CertificateRow): CertificateView {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    verificationCode: row.verification_code,
    enrollmentId: row.enrollment_id,
    traineeId: row.trainee_id,
    groupId: row.group_id,
    holder: holderName(row),
    issuedAt: row.issued_at,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    replacedBy: row.replaced_by_id
      ? { id: row.replaced_by_id, number: row.replaced_by ?? '' }
      : null,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
  };
}

/**
 * Certificates: exactly one per completed enrollment, written `pending` in the completing
 * transaction with the next number of the year. The number comes from a per-year counter row
 * bumped in that same transaction, so a rolled-back completion leaves no gap and two completions
 * never share a number.
 */
@Injectable()
export class CertificatesService implements OnModuleInit {
  private readonly logger = new Logger('Certificates');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
    private readonly env: Environment,
    @InjectQueue(CERTIFICATE_QUEUE) private readonly queue: Queue<IssueCertificatePayload>,
    private readonly storage: CertificateStorage,
    private readonly issuer: CertificateIssuer,
    private readonly enrollmentEvents: EnrollmentEvents,
  ) {
    // Without a listener BullMQ prints every failed reconnect to stderr; one warning a minute is
    // enough, and the health check reports Redis as down meanwhile.
    let lastWarning = 0;
    this.queue.on('error', (error: Error) => {
      if (Date.now() - lastWarning < 60_000) return;
      lastWarning = Date.now();
      this.logger.warn(`Certificate queue: ${error.message}`);
    });
  }

  onModuleInit(): void {
    this.completion.onEnrollmentCompleted((manager, enrollmentId, actor) =>
      this.writePendingCertificate(manager, enrollmentId, actor).then(() => undefined),
    );
    // A reopened group's certificates are revoked in the reopening transaction, with its reason.
    this.enrollmentEvents.onEnrollmentsReopened(async (manager, enrollmentIds, actor, reason) => {
      await this.revokeWithin(manager, actor, { enrollmentIds }, reason);
    });
  }

  /**
   * Revokes every certificate not yet revoked of these enrollments or of this group, inside the
   * caller's transaction, one audit row each; returns them. The numbers stay taken for good.
   */
  private async revokeWithin(
    manager: EntityManager,
    actor: Actor,
    filter: { enrollmentIds?: string[]; groupId?: string },
    reason: string,
  ): Promise<{ id: string; number: string; status: CertificateStatus }[]> {
    const revoked = await sqlRows<{ id: string; number: string; status: CertificateStatus }>(
      manager,
      `WITH target AS (
         SELECT c.id, c.status FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
          WHERE c.status <> 'revoked'
            AND (($1::uuid[] IS NOT NULL AND c.enrollment_id = ANY($1)) OR ($2::uuid IS NOT NULL AND e.group_id = $2))
          ORDER BY c.number FOR UPDATE OF c)
       UPDATE certificates c SET status = 'revoked', revoked_at = now(), revoke_reason = $3,
              updated_at = now()
         FROM target WHERE c.id = target.id
       RETURNING c.id, c.number, target.status`,
      [filter.enrollmentIds ?? null, filter.groupId ?? null, reason],
    );
    for (const row of revoked) {
      await this.audit.record(manager, actor, {
        action: 'revoke',
        entity: 'certificate',
        entityId: row.id,
        changes: { status: { from: row.status, to: 'revoked' }, reason },
      });
    }
    return revoked;
  }

  /**
   * Revokes all certificates of a group at once (admin), one reason for all, in one transaction;
   * the group itself stays as it is.
   */
  async revokeGroupCertificates(
    actor: Actor,
    groupId: string,
    reason: string,
  ): Promise<GroupCertificatesRevokedView> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const [group] = await sqlRows<{ code: string }>(
        manager,
        'SELECT code FROM groups WHERE id = $1 FOR UPDATE',
        [groupId],
      );
      if (!group) throw new NotFoundError('Group', groupId);
      const rows = await this.revokeWithin(manager, actor, { groupId }, reason);
      await this.audit.record(manager, actor, {
        action: 'revoke_certificates',
        entity: 'group',
        entityId: groupId,
        changes: { reason, revoked: rows.map((r) => r.number) },
      });
      return rows;
    });
    return {
      revoked: revoked.map((r) => r.number),
      certificates: await this.countCertificatesOfGroup(groupId),
    };
  }

  /**
   * Reissues a certificate (admin, with a reason): the old one is revoked and names its
   * replacement; the new one takes the next number of the year and is rendered by the worker from
   * the current data, like any pending certificate.
   */
  async reissueCertificate(actor: Actor, id: string, reason: string): Promise<CertificateView> {
    const replacementId = await this.dataSource.transaction(async (manager) => {
      const [row] = await sqlRows<{
        status: CertificateStatus;
        number: string;
        enrollment_id: string;
        enrollment_status: string;
      }>(
        manager,
        `SELECT c.status, c.number, c.enrollment_id, e.status AS enrollment_status
           FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
          WHERE c.id = $1 FOR UPDATE OF c`,
        [id],
      );
      if (!row) throw new NotFoundError('Certificate', id);
      if (row.status === 'revoked') {
        throw new ConflictError(
          'certificate_revoked',
          `Certificate ${row.number} is revoked; reissue its replacement instead`,
        );
      }
      if (row.enrollment_status !== 'completed') {
        throw new ConflictError(
          'enrollment_not_completed',
          `The enrollment of certificate ${row.number} is ${row.enrollment_status}`,
        );
      }
      await sqlRows(
        manager,
        `UPDATE certificates SET status = 'revoked', revoked_at = now(), revoke_reason = $2,
                updated_at = now()
          WHERE id = $1`,
        [id, reason],
      );
      const newId = await this.writePendingCertificate(manager, row.enrollment_id, actor);
      await sqlRows(manager, 'UPDATE certificates SET replaced_by_id = $2 WHERE id = $1', [
        id,
        newId,
      ]);
      const [created] = await sqlRows<{ number: string }>(
        manager,
        'SELECT number FROM certificates WHERE id = $1',
        [newId],
      );
      await this.audit.record(manager, actor, {
        action: 'reissue',
        entity: 'certificate',
        entityId: id,
        changes: {
          status: { from: row.status, to: 'revoked' },
          reason,
          replacedBy: created!.number,
        },
      });
      return newId;
    });
    try {
      await this.queueCertificates([replacementId]);
    } catch (error) {
      // Committed: the sweeper queues the pending replacement later.
      this.logger.warn(
        `Could not queue certificates: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return this.getCertificate(replacementId);
  }

  async writePendingCertificate(
    manager: EntityManager,
    enrollmentId: string,
    actor: Actor,
  ): Promise<string> {
    const [existing] = await sqlRows<{ id: string }>(
      manager,
      "SELECT id FROM certificates WHERE enrollment_id = $1 AND status <> 'revoked'",
      [enrollmentId],
    );
    if (existing) return existing.id;
    const year = Number(todayIn(this.env.CENTRE_TIMEZONE).slice(0, 4));
    const [counter] = await sqlRows<{ last_number: number }>(
      manager,
      `INSERT INTO certificate_counters (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = certificate_counters.last_number + 1
       RETURNING last_number`,
      [year],
    );
    const number = formatCertificateNumber(year, counter!.last_number);
    const [certificate] = await sqlRows<{ id: string }>(
      manager,
      `INSERT INTO certificates (enrollment_id, number, verification_code, status)
       VALUES ($1, $2, $3, 'pending') RETURNING id`,
      [enrollmentId, number, newVerificationCode()],
    );
    await this.audit.record(manager, actor, {
      action: 'create',
      entity: 'certificate',
      entityId: certificate!.id,
      changes: { number, enrollmentId, status: 'pending' },
    });
    return certificate!.id;
  }

  /**
   * Queues the rendering of the pending certificates of these enrollments, after the completing
   * transaction has committed. A job lost here (or in Redis) is queued again by the sweeper.
   */
  async queueCertificatesOf(filter: {
    enrollmentIds?: string[];
    groupId?: string;
  }): Promise<number> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
        WHERE c.status = 'pending'
          AND (($1::uuid[] IS NOT NULL AND c.enrollment_id = ANY($1)) OR ($2::uuid IS NOT NULL AND e.group_id = $2))`,
      [filter.enrollmentIds ?? null, filter.groupId ?? null],
    );
    await this.queueWithoutWaiting(() => this.queueCertificates(rows.map((r) => r.id)));
    return rows.length;
  }

  /**
   * Queues certificates again (the sweeper, a group's re-queue). BullMQ keeps a failed job under
   * its id (removeOnFail), and adding a job whose id exists does nothing: a job that failed, or
   * that stalled too often while its worker died, is removed first. Waiting, delayed and active
   * jobs stay as they are.
   */
  async requeueCertificates(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const states = await Promise.all(ids.map((id) => this.queue.getJobState(certificateJobId(id))));
    const finished = ids.filter((_, i) => states[i] === 'failed' || states[i] === 'completed');
    await Promise.all(finished.map((id) => this.queue.remove(certificateJobId(id))));
    await this.queueCertificates(ids);
  }

  /** Queues freshly written certificates: one job each, under an id derived from the certificate. */
  async queueCertificates(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.queue.addBulk(
      ids.map((certificateId) => ({
        name: ISSUE_CERTIFICATE_JOB,
        data: { certificateId },
        opts: { jobId: certificateJobId(certificateId) },
      })),
    );
  }

  /**
   * Queues again what a group's certificates lack: a completed enrollment without a certificate
   * gets one (pending, the next number), failed ones go back to pending, and every pending one is
   * queued (a job that exists already stays as it is). One audit row per change and one for the
   * request, in one transaction; the jobs are queued after it commits.
   */
  async queueGroupCertificates(
    actor: Actor,
    groupId: string,
  ): Promise<GroupCertificatesQueuedView> {
    const queued = await this.dataSource.transaction(async (manager) => {
      // The group row first, as completion does: a completion or a second request waits here.
      const [group] = await sqlRows<{ code: string }>(
        manager,
        'SELECT code FROM groups WHERE id = $1 FOR UPDATE',
        [groupId],
      );
      if (!group) throw new NotFoundError('Group', groupId);
      const missing = await sqlRows<{ id: string }>(
        manager,
        `SELECT e.id FROM enrollments e
          WHERE e.group_id = $1 AND e.status = 'completed'
            AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = e.id)
          ORDER BY e.status_changed_at, e.id`,
        [groupId],
      );
      const created: string[] = [];
      for (const { id } of missing)
        created.push(await this.writePendingCertificate(manager, id, actor));
      const retried = await sqlRows<{ id: string; number: string; failure_reason: string | null }>(
        manager,
        `WITH before AS (
           SELECT c.id, c.failure_reason FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
            WHERE e.group_id = $1 AND c.status = 'failed' FOR UPDATE OF c)
         UPDATE certificates c SET status = 'pending', failure_reason = NULL, updated_at = now()
           FROM before WHERE c.id = before.id
         RETURNING c.id, c.number, before.failure_reason`,
        [groupId],
      );
      for (const row of retried) {
        await this.audit.record(manager, actor, {
          action: 'retry',
          entity: 'certificate',
          entityId: row.id,
          changes: {
            status: { from: 'failed', to: 'pending' },
            failureReason: { from: row.failure_reason, to: null },
          },
        });
      }
      const pending = await sqlRows<{ id: string }>(
        manager,
        `SELECT c.id FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
          WHERE e.group_id = $1 AND c.status = 'pending'`,
        [groupId],
      );
      await this.audit.record(manager, actor, {
        action: 'queue_certificates',
        entity: 'group',
        entityId: groupId,
        changes: { created: created.length, retried: retried.length, queued: pending.length },
      });
      return { created: created.length, retried: retried.length, ids: pending.map((r) => r.id) };
    });
    const queuedNow = await this.queueWithoutWaiting(() => this.requeueCertificates(queued.ids));
    return {
      created: queued.created,
      retried: queued.retried,
      queued: queued.ids.length,
      queuedNow,
      certificates: await this.countCertificatesOfGroup(groupId),
    };
  }

  /**
   * Queueing from a request, after its transaction committed: Redis gets QUEUE_WAIT_MS to take
   * the jobs, and a Redis that is away (its connection retries forever, and queues commands
   * meanwhile) never holds the answer up. The certificates stay pending in the database and the
   * worker's sweeper queues them later; a command that Redis takes late adds jobs under the same
   * ids, which does nothing twice. True when the jobs were queued now.
   */
  private async queueWithoutWaiting(queue: () => Promise<void>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const attempt = queue();
    try {
      await Promise.race([
        attempt,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis did not take the jobs within ${QUEUE_WAIT_MS} ms`)),
            QUEUE_WAIT_MS,
          );
        }),
      ]);
      return true;
    } catch (error) {
      attempt.catch(() => undefined);
      this.logger.warn(
        `Could not queue certificates now, the sweeper will: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** How far a group's certificates are: one indexed count over the group's enrollments. */
  async countCertificatesOfGroup(groupId: string): Promise<GroupCertificateCounts> {
    const [row] = await this.dataSource.query<Record<CertificateStatus, number>[]>(
      `SELECT count(*) FILTER (WHERE c.status = 'issued')::int AS issued,
              count(*) FILTER (WHERE c.status = 'pending')::int AS pending,
              count(*) FILTER (WHERE c.status = 'failed')::int AS failed,
              count(*) FILTER (WHERE c.status = 'revoked')::int AS revoked
         FROM enrollments e JOIN certificates c ON c.enrollment_id = e.id
        WHERE e.group_id = $1`,
      [groupId],
    );
    return {
      issued: row?.issued ?? 0,
      pending: row?.pending ?? 0,
      failed: row?.failed ?? 0,
      revoked: row?.revoked ?? 0,
    };
  }

  /** Certificates pending for longer than `seconds`: their job was lost or never queued. */
  async findStalePending(seconds: number, limit = 500): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM certificates WHERE status = 'pending' AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT $2`,
      [seconds, limit],
    );
    return rows.map((r) => r.id);
  }

  async listCertificates(query: CertificateQueryDto): Promise<Page<CertificateView>> {
    // Only the filters given, so each list is an index scan in number order (a filter written as
    // `($1 IS NULL OR …)` serves no index), and the count apart from the page.
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.groupId) where.push(`e.group_id = $${params.push(query.groupId)}`);
    if (query.traineeId) where.push(`e.trainee_id = $${params.push(query.traineeId)}`);
    if (query.status) where.push(`c.status = $${params.push(query.status)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const byEnrollment = query.groupId || query.traineeId;
    const join = byEnrollment ? 'JOIN enrollments e ON e.id = c.enrollment_id' : '';
    const [rows, total] = await Promise.all([
      // The page's ids in number order first, then the holder's name for those rows only.
      this.dataSource.query<CertificateRow[]>(
        `WITH page AS MATERIALIZED (
           SELECT c.id FROM certificates c ${join} ${filter}
            ORDER BY c.number DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2})
         SELECT ${CERTIFICATE_COLUMNS} ${CERTIFICATE_FROM}
           JOIN page ON page.id = c.id
          ORDER BY c.number DESC`,
        [...params, query.limit, query.offset],
      ),
      where.length === 0
        ? tableRowCount(this.dataSource, 'certificates')
        : this.dataSource
            .query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM certificates c ${join} ${filter}`,
              params,
            )
            .then(([row]) => row?.n ?? 0),
    ]);
    return { items: rows.map(toView), total };
  }

  async getCertificate(id: string): Promise<CertificateView> {
    const [row] = await this.dataSource.query<CertificateRow[]>(
      `SELECT ${CERTIFICATE_COLUMNS} ${CERTIFICATE_FROM} WHERE c.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Certificate', id);
    return toView(row);
  }

  /**
   * The PDF of a certificate, with its number for the file name: the stored file of an issued
   * one; a revoked one drawn again with the revocation stamp over it (the stored original is kept
   * as it was). An officer gets only the certificate of an enrollment that the officer's centre
   * referred; any other is "not found".
   */
  async readCertificatePdf(
    actor: Actor,
    id: string,
  ): Promise<{ number: string; status: CertificateStatus; pdf: Buffer }> {
    const officerCentre = actor.role === 'officer' ? (actor.employmentCenterId ?? '') : null;
    const [row] = await this.dataSource.query<
      { number: string; status: CertificateStatus; file_key: string | null }[]
    >(
      `SELECT c.number, c.status, c.file_key FROM certificates c
        WHERE c.id = $1
          AND ($2::text IS NULL OR EXISTS (
                SELECT 1 FROM referrals r
                 WHERE r.enrollment_id = c.enrollment_id AND r.employment_center_id::text = $2))`,
      [id, officerCentre],
    );
    if (!row) throw new NotFoundError('Certificate', id);
    if (row.status === 'revoked') {
      return {
        number: row.number,
        status: row.status,
        pdf: await this.issuer.renderRevokedCertificate(id),
      };
    }
    if (!row.file_key) {
      throw new ConflictError(
        'certificate_not_rendered',
        `Certificate ${row.number} is ${row.status}; its PDF is not ready yet`,
      );
    }
    try {
      return {
        number: row.number,
        status: row.status,
        pdf: await this.storage.get(row.file_key),
      };
    } catch (error) {
      // Recorded as stored but not there: the storage was changed or lost. The caller gets a 404
      // naming the file; the operator, a line to act on.
      if (error instanceof NotFoundError)
        this.logger.warn(
          `Certificate ${row.number} is ${row.status} but its file ${row.file_key} is missing`,
        );
      throw error;
    }
  }

  /**
   * Every issued, not revoked, certificate of a group as printed (see CertificateIssuer), with
   * the group's code; 409 when there is none to print.
   */
  async groupCertificateDocuments(
    groupId: string,
  ): Promise<{ code: string; documents: CertificateDocument[] }> {
    const [group] = await this.dataSource.query<{ code: string }[]>(
      'SELECT code FROM groups WHERE id = $1',
      [groupId],
    );
    if (!group) throw new NotFoundError('Group', groupId);
    const documents = await this.issuer.groupCertificateDocuments(groupId);
    if (documents.length === 0) {
      throw new ConflictError(
        'group.no_issued_certificates',
        `Group ${group.code} has no issued certificate to print`,
      );
    }
    return { code: group.code, documents };
  }

  async revokeCertificate(actor: Actor, id: string, reason: string): Promise<CertificateView> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await sqlRows<{ status: CertificateStatus; number: string }>(
        manager,
        'SELECT status, number FROM certificates WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!row) throw new NotFoundError('Certificate', id);
      if (row.status === 'revoked')
        throw new ConflictError(
          'certificate_revoked',
          `Certificate ${row.number} is already revoked`,
        );
      await sqlRows(
        manager,
        `UPDATE certificates SET status = 'revoked', revoked_at = now(), revoke_reason = $2, updated_at = now()
          WHERE id = $1`,
        [id, reason],
      );
      await this.audit.record(manager, actor, {
        action: 'revoke',
        entity: 'certificate',
        entityId: id,
        changes: { status: { from: row.status, to: 'revoked' }, reason },
      });
    });
    return this.getCertificate(id);
  }

  /** Public verification: valid only when issued; revoked and unknown codes say so. */
  async verifyCertificate(code: string): Promise<PublicCertificateView> {
    const normalized = code.trim().toUpperCase();
    if (!looksLikeVerificationCode(normalized)) return { valid: false, status: 'unknown' };
    const [row] = await this.dataSource.query<
      (HolderColumns & {
        status: CertificateStatus;
        number: string;
        title: string;
        hours: number;
        name_kk: string;
        name_ru: string;
        name_en: string;
        issued_at: Date | null;
        revoked_at: Date | null;
        replaced_by: string | null;
      })[]
    >(
      `SELECT c.status, c.number, t.last_name, t.first_name, t.patronymic, co.title, co.hours,
              cr.name_kk, cr.name_ru, cr.name_en, c.issued_at, c.revoked_at, r.number AS replaced_by
         FROM certificates c
         LEFT JOIN certificates r ON r.id = c.replaced_by_id
         JOIN enrollments e ON e.id = c.enrollment_id
         JOIN trainees t ON t.id = e.trainee_id
         JOIN groups g ON g.id = e.group_id
         JOIN courses co ON co.id = g.course_id
         JOIN crafts cr ON cr.code = co.craft
        WHERE c.verification_code = $1`,
      [normalized],
    );
    if (!row) return { valid: false, status: 'unknown' };
    return {
      valid: row.status === 'issued',
      status: row.status,
      number: row.number,
      holder: holderName(row),
      course: row.title,
      craft: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
      hours: row.hours,
      issuedAt: row.issued_at,
      ...(row.status === 'revoked' && { revokedAt: row.revoked_at, replacedBy: row.replaced_by }),
    };
  }
}
