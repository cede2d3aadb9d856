import { Module } from '@nestjs/common';
import { CertificateIssuerModule } from '@sheber/certificates';
import { GroupsModule } from '@sheber/groups';
import { QueuesModule } from '@sheber/queues';
import { DocumentPreparer } from './document-preparer.service';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';

/**
 * Drawing a group's documents from the current data (the worker's part, also used by the API
 * for small ones): lessons' and certificates' read models and renderers, no domain services.
 */
@Module({
  imports: [CertificateIssuerModule, QueuesModule],
  providers: [DocumentsRepository, DocumentPreparer],
  exports: [DocumentsRepository, DocumentPreparer],
})
export class DocumentPreparingModule {}

/** The printed documents as the API serves them, with who may see which. */
@Module({
  imports: [DocumentPreparingModule, CertificateIssuerModule, GroupsModule, QueuesModule],
  providers: [DocumentsService],
  exports: [DocumentsService, DocumentPreparingModule],
})
export class DocumentsModule {}
