import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { EmploymentCentersRepository } from './employment-centers.repository';
import { EmploymentCentersService } from './employment-centers.service';

@Module({
  imports: [AuditModule],
  providers: [EmploymentCentersRepository, EmploymentCentersService],
  exports: [EmploymentCentersService, EmploymentCentersRepository],
})
export class EmploymentCentersModule {}
