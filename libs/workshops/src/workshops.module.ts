import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { CraftsModule } from '@sheber/crafts';
import { WorkshopsRepository } from './workshops.repository';
import { WorkshopsService } from './workshops.service';

@Module({
  imports: [AuditModule, CraftsModule],
  providers: [WorkshopsRepository, WorkshopsService],
  exports: [WorkshopsService, WorkshopsRepository],
})
export class WorkshopsModule {}
