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

/** Where the domains that close enrollments tell the domains that follow them. */
@Injectable()
export class EnrollmentEvents {
  private readonly closedListeners: EnrollmentsClosedListener[] = [];

  onEnrollmentsClosed(listener: EnrollmentsClosedListener): void {
    this.closedListeners.push(listener);
  }

  async enrollmentsClosed(manager: EntityManager, ids: string[], actor: Actor): Promise<void> {
    if (ids.length === 0) return;
    for (const listener of this.closedListeners) await listener(manager, ids, actor);
  }
}
