// Reads: attendance_marks, certificates, courses, crafts, employment_centers, enrollments, groups, lessons, referrals.
// (attendance_marks and lessons through MARK_COUNTS_SQL of @sheber/enrollments: one definition of
// what counts as a held lesson.)
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { containsPattern, iinPrefixRange, isIinPrefix, searchWords } from '@sheber/database/search';
import { replicaRows } from '@sheber/database/sql';
import { CERTIFICATE_STATUS, type CertificateStatus } from '@sheber/certificates';
import {
  MARK_COUNTS_SQL,
  type MarkCounts,
  type EnrollmentStatus,
  type SystemReason,
} from '@sheber/enrollments';
import type { ReferralOutcome, ReferralStatus } from './referral-status';
import type { CraftNames, ReferralCount } from './referral-report';

/**
 * A referral as an officer follows it (the list, one referral, the rows of the period report):
 * the referral with its centre, courses, enrollment, group, certificate and mark counts. The one
 * row of all three, as `referralSelect` gives it; its fields in the order of the SELECT.
 */
export interface ReferralRow extends MarkCounts {
  id: string;
  number: string;
  employment_center_id: string;
  /** The centre's name in each language (the name as given where one is missing). */
  center_name_kk: string;
  center_name_ru: string;
  center_name_en: string;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  phone: string | null;
  categories: string[];
  craft: string;
  course_id: string | null;
  course_title: string | null;
  note: string | null;
  status: ReferralStatus;
  status_reason: string | null;
  status_reason_code: SystemReason | null;
  status_changed_at: Date;
  trainee_id: string | null;
  enrollment_id: string | null;
  enrollment_status: EnrollmentStatus | null;
  waitlist_position: number | null;
  group_id: string | null;
  group_code: string | null;
  group_course_title: string | null;
  start_date: string | null;
  end_date: string | null;
  certificate_id: string | null;
  certificate_number: string | null;
  certificate_status: CertificateStatus | null;
  outcome: ReferralOutcome | null;
  outcome_date: string | null;
  outcome_note: string | null;
  created_at: Date;
  /** The referral's date in the centre's calendar. */
  created_on: string;
}

/**
 * The referral with its centre, courses, enrollment, group, certificate and mark counts; $1 is
 * the centre's time zone in every query that uses this.
 */
function referralSelect(source: string): string {
  return `
  SELECT r.id, r.number, r.employment_center_id, r.iin, r.last_name,
         coalesce(ec.name_kk, ec.name) AS center_name_kk,
         coalesce(ec.name_ru, ec.name) AS center_name_ru, coalesce(ec.name_en, ec.name) AS center_name_en,
         r.first_name, r.patronymic, r.phone, r.categories, r.craft, r.course_id,
         rc.title AS course_title, r.note, r.status, r.status_reason,
         r.status_reason_code, r.status_changed_at,
         r.trainee_id, r.enrollment_id, e.status AS enrollment_status, e.waitlist_position,
         g.id AS group_id, g.code AS group_code, gc.title AS group_course_title,
         to_char(g.start_date, 'YYYY-MM-DD') AS start_date,
         to_char(g.end_date, 'YYYY-MM-DD') AS end_date,
         cert.id AS certificate_id, cert.number AS certificate_number,
         cert.status AS certificate_status, r.outcome,
         to_char(r.outcome_date, 'YYYY-MM-DD') AS outcome_date, r.outcome_note, r.created_at,
         to_char(r.created_at AT TIME ZONE $1, 'YYYY-MM-DD') AS created_on,
         counts.*, held_lessons.held
    FROM ${source}
    JOIN employment_centers ec ON ec.id = r.employment_center_id
    LEFT JOIN courses rc ON rc.id = r.course_id
    LEFT JOIN enrollments e ON e.id = r.enrollment_id
    LEFT JOIN groups g ON g.id = e.group_id
    LEFT JOIN courses gc ON gc.id = g.course_id
    LEFT JOIN LATERAL (
      -- The valid certificate, else the latest revoked one (a reissue leaves both).
      SELECT c.id, c.number, c.status FROM certificates c WHERE c.enrollment_id = e.id
       ORDER BY (c.status <> '${CERTIFICATE_STATUS.revoked}') DESC, c.created_at DESC LIMIT 1
    ) cert ON true
    ${MARK_COUNTS_SQL}`;
}

/** Which referrals a list shows; `centerId` null is every centre's. */
export interface ReferralListFilter {
  centerId: string | null;
  status?: ReferralStatus;
  craft?: string;
  /** The referrals that led to this trainee (intake links them). */
  traineeId?: string;
  /** Words of the person's name or the referral's number, or the first digits of the IIN. */
  search?: string;
  limit: number;
  offset: number;
}

/** The days [from, to] of the centre's calendar, of one centre or (null) of all. */
export interface ReferralPeriod {
  from: string;
  to: string;
  centerId: string | null;
}

/**
 * The reads of referrals with what they led to, for the list, the detail and the period report.
 * The report's reads go to a replica when one is configured (`replicaRows`).
 */
