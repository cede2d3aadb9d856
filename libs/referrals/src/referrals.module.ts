import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { EnrollmentsModule } from '@sheber/enrollments';
import { TraineesModule } from '@sheber/trainees';
import { FollowedEnrollmentsQueries } from './followed-enrollments.queries';
import { ReferralChangesQueries } from './referral-changes.queries';
import { ReferralChangesService } from './referral-changes.service';
import { ReferralIntakeQueries } from './referral-intake.queries';
import { ReferralViewQueries } from './referral-view.queries';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [AuditModule, EnrollmentsModule, TraineesModule],
  providers: [
    ReferralsService,
    ReferralsRepository,
    ReferralViewQueries,
    ReferralIntakeQueries,
    FollowedEnrollmentsQueries,
    ReferralChangesService,
    ReferralChangesQueries,
  ],
  exports: [ReferralsService, ReferralsRepository, ReferralChangesService],
})
export class ReferralsModule {}
