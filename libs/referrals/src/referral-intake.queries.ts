// Reads: courses, crafts, employment_centers, groups, referrals.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import { OPEN_REFERRAL_STATUSES, type ReferralStatus } from './referral-status';

/** A referral that keeps the person from being referred again. */
export interface OpenReferral {
  number: string;
  center_name_kk: string;
  center_name_ru: string;
  center_name_en: string;
  status: ReferralStatus;
}

/**
 * What filing and accepting a referral check before they write, read inside their transaction:
 * the person's open referral, the craft and course referred to, the craft of the intake group.
 */
@Injectable()
export class ReferralIntakeQueries {
  /** The person's referral that is still open, from any centre. */
  async openReferralOf(manager: EntityManager, iin: string): Promise<OpenReferral | undefined> {
    const [open] = await sqlRows<OpenReferral>(
      manager,
      `SELECT r.number, r.status,
              coalesce(ec.name_kk, ec.name) AS center_name_kk,
              coalesce(ec.name_ru, ec.name) AS center_name_ru,
              coalesce(ec.name_en, ec.name) AS center_name_en
         FROM referrals r JOIN employment_centers ec ON ec.id = r.employment_center_id
        WHERE r.iin = $1 AND r.status = ANY($2::text[])`,
      [iin, OPEN_REFERRAL_STATUSES],
    );
    return open;
  }

  async craftExists(manager: EntityManager, craft: string): Promise<boolean> {
    const [known] = await sqlRows<{ code: string }>(
      manager,
      'SELECT code FROM crafts WHERE code = $1',
      [craft],
    );
    return known !== undefined;
  }

  async courseOf(
    manager: EntityManager,
    courseId: string,
  ): Promise<{ craft: string; title: string } | undefined> {
    const [course] = await sqlRows<{ craft: string; title: string }>(
      manager,
      'SELECT craft, title FROM courses WHERE id = $1',
      [courseId],
    );
    return course;
  }

  /** The group's code and the craft its course teaches. */
  async groupCraft(
    manager: EntityManager,
    groupId: string,
  ): Promise<{ code: string; craft: string } | undefined> {
    const [group] = await sqlRows<{ code: string; craft: string }>(
      manager,
      'SELECT g.code, c.craft FROM groups g JOIN courses c ON c.id = g.course_id WHERE g.id = $1',
      [groupId],
    );
    return group;
  }
}
