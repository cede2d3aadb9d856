import { Module } from '@nestjs/common';
import { CertificateIssuerModule } from '@sheber/certificates';
import { DocumentPreparingModule } from '@sheber/documents';
import { QueuesModule } from '@sheber/queues';
import { CertificateSweeper } from './processors/certificate-sweeper';
import { CertificateProcessor } from './processors/certificate.processor';
import { DocumentSweeper } from './processors/document-sweeper';
import { DocumentProcessor } from './processors/document.processor';
import { OutboxRelaySweep } from './processors/outbox-relay-sweep';

/**
 * What the worker renders with, and nothing more: the certificate issuer and its storage, the
 * queues with the outbox relay, the sweepers, and the document preparer (the lessons' and
 * certificates' read models). No groups, enrollments, lessons or completion service is loaded.
 */
@Module({
  imports: [CertificateIssuerModule, DocumentPreparingModule, QueuesModule],
  providers: [
    CertificateProcessor,
    CertificateSweeper,
    OutboxRelaySweep,
    DocumentProcessor,
    DocumentSweeper,
  ],
})
export class CertificateIssuingModule {}
