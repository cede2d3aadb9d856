import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { CertificatesModule } from '@sheber/certificates';
import { ConfigModule } from '@sheber/config';
import { DatabaseModule } from '@sheber/database';
import { EmploymentCentersModule } from '@sheber/employment-centers';
import { CoursesModule } from '@sheber/courses';
import { EnrollmentsModule } from '@sheber/enrollments';
import { GroupsModule } from '@sheber/groups';
import { LessonsModule } from '@sheber/lessons';
import { ReferralsModule } from '@sheber/referrals';
import { TraineesModule } from '@sheber/trainees';
import { UsersModule } from '@sheber/users';
import { CheckCommand } from './commands/check.command';
import { CreateAdminCommand } from './commands/create-admin.command';
import { SeedDemoCommand } from './commands/seed-demo.command';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot({ applicationName: 'sheber-cli' }),
    AuditModule,
    UsersModule,
    EmploymentCentersModule,
    CoursesModule,
    GroupsModule,
    TraineesModule,
    EnrollmentsModule,
    LessonsModule,
    CertificatesModule,
    ReferralsModule,
  ],
  providers: [CreateAdminCommand, SeedDemoCommand, CheckCommand],
})
export class CliModule {}
