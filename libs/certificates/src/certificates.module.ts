import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { LessonsModule } from '@sheber/lessons';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [AuditModule, LessonsModule],
  providers: [CertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
