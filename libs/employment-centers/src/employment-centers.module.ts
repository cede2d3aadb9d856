import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { EmploymentCentersService } from './employment-centers.service';

@Module({
  imports: [AuditModule],
  providers: [EmploymentCentersService],
  exports: [EmploymentCentersService],
})
export class EmploymentCentersModule {}
