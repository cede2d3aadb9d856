// Reads: certificates, enrollments, groups, referrals.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CERTIFICATE_STATUS } from '@sheber/certificates';
import type { ReferralChangeKind } from './referral-changes';

export interface ReferralChangeRow {
  referral_id: string;
  number: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  kind: ReferralChangeKind;
  at: Date;
  group_code: string | null;
  certificate_number: string | null;
  total: string;
}

/**
 * What happened to a centre's referrals after a moment: each referral whose status became one of
 * `statuses` since (its present status: several steps between two looks show as the last one),
 * and each certificate issued since to a referred trainee. Newest first.
 */
@Injectable()
export class ReferralChangesQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  changesSince(
    centerId: string | null,
    since: Date,
    statuses: readonly string[],
    limit: number,
  ): Promise<ReferralChangeRow[]> {
    return this.dataSource.query<ReferralChangeRow[]>(
      `SELECT *, count(*) OVER () AS total FROM (
         SELECT r.id AS referral_id, r.number, r.last_name, r.first_name, r.patronymic,
                r.status AS kind, r.status_changed_at AS at, g.code AS group_code,
                NULL::text AS certificate_number
           FROM referrals r
           LEFT JOIN enrollments e ON e.id = r.enrollment_id
           LEFT JOIN groups g ON g.id = e.group_id
          WHERE ($1::uuid IS NULL OR r.employment_center_id = $1)
            AND r.status = ANY($3::text[]) AND r.status_changed_at > $2
         UNION ALL
         SELECT r.id, r.number, r.last_name, r.first_name, r.patronymic,
                'certificate_issued', c.issued_at, g.code, c.number
           FROM referrals r
           JOIN certificates c ON c.enrollment_id = r.enrollment_id
           JOIN enrollments e ON e.id = r.enrollment_id
           JOIN groups g ON g.id = e.group_id
          WHERE ($1::uuid IS NULL OR r.employment_center_id = $1)
            AND c.status = '${CERTIFICATE_STATUS.issued}' AND c.issued_at > $2
       ) changes
       ORDER BY at DESC, referral_id
       LIMIT $4`,
      [centerId, since, statuses, limit],
    );
  }
}
