import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { TraineesService } from './trainees.service';

@Module({ imports: [AuditModule], providers: [TraineesService], exports: [TraineesService] })
export class TraineesModule {}
