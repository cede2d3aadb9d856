import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { TraineesRepository } from './trainees.repository';
import { TraineesService } from './trainees.service';

@Module({
  imports: [AuditModule],
  providers: [TraineesRepository, TraineesService],
  exports: [TraineesService, TraineesRepository],
})
export class TraineesModule {}