@Injectable()
export class ReferralViewQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of the list, newest first, and how many referrals the filter finds in all. */
  async listReferrals(
    timeZone: string,
    filter: ReferralListFilter,
  ): Promise<{ rows: ReferralRow[]; total: number }> {
    const params: unknown[] = [timeZone];
    const where: string[] = [];
    if (filter.centerId) where.push(`r.employment_center_id = $${params.push(filter.centerId)}`);
    if (filter.status) where.push(`r.status = $${params.push(filter.status)}`);
    if (filter.craft) where.push(`r.craft = $${params.push(filter.craft)}`);
    if (filter.traineeId) where.push(`r.trainee_id = $${params.push(filter.traineeId)}`);
    // Each word is found in the person's name (ix_referrals_name_trgm) or the centre's number of
    // the referral (ix_referrals_number_trgm); digits also as the first digits of the IIN
    // (ix_referrals_iin).
    for (const word of searchWords(filter.search)) {
      const like = `LIKE $${params.push(containsPattern(word))} ESCAPE '\\'`;
      const number = `lower(r.number) ${like}`;
      if (isIinPrefix(word)) {
        const [low, high] = iinPrefixRange(word);
        where.push(`(r.iin BETWEEN $${params.push(low)} AND $${params.push(high)} OR ${number})`);
      } else {
        where.push(
          `(${number} OR lower(r.last_name || ' ' || r.first_name || coalesce(' ' || r.patronymic, '')) ${like})`,
        );
      }
    }
    const sqlFilter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = params.push(filter.limit);
    const offset = params.push(filter.offset);
    // The page's ids first (an index scan in date order), then the joins and mark counts for those
    // rows only: counting every referral's attendance before LIMIT is slow at national scale
    // (docs/decisions/0008-read-paths-at-national-scale.md).
    const rows = await this.dataSource.query<ReferralRow[]>(
      `WITH page AS MATERIALIZED (
         SELECT r.id FROM referrals r ${sqlFilter}
          ORDER BY r.created_at DESC, r.id DESC LIMIT $${limit} OFFSET $${offset})
       ${referralSelect('page JOIN referrals r ON r.id = page.id')}
       ORDER BY r.created_at DESC, r.id DESC`,
      params,
    );
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM referrals r
        WHERE $1::text IS NOT NULL ${where.map((w) => `AND ${w}`).join(' ')}`,
      params.slice(0, limit - 1),
    );
    return { rows, total: count?.n ?? 0 };
  }

  /** One referral, only if it is of `centerId` (when given). */
  async findReferral(
    timeZone: string,
    id: string,
    centerId: string | null,
  ): Promise<ReferralRow | undefined> {
    const params: unknown[] = [timeZone, id];
    const byCentre = centerId ? `AND r.employment_center_id = $${params.push(centerId)}` : '';
    const [row] = await this.dataSource.query<ReferralRow[]>(
      `${referralSelect('referrals r')} WHERE r.id = $2 ${byCentre}`,
      params,
    );
    return row;
  }

  /** The period's referrals counted by status, craft and outcome. */
  periodCounts(timeZone: string, period: ReferralPeriod): Promise<ReferralCount[]> {
    const { inPeriod, params } = periodCondition(timeZone, period);
    return replicaRows<ReferralCount>(
      this.dataSource,
      `SELECT r.status, r.craft, r.outcome, count(*)::int AS count
         FROM referrals r WHERE ${inPeriod}
        GROUP BY r.status, r.craft, r.outcome ORDER BY r.craft, r.status, r.outcome`,
      params,
    );
  }

  /**
   * The period's referrals, `batchRows` per statement, ordered by (created_at, id) and paged on
   * that key; the next batch is read only when the caller asks for it.
   */
  async *periodBatches(
    timeZone: string,
    period: ReferralPeriod,
    batchRows: number,
  ): AsyncGenerator<ReferralRow[]> {
    const { inPeriod, params } = periodCondition(timeZone, period);
    const limit = `$${params.length + 1}`;
    const after = `$${params.length + 2}::uuid`;
    let last: string | null = null;
    for (;;) {
      // The key of the last row is read again by its id: a JavaScript Date would cut created_at's
      // microseconds and repeat or skip rows.
      const keyset: string = last
        ? `AND (r.created_at, r.id) > ((SELECT created_at FROM referrals WHERE id = ${after}), ${after})`
        : '';
      const rows: ReferralRow[] = await replicaRows<ReferralRow>(
        this.dataSource,
        `${referralSelect(
          `(SELECT * FROM referrals r WHERE ${inPeriod} ${keyset}
             ORDER BY r.created_at, r.id LIMIT ${limit}) r`,
        )}
          ORDER BY r.created_at, r.id`,
        last ? [...params, batchRows, last] : [...params, batchRows],
      );
      if (rows.length > 0) yield rows;
      if (rows.length < batchRows) return;
      last = rows[rows.length - 1]!.id;
    }
  }

  /** Craft names in the three languages, for the report's files. */
  async craftNames(): Promise<CraftNames> {
    const rows = await replicaRows<{
      code: string;
      name_kk: string;
      name_ru: string;
      name_en: string;
    }>(this.dataSource, 'SELECT code, name_kk, name_ru, name_en FROM crafts');
    return Object.fromEntries(
      rows.map((r) => [r.code, { kk: r.name_kk, ru: r.name_ru, en: r.name_en }]),
    );
  }
}

/** The period as a range of instants, so the index on (created_at, id) serves it. */
function periodCondition(
  timeZone: string,
  period: ReferralPeriod,
): { inPeriod: string; params: unknown[] } {
  const params: unknown[] = [timeZone, period.from, period.to];
  const byCentre = period.centerId
    ? `AND r.employment_center_id = $${params.push(period.centerId)}`
    : '';
  const inPeriod = `r.created_at >= $2::date::timestamp AT TIME ZONE $1
      AND r.created_at < ($3::date + 1)::timestamp AT TIME ZONE $1 ${byCentre}`;
  return { inPeriod, params };
}
