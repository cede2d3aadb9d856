// Reads: certificates, enrollments.
import type { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '@sheber/database/sql';
import { ENROLLMENT_STATUS } from '@sheber/enrollments';
import { CERTIFICATE_STATUS, type CertificateStatus } from './certificate-status';

/** Every certificate of a group's enrollments, revoked ones too, in number order. */
export function certificatesOfGroup(
  manager: EntityManager,
  groupId: string,
): Promise<{ id: string; number: string; status: CertificateStatus }[]> {
  return sqlRows(
    manager,
    `SELECT c.id, c.number, c.status FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
      WHERE e.group_id = $1 ORDER BY c.number`,
    [groupId],
  );
}

/** The group's completed enrollments that never had a certificate, in the order they completed. */
export async function completedWithoutCertificate(
  manager: EntityManager,
  groupId: string,
): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    manager,
    `SELECT e.id FROM enrollments e
      WHERE e.group_id = $1 AND e.status = '${ENROLLMENT_STATUS.completed}'
        AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = e.id)
      ORDER BY e.status_changed_at, e.id`,
    [groupId],
  );
  return rows.map((r) => r.id);
}

/** The status of the enrollment a certificate belongs to, read inside the caller's transaction. */
export async function enrollmentStatusOf(
  manager: EntityManager,
  enrollmentId: string,
): Promise<string | undefined> {
  const [row] = await sqlRows<{ status: string }>(
    manager,
    'SELECT e.status FROM enrollments e WHERE e.id = $1',
    [enrollmentId],
  );
  return row?.status;
}

/** How far a group's certificates are: one indexed count over the group's enrollments. */
export async function certificateCountsOfGroup(
  dataSource: DataSource,
  groupId: string,
): Promise<Record<CertificateStatus, number>> {
  const [row] = await dataSource.query<Record<CertificateStatus, number>[]>(
    `SELECT count(*) FILTER (WHERE c.status = '${CERTIFICATE_STATUS.issued}')::int AS issued,
            count(*) FILTER (WHERE c.status = '${CERTIFICATE_STATUS.pending}')::int AS pending,
            count(*) FILTER (WHERE c.status = '${CERTIFICATE_STATUS.failed}')::int AS failed,
            count(*) FILTER (WHERE c.status = '${CERTIFICATE_STATUS.revoked}')::int AS revoked
       FROM enrollments e JOIN certificates c ON c.enrollment_id = e.id
      WHERE e.group_id = $1`,
    [groupId],
  );
  return {
    issued: row?.issued ?? 0,
    pending: row?.pending ?? 0,
    failed: row?.failed ?? 0,
    revoked: row?.revoked ?? 0,
  };
}
