import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@sheber/audit';
import { AuthGuard, AuthModule, RateLimitGuard } from '@sheber/auth';
import { CertificatesModule } from '@sheber/certificates';
import { ConfigModule } from '@sheber/config';
import { CoursesModule } from '@sheber/courses';
import { WorkshopsModule } from '@sheber/workshops';
import { CraftsModule } from '@sheber/crafts';
import { DatabaseModule } from '@sheber/database';
import { DocumentsModule } from '@sheber/documents';
import { EmploymentCentersModule } from '@sheber/employment-centers';
import { EnrollmentsModule } from '@sheber/enrollments';
import { GroupsModule } from '@sheber/groups';
import { LessonsModule } from '@sheber/lessons';
import { RedisModule } from '@sheber/redis';
import { ReferralsModule } from '@sheber/referrals';
import { TraineesModule } from '@sheber/trainees';
import { TrainingModule } from '@sheber/training';
import { UsersModule } from '@sheber/users';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import {
  CertificatesController,
  PublicCertificatesController,
} from './certificates/certificates.controller';
import { CoursesController } from './courses/courses.controller';
import { WorkshopsController } from './workshops/workshops.controller';
import { CraftsController } from './crafts/crafts.controller';
import { DocumentsController } from './documents/documents.controller';
import { EnrollmentsController } from './enrollments/enrollments.controller';
import { TraineeEnrollmentsController } from './enrollments/trainee-enrollments.controller';
import { WaitlistPromotionsController } from './enrollments/waitlist-promotions.controller';
import { GroupsController } from './groups/groups.controller';
import { MastersController } from './groups/masters.controller';
import { TraineesController } from './trainees/trainees.controller';
import { EmploymentCentersController } from './employment-centers/employment-centers.controller';
import { HealthModule } from './health/health.module';
import { HolidaysController, LessonsController } from './lessons/lessons.controller';
import { ApiLifecycle } from './lifecycle';
import { ReferralChangesController } from './referrals/referral-changes.controller';
import { ReferralsController } from './referrals/referrals.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot({ applicationName: 'sheber-api' }),
    RedisModule,
    AuditModule,
    AuthModule,
    UsersModule,
    CraftsModule,
    EmploymentCentersModule,
    CoursesModule,
    WorkshopsModule,
    GroupsModule,
    TraineesModule,
    EnrollmentsModule,
    LessonsModule,
    CertificatesModule,
    DocumentsModule,
    ReferralsModule,
    TrainingModule,
    HealthModule,
  ],
  controllers: [
    AuthController,
    UsersController,
    CraftsController,
    EmploymentCentersController,
    AuditController,
    CoursesController,
    WorkshopsController,
    GroupsController,
    MastersController,
    TraineesController,
    EnrollmentsController,
    TraineeEnrollmentsController,
    WaitlistPromotionsController,
    LessonsController,
    HolidaysController,
    CertificatesController,
    PublicCertificatesController,
    DocumentsController,
    ReferralChangesController,
    ReferralsController,
  ],
  // Rate limits run before sign-in, so that a flood is refused before any password is checked.
  providers: [
    ApiLifecycle,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AppModule {}
