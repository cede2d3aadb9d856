import { Module } from '@nestjs/common';
import { WorkshopsModule } from '@sheber/workshops';
import { AuditModule } from '@sheber/audit';
import { TraineesModule } from '@sheber/trainees';
import { UsersModule } from '@sheber/users';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';

@Module({
  imports: [AuditModule, TraineesModule, UsersModule, WorkshopsModule],
  providers: [GroupsService, GroupsRepository],
  exports: [GroupsService, GroupsRepository],
})
export class GroupsModule {}
