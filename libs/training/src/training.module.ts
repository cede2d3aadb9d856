import { Module } from '@nestjs/common';
import { CertificateRecordsModule } from '@sheber/certificates';
import { EnrollmentsModule } from '@sheber/enrollments';
import { GroupsModule } from '@sheber/groups';
import { LessonsModule } from '@sheber/lessons';
import { ReferralsModule } from '@sheber/referrals';
import { EnrollmentClosingService } from './enrollment-closing.service';
import { GroupLifeCycleService } from './group-life-cycle.service';

/**
 * The use cases that span the domains of training (groups, enrollments, lessons and completion,
 * certificates, referrals). It sits above them; none of them imports it.
 */
@Module({
  imports: [
    GroupsModule,
    EnrollmentsModule,
    LessonsModule,
    CertificateRecordsModule,
    ReferralsModule,
  ],
  providers: [GroupLifeCycleService, EnrollmentClosingService],
  exports: [GroupLifeCycleService, EnrollmentClosingService],
})
export class TrainingModule {}
