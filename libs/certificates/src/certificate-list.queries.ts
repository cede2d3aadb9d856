// Reads: certificates, enrollments, referrals, trainees.
import type { DataSource } from 'typeorm';
import { tableRowCount } from '@sheber/database/row-count';
import type { HolderColumns } from './holder-name';
import type { CertificateStatus } from './certificate-status';

export interface CertificateRow extends HolderColumns {
  id: string;
  number: string;
  status: CertificateStatus;
  verification_code: string;
  enrollment_id: string;
  trainee_id: string;
  group_id: string;
  issued_at: Date | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  replaced_by_id: string | null;
  replaced_by: string | null;
  failure_reason: string | null;
  created_at: Date;
}

const CERTIFICATE_COLUMNS = `
  c.id, c.number, c.status, c.verification_code, c.enrollment_id, e.trainee_id, e.group_id,
  t.last_name, t.first_name, t.patronymic, c.issued_at, c.revoked_at, c.revoke_reason,
  c.replaced_by_id, r.number AS replaced_by, c.failure_reason, c.created_at`;

const CERTIFICATE_FROM = `
  FROM certificates c
  JOIN enrollments e ON e.id = c.enrollment_id
  JOIN trainees t ON t.id = e.trainee_id
  LEFT JOIN certificates r ON r.id = c.replaced_by_id`;

export interface CertificateFilter {
  groupId?: string;
  traineeId?: string;
  status?: CertificateStatus;
  limit: number;
  offset: number;
}

/** A page of certificates in number order, newest first, and the total of the filter. */
export async function certificatePage(
  dataSource: DataSource,
  query: CertificateFilter,
): Promise<{ rows: CertificateRow[]; total: number }> {
  // Only the filters given, so each list is an index scan in number order (a filter written as
  // `($1 IS NULL OR …)` serves no index), and the count apart from the page.
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.groupId) where.push(`e.group_id = $${params.push(query.groupId)}`);
  if (query.traineeId) where.push(`e.trainee_id = $${params.push(query.traineeId)}`);
  if (query.status) where.push(`c.status = $${params.push(query.status)}`);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const byEnrollment = query.groupId || query.traineeId;
  const join = byEnrollment ? 'JOIN enrollments e ON e.id = c.enrollment_id' : '';
  const [rows, total] = await Promise.all([
    // The page's ids in number order first, then the holder's name for those rows only.
    dataSource.query<CertificateRow[]>(
      `WITH page AS MATERIALIZED (
         SELECT c.id FROM certificates c ${join} ${filter}
          ORDER BY c.number DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2})
       SELECT ${CERTIFICATE_COLUMNS} ${CERTIFICATE_FROM}
         JOIN page ON page.id = c.id
        ORDER BY c.number DESC`,
      [...params, query.limit, query.offset],
    ),
    where.length === 0
      ? tableRowCount(dataSource, 'certificates')
      : dataSource
          .query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM certificates c ${join} ${filter}`,
            params,
          )
          .then(([row]) => row?.n ?? 0),
  ]);
  return { rows, total };
}

export async function certificateById(
  dataSource: DataSource,
  id: string,
): Promise<CertificateRow | undefined> {
  const [row] = await dataSource.query<CertificateRow[]>(
    `SELECT ${CERTIFICATE_COLUMNS} ${CERTIFICATE_FROM} WHERE c.id = $1`,
    [id],
  );
  return row;
}

/**
 * The stored file of a certificate, for a download; with `officerCentre`, only a certificate
 * whose enrollment that centre referred.
 */
export async function certificateFile(
  dataSource: DataSource,
  id: string,
  officerCentre: string | null,
): Promise<{ number: string; status: CertificateStatus; file_key: string | null } | undefined> {
  const [row] = await dataSource.query<
    { number: string; status: CertificateStatus; file_key: string | null }[]
  >(
    `SELECT c.number, c.status, c.file_key FROM certificates c
      WHERE c.id = $1
        AND ($2::text IS NULL OR EXISTS (
              SELECT 1 FROM referrals r
               WHERE r.enrollment_id = c.enrollment_id AND r.employment_center_id::text = $2))`,
    [id, officerCentre],
  );
  return row;
}
