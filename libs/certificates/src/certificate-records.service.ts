import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@sheber/audit';
import { type Actor, todayIn } from '@sheber/common';
import { Environment } from '@sheber/config';
import { issueCertificateJob, QueuesRepository } from '@sheber/queues';
import { formatCertificateNumber, newVerificationCode } from './certificate-number';
import { CertificatesRepository } from './certificates.repository';
import type { CertificateStatus } from './certificate-status';

/**
 * The certificate rows that other domains' transactions change, called explicitly from them:
 * completion writes the pending certificates (and the outbox row that gets them rendered), a
 * reopen revokes them. Everything runs inside the caller's transaction, so a certificate exists
 * exactly when its completion commits.
 */
@Injectable()
export class CertificateRecords {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly outbox: QueuesRepository,
    private readonly audit: AuditService,
    private readonly env: Environment,
  ) {}

  /**
   * One pending certificate per enrollment (an enrollment that has one not revoked keeps it), and
   * one outbox row whose jobs render them once the transaction commits. Returns their ids.
   */
  async writePendingCertificates(
    manager: EntityManager,
    enrollmentIds: string[],
    actor: Actor,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const enrollmentId of enrollmentIds) {
      ids.push(await this.writePendingCertificate(manager, enrollmentId, actor));
    }
    await this.outbox.addToOutbox(manager, ids.map(issueCertificateJob));
    return ids;
  }

  private async writePendingCertificate(
    manager: EntityManager,
    enrollmentId: string,
    actor: Actor,
  ): Promise<string> {
    const existing = await this.repository.findNotRevokedOf(manager, enrollmentId);
    if (existing) return existing;
    const year = Number(todayIn(this.env.CENTRE_TIMEZONE).slice(0, 4));
    const number = formatCertificateNumber(
      year,
      await this.repository.takeNextNumber(manager, year),
    );
    const id = await this.repository.insertPending(
      manager,
      enrollmentId,
      number,
      newVerificationCode(),
    );
    await this.audit.record(manager, actor, {
      action: 'create',
      entity: 'certificate',
      entityId: id,
      changes: { number, enrollmentId, status: 'pending' },
    });
    return id;
  }

  /**
   * Revokes every certificate not yet revoked among these (by id or by enrollment), inside the
   * caller's transaction, one audit row each; returns them. The numbers stay taken for good.
   */
  async revokeCertificates(
    manager: EntityManager,
    actor: Actor,
    target: { ids?: string[]; enrollmentIds?: string[] },
    reason: string,
  ): Promise<{ id: string; number: string; status: CertificateStatus }[]> {
    const revoked = await this.repository.revoke(manager, target, reason);
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
}
