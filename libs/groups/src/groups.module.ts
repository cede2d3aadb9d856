import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { GroupsService } from './groups.service';

@Module({ imports: [AuditModule], providers: [GroupsService], exports: [GroupsService] })
export class GroupsModule {}
