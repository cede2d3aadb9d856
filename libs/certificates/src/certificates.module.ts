import { Module } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { Environment } from '@sheber/config';
import { EnrollmentsModule } from '@sheber/enrollments';
import { LessonsModule } from '@sheber/lessons';
import { QueuesModule } from '@sheber/queues';
import { CertificateIssuer } from './certificate-issuer.service';
import { CertificateStorage, LocalDirectoryStorage } from './certificate-storage';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [AuditModule, EnrollmentsModule, LessonsModule, QueuesModule],
  providers: [
    CertificatesService,
    CertificateIssuer,
    {
      provide: CertificateStorage,
      inject: [Environment],
      useFactory: (env: Environment) => new LocalDirectoryStorage(env.CERTIFICATE_STORAGE_DIR),
    },
  ],
  exports: [CertificatesService, CertificateIssuer, CertificateStorage],
})
export class CertificatesModule {}
