// Reads: certificates, courses, crafts, enrollments, groups, trainees, users.
import type { DataSource } from 'typeorm';
import type { PreparedStatement } from '@sheber/database/sql';
import type { HolderColumns } from './holder-name';
import { CERTIFICATE_STATUS, type CertificateStatus } from './certificate-status';

/** What a certificate prints: for issuing it and for printing it again. */
export interface CertificateToIssue extends HolderColumns {
  status: CertificateStatus;
  number: string;
  verification_code: string;
  title: string;
  hours: number;
  name_kk: string;
  name_ru: string;
  start_date: string;
  end_date: string;
  master: string | null;
}

export interface PrintedCertificateRow extends CertificateToIssue {
  issue_date: string;
  revoked_on: string | null;
  replaced_by: string | null;
}

/** What a certificate prints, and the joins that find it: for issuing and for printing again. */
const PRINTED_COLUMNS = `
  c.status, c.number, c.verification_code, t.last_name, t.first_name, t.patronymic,
  co.title, co.hours, cr.name_kk, cr.name_ru,
  to_char(g.start_date, 'YYYY-MM-DD') AS start_date,
  to_char(g.end_date, 'YYYY-MM-DD') AS end_date,
  u.full_name AS master`;
const PRINTED_FROM = `
  FROM certificates c
  JOIN enrollments e ON e.id = c.enrollment_id
  JOIN trainees t ON t.id = e.trainee_id
  JOIN groups g ON g.id = e.group_id
  JOIN courses co ON co.id = g.course_id
  JOIN crafts cr ON cr.code = co.craft
  LEFT JOIN users u ON u.id = g.master_id`;

/*
 * The read of every job, prepared once per pooled connection: planning the seven-table join took
 * longer than running it.
 */
export const CERTIFICATE_TO_ISSUE: PreparedStatement = {
  name: 'certificate_to_issue',
  text: `SELECT ${PRINTED_COLUMNS} ${PRINTED_FROM} WHERE c.id = $1`,
};

/** A certificate as printed before (issue date kept), with its revocation; $1 is the time zone. */
const PRINTED_SELECT = `
  SELECT ${PRINTED_COLUMNS},
         to_char(coalesce(c.issued_at, c.created_at) AT TIME ZONE $1, 'YYYY-MM-DD') AS issue_date,
         to_char(c.revoked_at AT TIME ZONE $1, 'YYYY-MM-DD') AS revoked_on,
         r.number AS replaced_by
  ${PRINTED_FROM}
    LEFT JOIN certificates r ON r.id = c.replaced_by_id`;

export async function printedCertificate(
  dataSource: DataSource,
  timeZone: string,
  certificateId: string,
): Promise<PrintedCertificateRow | undefined> {
  const [row] = await dataSource.query<PrintedCertificateRow[]>(
    `${PRINTED_SELECT} WHERE c.id = $2`,
    [timeZone, certificateId],
  );
  return row;
}

/** Every issued (not revoked) certificate of a group as printed, in the order of their numbers. */
export function printedCertificatesOfGroup(
  dataSource: DataSource,
  timeZone: string,
  groupId: string,
): Promise<PrintedCertificateRow[]> {
  return dataSource.query<PrintedCertificateRow[]>(
    `${PRINTED_SELECT} WHERE e.group_id = $2 AND c.status = '${CERTIFICATE_STATUS.issued}' ORDER BY c.number`,
    [timeZone, groupId],
  );
}

/** The code printed on a group's certificate set; undefined for an unknown group. */
export async function printedGroupCode(
  dataSource: DataSource,
  groupId: string,
): Promise<string | undefined> {
  const [group] = await dataSource.query<{ code: string }[]>(
    'SELECT g.code FROM groups g WHERE g.id = $1',
    [groupId],
  );
  return group?.code;
}
