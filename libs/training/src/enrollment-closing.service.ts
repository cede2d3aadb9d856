import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CertificateRecords } from '@sheber/certificates';
import type { Actor } from '@sheber/common';
import { EnrollmentsService, WithdrawalView } from '@sheber/enrollments';
import { CompleteEnrollmentDto, CompletionService } from '@sheber/lessons';
import { ReferralsService } from '@sheber/referrals';

/**
 * One enrollment closed on its own: withdrawn, or completed before its group. Each is one
 * transaction that closes it, writes what follows (a certificate with its outbox row) and lets
 * its referral follow.
 */
@Injectable()
export class EnrollmentClosingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrollments: EnrollmentsService,
    private readonly completion: CompletionService,
    private readonly certificates: CertificateRecords,
    private readonly referrals: ReferralsService,
  ) {}

  /**
   * Withdraws an active or waitlisted trainee; a freed seat goes to the waitlist at once, and the
   * answer names who moved up.
   */
  async withdrawEnrollment(
    actor: Actor,
    enrollmentId: string,
    reason: string,
  ): Promise<WithdrawalView> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.enrollments.withdrawEnrollment(
        manager,
        actor,
        enrollmentId,
        reason,
      );
      await this.referrals.followEnrollments(manager, [enrollmentId], actor);
      return result;
    });
  }

  /**
   * Completes one active enrollment whose attendance reaches the course's threshold (an admin may
   * override, with a reason), with its certificate, pending, and the outbox row that gets it
   * rendered after the commit.
   */
  async completeEnrollment(
    actor: Actor,
    enrollmentId: string,
    input: CompleteEnrollmentDto,
  ): Promise<{ id: string; status: 'completed'; attendanceRate: number | null }> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.completion.completeEnrollment(manager, actor, enrollmentId, input);
      await this.certificates.writePendingCertificates(manager, [enrollmentId], actor);
      await this.referrals.followEnrollments(manager, [enrollmentId], actor);
      return result;
    });
  }
}
