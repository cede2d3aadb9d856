// Reads: certificates, courses, crafts, enrollments, groups, trainees.
import type { DataSource } from 'typeorm';
import type { HolderColumns } from './holder-name';
import type { CertificateStatus } from './certificate-status';

export interface VerifiedCertificateRow extends HolderColumns {
  status: CertificateStatus;
  number: string;
  title: string;
  hours: number;
  name_kk: string;
  name_ru: string;
  name_en: string;
  issued_at: Date | null;
  revoked_at: Date | null;
  replaced_by: string | null;
}

/** What the public check of a verification code shows. */
export async function certificateByCode(
  dataSource: DataSource,
  code: string,
): Promise<VerifiedCertificateRow | undefined> {
  const [row] = await dataSource.query<VerifiedCertificateRow[]>(
    `SELECT c.status, c.number, t.last_name, t.first_name, t.patronymic, co.title, co.hours,
            cr.name_kk, cr.name_ru, cr.name_en, c.issued_at, c.revoked_at, r.number AS replaced_by
       FROM certificates c
       LEFT JOIN certificates r ON r.id = c.replaced_by_id
       JOIN enrollments e ON e.id = c.enrollment_id
       JOIN trainees t ON t.id = e.trainee_id
       JOIN groups g ON g.id = e.group_id
       JOIN courses co ON co.id = g.course_id
       JOIN crafts cr ON cr.code = co.craft
      WHERE c.verification_code = $1`,
    [code],
  );
  return row;
}
