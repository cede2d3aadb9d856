import { Injectable } from '@nestjs/common';
import { Actor, ForbiddenError, InvalidInputError } from '@sheber/common';
import { FIRST_LOOK_DAYS, WATCHED_REFERRAL_STATUSES } from './referral-changes';
import { ReferralChangesQueries } from './referral-changes.queries';
import { ReferralChangesView, ReferralLookView } from './dto/referral-changes.dto';
import { ReferralsRepository } from './referrals.repository';

/** Changes listed at most: a centre that has not looked for months sees the newest ones. */
const MAX_CHANGES = 100;

/**
 * What changed in an officer's referrals since the officer last looked. The moment of the last
 * look is kept per user on the server, so it follows the officer from one device to another.
 */
@Injectable()
export class ReferralChangesService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly queries: ReferralChangesQueries,
  ) {}

  async changesSinceLastLook(actor: Actor): Promise<ReferralChangesView> {
    const centerId = this.centreOf(actor);
    const lastLook = await this.referrals.lastLook(actor.id);
    const until = new Date();
    const since = lastLook ?? new Date(until.getTime() - FIRST_LOOK_DAYS * 24 * 3600 * 1000);
    const rows = await this.queries.changesSince(
      centerId,
      since,
      WATCHED_REFERRAL_STATUSES,
      MAX_CHANGES,
    );
    return {
      lastLookedAt: lastLook,
      since,
      until,
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((row) => ({
        referralId: row.referral_id,
        number: row.number,
        person: {
          lastName: row.last_name,
          firstName: row.first_name,
          patronymic: row.patronymic,
        },
        change: row.kind,
        at: row.at,
        groupCode: row.group_code,
        certificateNumber: row.certificate_number,
      })),
    };
  }

  /**
   * The officer has seen the changes up to `until` (the moment the list was read, so a change
   * made while the officer was reading stays new), or up to now.
   */
  async recordLook(actor: Actor, until?: string): Promise<ReferralLookView> {
    this.centreOf(actor);
    const now = new Date();
    const at = until ? new Date(until) : now;
    if (Number.isNaN(at.getTime())) throw new InvalidInputError('until', 'field.format');
    if (at > now) throw new InvalidInputError('until', 'field.in_future');
    return { lastLookedAt: await this.referrals.recordLook(actor.id, at) };
  }

  /** An officer's own centre; staff and admin see every centre's. */
  private centreOf(actor: Actor): string | null {
    if (actor.role !== 'officer') return null;
    if (!actor.employmentCenterId) throw new ForbiddenError('referral.officer_without_center');
    return actor.employmentCenterId;
  }
}
