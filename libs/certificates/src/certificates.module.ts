import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { Environment } from '@sheber/config';
import { EnrollmentsModule } from '@sheber/enrollments';
import { LessonsModule } from '@sheber/lessons';
import { QueuesModule } from '@sheber/queues';
import { CertificateIssuer } from './certificate-issuer.service';
import { CertificateStorage } from './certificate-storage';
import { CertificatesService } from './certificates.service';
import { createCertificateStorage } from './storage-from-environment';

/** Lets the storage release its connections (the S3 client's sockets) when the process stops. */
@Injectable()
class CertificateStorageCloser implements OnApplicationShutdown {
  constructor(private readonly storage: CertificateStorage) {}

  onApplicationShutdown(): Promise<void> {
    return this.storage.close();
  }
}

@Module({
  imports: [AuditModule, EnrollmentsModule, LessonsModule, QueuesModule],
  providers: [
    CertificatesService,
    CertificateIssuer,
    {
      provide: CertificateStorage,
      inject: [Environment],
      useFactory: createCertificateStorage,
    },
    CertificateStorageCloser,
  ],
  exports: [CertificatesService, CertificateIssuer, CertificateStorage],
})
export class CertificatesModule {}
