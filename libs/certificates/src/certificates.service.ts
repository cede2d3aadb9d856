import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@sheber/audit';
import { Actor, ConflictError, NotFoundError, Page } from '@sheber/common';
import { GroupsRepository } from '@sheber/groups';
import { looksLikeVerificationCode } from './certificate-number';
import { CertificateIssuer } from './certificate-issuer.service';
import {
  certificateById,
  certificateFile,
  certificatePage,
  type CertificateRow,
} from './certificate-list.queries';
import { CertificateQueue } from './certificate-queue';
import { CertificateRecords } from './certificate-records.service';
import { CertificateStorage } from './certificate-storage';
import { certificateByCode } from './certificate-verification.queries';
import { CertificatesRepository } from './certificates.repository';
import {
  certificateCountsOfGroup,
  certificatesOfGroup,
  completedWithoutCertificate,
  enrollmentStatusOf,
} from './group-certificates.queries';
import { holderName } from './holder-name';
import type { CertificateDocument } from './render/certificate-pdf';
import {
  CertificateQueryDto,
  CertificateView,
  GroupCertificateCounts,
  GroupCertificatesQueuedView,
  GroupCertificatesRevokedView,
  PublicCertificateView,
} from './dto/certificate.dto';
import type { CertificateStatus } from './certificate-status';

/** How long a request waits for Redis to take its certificate jobs (a healthy Redis takes them at once). */
const QUEUE_WAIT_MS = 1000;

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
 * transaction with the next number of the year (CertificateRecords). The number comes from a
 * per-year counter row bumped in that same transaction, so a rolled-back completion leaves no gap
 * and two completions never share a number.
 */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger('Certificates');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: CertificatesRepository,
    private readonly records: CertificateRecords,
    private readonly groups: GroupsRepository,
    private readonly queue: CertificateQueue,
    private readonly storage: CertificateStorage,
    private readonly issuer: CertificateIssuer,
  ) {}

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
      const code = await this.groups.lockGroupCode(manager, groupId);
      if (code === undefined) throw new NotFoundError('Group', groupId);
      const ids = (await certificatesOfGroup(manager, groupId))
        .filter((c) => c.status !== 'revoked')
        .map((c) => c.id);
      const rows = await this.records.revokeCertificates(manager, actor, { ids }, reason);
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
   * the current data, like any pending certificate (its job goes through the outbox).
   */
  async reissueCertificate(actor: Actor, id: string, reason: string): Promise<CertificateView> {
    const replacementId = await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.lockCertificate(manager, id);
      if (!row) throw new NotFoundError('Certificate', id);
      if (row.status === 'revoked') {
        throw new ConflictError('certificate.revoked', { number: row.number });
      }
      const enrollmentStatus = await enrollmentStatusOf(manager, row.enrollment_id);
      if (enrollmentStatus !== 'completed') {
        throw new ConflictError('enrollment.not_completed', {
          number: row.number,
          status: enrollmentStatus ?? 'gone',
        });
      }
      await this.repository.revoke(manager, { ids: [id] }, reason);
      const [newId] = await this.records.writePendingCertificates(
        manager,
        [row.enrollment_id],
        actor,
      );
      await this.repository.setReplacedBy(manager, id, newId!);
      await this.audit.record(manager, actor, {
        action: 'reissue',
        entity: 'certificate',
        entityId: id,
        changes: {
          status: { from: row.status, to: 'revoked' },
          reason,
          replacedBy: await this.repository.numberOf(manager, newId!),
        },
      });
      return newId!;
    });
    return this.getCertificate(replacementId);
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
      const code = await this.groups.lockGroupCode(manager, groupId);
      if (code === undefined) throw new NotFoundError('Group', groupId);
      const missing = await completedWithoutCertificate(manager, groupId);
      const created = await this.records.writePendingCertificates(manager, missing, actor);
      const failed = (await certificatesOfGroup(manager, groupId))
        .filter((c) => c.status === 'failed')
        .map((c) => c.id);
      const retried = await this.repository.retryFailed(manager, failed);
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
      const pending = (await certificatesOfGroup(manager, groupId)).filter(
        (c) => c.status === 'pending',
      );
      await this.audit.record(manager, actor, {
        action: 'queue_certificates',
        entity: 'group',
        entityId: groupId,
        changes: { created: created.length, retried: retried.length, queued: pending.length },
      });
      return { created: created.length, retried: retried.length, ids: pending.map((r) => r.id) };
    });
    const queuedNow = await this.queueWithoutWaiting(() =>
      this.queue.requeueCertificates(queued.ids),
    );
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
  countCertificatesOfGroup(groupId: string): Promise<GroupCertificateCounts> {
    return certificateCountsOfGroup(this.dataSource, groupId);
  }

  async listCertificates(query: CertificateQueryDto): Promise<Page<CertificateView>> {
    const { rows, total } = await certificatePage(this.dataSource, query);
    return { items: rows.map(toView), total };
  }

  async getCertificate(id: string): Promise<CertificateView> {
    const row = await certificateById(this.dataSource, id);
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
    const row = await certificateFile(this.dataSource, id, officerCentre);
    if (!row) throw new NotFoundError('Certificate', id);
    if (row.status === 'revoked') {
      return {
        number: row.number,
        status: row.status,
        pdf: await this.issuer.renderRevokedCertificate(id),
      };
    }
    if (!row.file_key) {
      throw new ConflictError('certificate.not_ready', { number: row.number, status: row.status });
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

  /** Every issued certificate of a group as printed, with its code (CertificateIssuer). */
  groupCertificateDocuments(
    groupId: string,
  ): Promise<{ code: string; documents: CertificateDocument[] }> {
    return this.issuer.groupCertificateSet(groupId);
  }

  async revokeCertificate(actor: Actor, id: string, reason: string): Promise<CertificateView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.lockCertificate(manager, id);
      if (!row) throw new NotFoundError('Certificate', id);
      if (row.status === 'revoked')
        throw new ConflictError('certificate.revoked', { number: row.number });
      await this.repository.revoke(manager, { ids: [id] }, reason);
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
    const row = await certificateByCode(this.dataSource, normalized);
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
