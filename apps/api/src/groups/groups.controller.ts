import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@sheber/auth';
import {
  CertificatesService,
  GroupCertificatesQueuedView,
  GroupDetailView,
} from '@sheber/certificates';
import { type Actor, type Page, PageQueryDto } from '@sheber/common';
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
  GroupView,
  UpdateGroupDto,
} from '@sheber/groups';
import { uuidParam } from '../common/uuid-param';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly enrollments: EnrollmentsService,
    private readonly certificates: CertificatesService,
  ) {}

  /** Plans a group of a course with its weekly timetable (status `planned`). */
  @Roles('staff')
  @Post()
  @ApiConflictResponse({ description: 'The code is taken, or the course is retired' })
  createGroup(@CurrentActor() actor: Actor, @Body() input: CreateGroupDto): Promise<GroupView> {
    return this.groups.createGroup(actor, input);
  }

  /** Groups, newest first; a master sees only their own. */
  @Roles('staff', 'master')
  @Get()
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
    return this.groups.updateGroup(actor, id, input);
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
    return this.groups.transitionGroup(actor, id, 'open');
  }

  /** open → in_progress; needs a master. */
  @Roles('staff')
  @Post(':id/start')
  @HttpCode(200)
  startGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<GroupView> {
    return this.groups.transitionGroup(actor, id, 'start');
  }

  /** in_progress → completed: completes or fails every active trainee, queues certificates. */
  @Roles('staff')
  @Post(':id/complete')
  @HttpCode(200)
  async completeGroup(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<GroupView> {
    const group = await this.groups.transitionGroup(actor, id, 'complete');
    // After the commit: queue the certificates the completion wrote.
    await this.certificates.queueCertificatesOf({ groupId: id });
    return group;
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
    return this.groups.transitionGroup(actor, id, 'cancel');
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
  listGroupEnrollments(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<RosterEntryView>> {
    return this.enrollments.listGroupEnrollments(actor, id, query);
  }
}
