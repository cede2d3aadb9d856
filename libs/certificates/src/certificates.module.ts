import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AuditModule } from '@sheber/audit';
import { Environment } from '@sheber/config';
import { GroupsModule } from '@sheber/groups';
import { OutboxModule, QueuesModule } from '@sheber/queues';
import { CertificateIssuer } from './certificate-issuer.service';
import { CertificateQueue } from './certificate-queue';
import { CertificateRecords } from './certificate-records.service';
import { CertificateStorage } from './certificate-storage';
import { CertificatesRepository } from './certificates.repository';
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

/**
 * The certificate rows that other domains' transactions write (completion, reopen): no queue,
 * no storage, so the command line and the lessons lib need nothing more.
 */
@Module({
  imports: [AuditModule, OutboxModule],
  providers: [CertificatesRepository, CertificateRecords],
  exports: [CertificatesRepository, CertificateRecords],
})
export class CertificateRecordsModule {}

/** What rendering and storing a certificate takes: the worker's part, also used by the API. */
@Module({
  imports: [CertificateRecordsModule, QueuesModule],
  providers: [
    CertificateIssuer,
    CertificateQueue,
    {
      provide: CertificateStorage,
      inject: [Environment],
      useFactory: createCertificateStorage,
    },
    CertificateStorageCloser,
  ],
  exports: [CertificateIssuer, CertificateQueue, CertificateStorage, CertificateRecordsModule],
})
export class CertificateIssuerModule {}

/** Certificates as the API serves them: lists, downloads, revoking, reissuing, re-queueing. */
@Module({
  imports: [AuditModule, GroupsModule, CertificateIssuerModule],
  providers: [CertificatesService],
  exports: [CertificatesService, CertificateIssuerModule],
})
export class CertificatesModule {}
