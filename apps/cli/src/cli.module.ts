import { Module } from '@nestjs/common';
import { ConfigModule } from '@sheber/config';
import { DatabaseModule } from '@sheber/database';
import { EmploymentCentersModule } from '@sheber/employment-centers';
import { CoursesModule } from '@sheber/courses';
import { EnrollmentsModule } from '@sheber/enrollments';
import { GroupsModule } from '@sheber/groups';
import { LessonsModule } from '@sheber/lessons';
import { ReferralsModule } from '@sheber/referrals';
import { TraineesModule } from '@sheber/trainees';
import { TrainingModule } from '@sheber/training';
import { UsersModule } from '@sheber/users';
import { WorkshopsModule } from '@sheber/workshops';
import { CheckCommand } from './commands/check.command';
import { CreateAdminCommand } from './commands/create-admin.command';
import { SeedDemoCommand } from './commands/seed-demo.command';

/**
 * The modules whose services the commands call, and no more. Completing a demo group writes its
 * certificates and their outbox row (through the training lib's use case); a running worker
 * relays and renders them.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot({ applicationName: 'sheber-cli' }),
    UsersModule,
    EmploymentCentersModule,
    CoursesModule,
    WorkshopsModule,
    GroupsModule,
    TraineesModule,
    EnrollmentsModule,
    LessonsModule,
    ReferralsModule,
    TrainingModule,
  ],
  providers: [CreateAdminCommand, SeedDemoCommand, CheckCommand],
})
export class CliModule {}
