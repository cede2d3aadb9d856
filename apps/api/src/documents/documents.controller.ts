import { Controller, Get, Param, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '@sheber/auth';
import type { Actor } from '@sheber/common';
import { DocumentsService, DocumentView, type PrintedDocument } from '@sheber/documents';
import { uuidParam } from '../common/uuid-param';

/**
 * Answers with a printed document: the PDF (200), or, while the worker prepares it, 202 with the
 * document's state and a Location to ask again.
 */
export function sendPrinted(reply: FastifyReply, printed: PrintedDocument): Buffer | DocumentView {
  if ('preparing' in printed) {
    void reply.status(202).header('location', `/api/documents/${printed.preparing.id}`);
    return printed.preparing;
  }
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${printed.file.filename}"`);
  return printed.file.pdf;
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /**
   * A document the worker prepares (a large journal or set of certificates): the PDF when ready,
   * 202 with its state while pending, 409 `document.failed` when it failed (ask the group's route
   * again). A master sees only the journal of a group they teach.
   */
  @Roles('staff', 'master')
  @Get(':id')
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse({ description: 'The PDF' })
  @ApiAcceptedResponse({ type: DocumentView, description: 'Still being prepared' })
  @ApiConflictResponse({ description: 'Preparing it failed' })
  @ApiNotFoundResponse({ description: 'No such document, or not the caller’s to see' })
  async readDocument(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | DocumentView> {
    return sendPrinted(reply, await this.documents.readDocument(actor, id));
  }
}
