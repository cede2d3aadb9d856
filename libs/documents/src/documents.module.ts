import { Module } from '@nestjs/common';
import { CertificatesModule } from '@sheber/certificates';
import { GroupsModule } from '@sheber/groups';
import { LessonsModule } from '@sheber/lessons';
import { QueuesModule } from '@sheber/queues';
import { DocumentsService } from './documents.service';

@Module({
  imports: [CertificatesModule, GroupsModule, LessonsModule, QueuesModule],
  providers: [DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule {}
