import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { EnrollmentsModule } from '@sheber/enrollments';
import { TraineesModule } from '@sheber/trainees';
import { ReferralsService } from './referrals.service';

@Module({
  imports: [AuditModule, EnrollmentsModule, TraineesModule],
  providers: [ReferralsService],
  exports: [ReferralsService],
})
export class ReferralsModule {}
