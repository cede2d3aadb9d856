import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CertificateRecords } from '@sheber/certificates';
import type { Actor } from '@sheber/common';
import { EnrollmentsService } from '@sheber/enrollments';
import {
  CreateGroupDto,
  type GroupTransition,
  type GroupTransitionOptions,
  GroupsService,
  GroupView,
  UpdateGroupDto,
} from '@sheber/groups';
import { CompletionService, GroupReopenedView, LessonsService } from '@sheber/lessons';
import { ReferralsService } from '@sheber/referrals';

/**
 * A group's life: created, changed, opened, started, completed, cancelled, reopened. Each is one
 * transaction that calls, in order, every domain the step concerns (lessons, seats, completion,
 * certificates, referrals), so a missing one is a compile or start-up error, never a silent skip.
 */
@Injectable()
export class GroupLifeCycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: GroupsService,
    private readonly lessons: LessonsService,
    private readonly enrollments: EnrollmentsService,
    private readonly completion: CompletionService,
    private readonly certificates: CertificateRecords,
    private readonly referrals: ReferralsService,
  ) {}

  /** Plans a group (status `planned`) with every lesson of its timetable. */
  async createGroup(actor: Actor, input: CreateGroupDto): Promise<GroupView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const group = await this.groups.insertNewGroup(manager, input);
      await this.lessons.regenerateLessons(manager, group, { onlyFuture: false });
      await this.groups.recordGroupCreated(manager, actor, group);
      return group.id;
    });
    return this.groups.getGroup(actor, id);
  }

  /**
   * Changes a group that has not finished: a new timetable regenerates its future unmarked
   * lessons; added seats go to the waitlist at once.
   */
  async updateGroup(actor: Actor, id: string, input: UpdateGroupDto): Promise<GroupView> {
    await this.dataSource.transaction(async (manager) => {
      const change = await this.groups.changeGroup(manager, id, input);
      if (change.timetableChanged) {
        await this.lessons.regenerateLessons(manager, change.group, { onlyFuture: true });
      }
      if (change.seatsAdded) await this.enrollments.fillFreeSeats(manager, id, actor);
      await this.groups.recordGroupChange(manager, actor, change);
    });
    return this.groups.getGroup(actor, id);
  }

  /**
   * Moves a group along `planned → open → in_progress → completed`, or to `cancelled`. Completing
   * completes or fails its active trainees (refused before the training is over, unless an admin
   * overrides), withdraws its waitlist and writes the certificates with their outbox row;
   * cancelling withdraws everyone. The referrals of the enrollments closed follow in the same
   * transaction, and the group's status and audit row come last.
   */
  async transitionGroup(
    actor: Actor,
    id: string,
    transition: GroupTransition,
    options: GroupTransitionOptions = {},
  ): Promise<GroupView> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.groups.beginTransition(manager, actor, id, transition, options);
      if (transition === 'complete') {
        const done = await this.completion.completeGroup(manager, group.id, actor, options);
        await this.certificates.writePendingCertificates(manager, done.completedIds, actor);
        await this.referrals.followEnrollments(manager, done.closedIds, actor);
      }
      if (transition === 'cancel') {
        const released = await this.enrollments.releaseGroup(manager, group.id, actor);
        await this.referrals.followEnrollments(manager, released, actor);
      }
      await this.groups.finishTransition(manager, actor, group, transition, options);
    });
    return this.groups.getGroup(actor, id);
  }

  /**
   * Undoes a completion within 24 hours (admin, with a reason): the group runs again, its
   * completed and failed trainees are active again, their certificates are revoked with the
   * reason and their referrals enrolled again, in one transaction. The waitlist withdrawn at
   * completion stays withdrawn.
   */
  async reopenGroup(actor: Actor, groupId: string, reason: string): Promise<GroupReopenedView> {
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.completion.reopenEnrollments(manager, actor, groupId, reason);
      await this.certificates.revokeCertificates(manager, actor, { enrollmentIds: ids }, reason);
      await this.referrals.followReopenedEnrollments(manager, ids, actor, reason);
      await this.completion.recordGroupReopened(manager, actor, groupId, reason, ids.length);
      return { id: groupId, enrollmentsReopened: ids.length };
    });
  }
}
