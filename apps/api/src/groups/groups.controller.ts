import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '@sheber/auth';
import {
  CertificatesService,
  GroupCertificatesQueuedView,
  GroupCertificatesRevokedView,
  GroupDetailView,
  RevokeCertificateDto,
} from '@sheber/certificates';
import { type Actor, ApiPageResponse, type Page, PageQueryDto } from '@sheber/common';
import {
  EnrollmentResultView,
  EnrollmentsService,
  EnrollTraineeDto,
  RosterEntryView,
} from '@sheber/enrollments';
import {
  AssignMasterDto,
  CreateGroupDto,
  GroupQueryDto,
  GroupsService,
  GroupTransitionDto,
  GroupView,
  ReopenGroupDto,
  UpdateGroupDto,
} from '@sheber/groups';
import { CompletionPreviewView, CompletionService } from '@sheber/lessons';
import { DocumentsService, DocumentView } from '@sheber/documents';
import { GroupLifeCycleService } from '@sheber/training';
import { uuidParam } from '../common/uuid-param';
import { sendPrinted } from '../documents/documents.controller';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly lifeCycle: GroupLifeCycleService,
    private readonly enrollments: EnrollmentsService,
    private readonly certificates: CertificatesService,
    private readonly completion: CompletionService,
    private readonly documents: DocumentsService,
  ) {}

  /** Plans a group of a course with its weekly timetable (status `planned`). */
  @Roles('staff')
  @Post()
  @ApiConflictResponse({ description: 'The code is taken, or the course is retired' })
  createGroup(@CurrentActor() actor: Actor, @Body() input: CreateGroupDto): Promise<GroupView> {
    return this.lifeCycle.createGroup(actor, input);
  }

  /** Groups, newest first; a master sees only their own. */
  @Roles('staff', 'master')
  @Get()
  @ApiPageResponse(GroupView)
  listGroups(
    @CurrentActor() actor: Actor,
    @Query() query: GroupQueryDto,
  ): Promise<Page<GroupView>> {
    return this.groups.listGroups(actor, query);
  }

  /**
   * One group with its seats `{capacity, active, waitlisted}` and its certificates
   * `{issued, pending, failed, revoked}`; a master sees only their own.
   */
  @Roles('staff', 'master')
  @Get(':id')
  async getGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<GroupDetailView> {
    const group = await this.groups.getGroup(actor, id);
    return { ...group, certificates: await this.certificates.countCertificatesOfGroup(id) };
  }

  /** Changes code, room, dates, timetable or capacity of a group that has not finished. */
  @Roles('staff')
  @Patch(':id')
  updateGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: UpdateGroupDto,
  ): Promise<GroupView> {
    return this.lifeCycle.updateGroup(actor, id, input);
  }

  /** Assigns the master; 409 when not qualified for the craft or busy in an overlapping group. */
  @Roles('staff')
  @Put(':id/master')
  @ApiConflictResponse({ description: 'Not qualified, or teaching an overlapping group (named)' })
  assignMaster(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: AssignMasterDto,
  ): Promise<GroupView> {
    return this.groups.assignMaster(actor, id, input);
  }

  /** planned → open: enrollment begins. */
  @Roles('staff')
  @Post(':id/open')
  @HttpCode(200)
  openGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<GroupView> {
    return this.lifeCycle.transitionGroup(actor, id, 'open');
  }

  /**
   * open → in_progress; needs a master. More than 7 days before the start date it is 422
   * `group.start_too_early` (`details`: startDate, earliestStart), unless an admin overrides with
   * `{override: true, reason}` (audited).
   */
  @Roles('staff')
  @Post(':id/start')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: '`group.start_too_early`' })
  @ApiForbiddenResponse({ description: 'An override by anyone but an admin' })
  startGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: GroupTransitionDto,
  ): Promise<GroupView> {
    return this.lifeCycle.transitionGroup(actor, id, 'start', input);
  }

  /**
   * in_progress → completed: completes the trainees whose attendance reaches the course's
   * threshold, fails the other active ones, withdraws the waitlist, writes the certificates for the worker. Before
   * the last planned lesson has taken place it is 422 `group.completion_too_early`, while a lesson
   * that took place is unmarked 422 `group.lessons_unmarked` (`details`: planned, held, unmarked,
   * lastLessonDate); an admin may override with `{override: true, reason}` (audited).
   */
  @Roles('staff')
  @Post(':id/complete')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({
    description: '`group.completion_too_early` or `group.lessons_unmarked`',
  })
  @ApiForbiddenResponse({ description: 'An override by anyone but an admin' })
  completeGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: GroupTransitionDto,
  ): Promise<GroupView> {
    return this.lifeCycle.transitionGroup(actor, id, 'complete', input);
  }

  /**
   * What completing the group would do, for the confirmation before it: lessons planned, held
   * and unmarked, the refusal completion would answer now (if any), and the active trainees whose
   * attendance is below the course's threshold (they would fail).
   */
  @Roles('staff')
  @Get(':id/completion-preview')
  previewCompletion(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<CompletionPreviewView> {
    return this.completion.previewGroupCompletion(actor, id);
  }

  /**
   * Undoes a completion (admin, within 24 hours of it, with a reason): the group is in progress
   * again, its completed and failed trainees active again, its certificates revoked with the
   * reason (their numbers are never reused; completing again issues new ones). After 24 hours it
   * is 422 `group.reopen_window_passed`.
   */
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiUnprocessableEntityResponse({ description: '`group.reopen_window_passed`' })
  @ApiConflictResponse({ description: 'The group is not completed' })
  async reopenGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: ReopenGroupDto,
  ): Promise<GroupDetailView> {
    await this.lifeCycle.reopenGroup(actor, id, input.reason);
    return this.getGroup(actor, id);
  }

  /** Revokes every certificate of the group that is not revoked yet (admin), with one reason. */
  @Post(':id/certificates/revoke')
  @HttpCode(200)
  revokeGroupCertificates(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: RevokeCertificateDto,
  ): Promise<GroupCertificatesRevokedView> {
    return this.certificates.revokeGroupCertificates(actor, id, input.reason);
  }

  /**
   * Every issued (not revoked) certificate of the group in one PDF, one page each, to print at
   * once; 409 when there is none. Up to 8 drawn inline; more are prepared by the worker: 202
   * with the document to ask for at `/api/documents/:id`, or the PDF when one is ready.
   */
  @Roles('staff')
  @Get(':id/certificates/pdf')
  @ApiProduces('application/pdf')
  @ApiAcceptedResponse({ type: DocumentView, description: 'A large set being prepared' })
  async groupCertificatesPdf(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | DocumentView> {
    return sendPrinted(reply, await this.documents.groupCertificates(actor, id));
  }

  /**
   * Queues every missing or failed certificate of the group: a completed trainee without a
   * certificate gets one (pending, the next number), failed ones are retried. Returns the counts;
   * the group's `certificates` show the progress.
   */
  @Roles('staff')
  @Post(':id/certificates')
  @HttpCode(202)
  queueGroupCertificates(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<GroupCertificatesQueuedView> {
    return this.certificates.queueGroupCertificates(actor, id);
  }

  /** Any unfinished status → cancelled; its trainees are withdrawn. */
  @Roles('staff')
  @Post(':id/cancel')
  @HttpCode(200)
  cancelGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<GroupView> {
    return this.lifeCycle.transitionGroup(actor, id, 'cancel');
  }

  /**
   * Enrolls a trainee: `active` while seats remain, else `waitlisted` with a position. Never more
   * active trainees than the capacity, whatever the concurrency.
   */
  @Roles('staff')
  @Post(':id/enrollments')
  @ApiConflictResponse({
    description: 'Already enrolled, overlapping group (named), or group not open',
  })
  enrollTrainee(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() input: EnrollTraineeDto,
  ): Promise<EnrollmentResultView> {
    return this.enrollments.enrollTrainee(actor, id, input.traineeId);
  }

  /** The roster: active trainees, then the waitlist in order, then the others. */
  @Roles('staff', 'master')
  @Get(':id/enrollments')
  @ApiPageResponse(RosterEntryView)
  listGroupEnrollments(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<RosterEntryView>> {
    return this.enrollments.listGroupEnrollments(actor, id, query);
  }
}
