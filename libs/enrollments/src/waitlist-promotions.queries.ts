// Reads: enrollments, groups, trainees, users, waitlist_promotions.
import type { DataSource, EntityManager } from 'typeorm';

export type PromotionRow = {
  id: string;
  promoted_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
  enrollment_id: string;
  enrollment_status: string;
  trainee_id: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  phone: string | null;
  guardian_name: string | null;
  guardian_phone: string | null;
  group_id: string;
  group_code: string;
  total: string;
};

const PROMOTION_COLUMNS = `p.id, p.promoted_at, p.acknowledged_at, u.full_name AS acknowledged_by_name,
       e.id AS enrollment_id, e.status AS enrollment_status, t.id AS trainee_id, t.last_name,
       t.first_name, t.patronymic, t.phone, t.guardian_name, t.guardian_phone, g.id AS group_id,
       g.code AS group_code`;

const PROMOTION_JOINS = `FROM waitlist_promotions p
       JOIN enrollments e ON e.id = p.enrollment_id
       JOIN trainees t ON t.id = e.trainee_id
       JOIN groups g ON g.id = e.group_id
       LEFT JOIN users u ON u.id = p.acknowledged_by`;

/** Promotions nobody has acknowledged yet, oldest first: the calls still to make. */
export function unacknowledgedPromotions(
  db: DataSource,
  page: { limit: number; offset: number },
): Promise<PromotionRow[]> {
  return db.query<PromotionRow[]>(
    `SELECT ${PROMOTION_COLUMNS}, count(*) OVER () AS total
       ${PROMOTION_JOINS}
      WHERE p.acknowledged_at IS NULL
      ORDER BY p.promoted_at, p.id
      LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
}

/** The promotions named, inside the transaction that made or changed them. */
export function promotionsByIds(manager: EntityManager, ids: string[]): Promise<PromotionRow[]> {
  return manager.query<PromotionRow[]>(
    `SELECT ${PROMOTION_COLUMNS}, '0' AS total
       ${PROMOTION_JOINS}
      WHERE p.id = ANY($1::uuid[])
      ORDER BY p.promoted_at, p.id`,
    [ids],
  );
}
