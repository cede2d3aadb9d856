import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@sheber/common';

/**
 * Called inside the transaction that closes enrollments (withdrawn, completed or failed), after
 * their new status is written, so that records which follow an enrollment (a referral) change in
 * the same transaction.
 */
export type EnrollmentsClosedListener = (
  manager: EntityManager,
  enrollmentIds: string[],
  actor: Actor,
) => Promise<void>;

/**
 * Called inside the transaction that reopens a completed group, after its completed and failed
 * enrollments are active again: what followed the completion (certificates, referrals) is undone
 * in the same transaction, with the admin's reason.
 */
export type EnrollmentsReopenedListener = (
  manager: EntityManager,
  enrollmentIds: string[],
  actor: Actor,
  reason: string,
) => Promise<void>;

/** Where the domains that close enrollments tell the domains that follow them. */
@Injectable()
export class EnrollmentEvents {
  private readonly closedListeners: EnrollmentsClosedListener[] = [];
  private readonly reopenedListeners: EnrollmentsReopenedListener[] = [];

  onEnrollmentsReopened(listener: EnrollmentsReopenedListener): void {
    this.reopenedListeners.push(listener);
  }

  async enrollmentsReopened(
    manager: EntityManager,
    ids: string[],
    actor: Actor,
    reason: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    for (const listener of this.reopenedListeners) await listener(manager, ids, actor, reason);
  }

  onEnrollmentsClosed(listener: EnrollmentsClosedListener): void {
    this.closedListeners.push(listener);
  }

  async enrollmentsClosed(manager: EntityManager, ids: string[], actor: Actor): Promise<void> {
    if (ids.length === 0) return;
    for (const listener of this.closedListeners) await listener(manager, ids, actor);
  }
}
