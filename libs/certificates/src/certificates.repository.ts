import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedRows, type PreparedStatement, sqlRows } from '@sheber/database/sql';
import {
  CERTIFICATE_STATUS,
  CERTIFICATE_TRANSITIONS,
  type CertificateStatus,
} from './certificate-status';

/** Only a certificate still pending or failed is marked: of two runs at once, one records it. */
const MARK_ISSUED: PreparedStatement = {
  name: 'certificate_mark_issued',
  text: `UPDATE certificates SET status = '${CERTIFICATE_TRANSITIONS.issue.to}', file_key = $2, sha256 = $3,
                issued_at = now(), failure_reason = NULL, updated_at = now()
          WHERE id = $1 AND status = ANY($4::text[])
          RETURNING id`,
};

/** The certificates and their yearly number counters: the only code that names these tables. */
@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findNotRevokedOf(manager: EntityManager, enrollmentId: string): Promise<string | null> {
    const [existing] = await sqlRows<{ id: string }>(
      manager,
      `SELECT id FROM certificates WHERE enrollment_id = $1 AND status <> '${CERTIFICATE_STATUS.revoked}'`,
      [enrollmentId],
    );
    return existing?.id ?? null;
  }

  /**
   * The next number of the year, bumped inside the caller's transaction: a rollback takes it
   * back, and the row lock keeps two transactions from sharing one.
   */
  async takeNextNumber(manager: EntityManager, year: number): Promise<number> {
    const [counter] = await sqlRows<{ last_number: number }>(
      manager,
      `INSERT INTO certificate_counters (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = certificate_counters.last_number + 1
       RETURNING last_number`,
      [year],
    );
    return counter!.last_number;
  }

  async insertPending(
    manager: EntityManager,
    enrollmentId: string,
    number: string,
    verificationCode: string,
  ): Promise<string> {
    const [certificate] = await sqlRows<{ id: string }>(
      manager,
      `INSERT INTO certificates (enrollment_id, number, verification_code, status)
       VALUES ($1, $2, $3, '${CERTIFICATE_STATUS.pending}') RETURNING id`,
      [enrollmentId, number, verificationCode],
    );
    return certificate!.id;
  }

  /**
   * Revokes the certificates not yet revoked among these ids or of these enrollments, locking
   * them in number order; returns each with the status it had.
   */
  revoke(
    manager: EntityManager,
    target: { ids?: string[]; enrollmentIds?: string[] },
    reason: string,
  ): Promise<{ id: string; number: string; status: CertificateStatus }[]> {
    return sqlRows(
      manager,
      `WITH target AS (
         SELECT c.id, c.status FROM certificates c
          WHERE c.status = ANY($4::text[]) AND (c.id = ANY($1::uuid[]) OR c.enrollment_id = ANY($2::uuid[]))
          ORDER BY c.number FOR UPDATE OF c)
       UPDATE certificates c SET status = '${CERTIFICATE_TRANSITIONS.revoke.to}', revoked_at = now(),
              revoke_reason = $3, updated_at = now()
         FROM target WHERE c.id = target.id
       RETURNING c.id, c.number, target.status`,
      [target.ids ?? [], target.enrollmentIds ?? [], reason, CERTIFICATE_TRANSITIONS.revoke.from],
    );
  }

  async lockCertificate(
    manager: EntityManager,
    id: string,
  ): Promise<{ status: CertificateStatus; number: string; enrollment_id: string } | undefined> {
    const [row] = await sqlRows<{
      status: CertificateStatus;
      number: string;
      enrollment_id: string;
    }>(manager, 'SELECT status, number, enrollment_id FROM certificates WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    return row;
  }

  async setReplacedBy(manager: EntityManager, id: string, replacementId: string): Promise<void> {
    await sqlRows(manager, 'UPDATE certificates SET replaced_by_id = $2 WHERE id = $1', [
      id,
      replacementId,
    ]);
  }

  async numberOf(manager: EntityManager, id: string): Promise<string> {
    const [row] = await sqlRows<{ number: string }>(
      manager,
      'SELECT number FROM certificates WHERE id = $1',
      [id],
    );
    return row!.number;
  }

  /** Failed certificates among these ids back to pending; returns them with their old reason. */
  retryFailed(
    manager: EntityManager,
    ids: string[],
  ): Promise<{ id: string; number: string; failure_reason: string | null }[]> {
    return sqlRows(
      manager,
      `WITH before AS (
         SELECT c.id, c.failure_reason FROM certificates c
          WHERE c.id = ANY($1::uuid[]) AND c.status = ANY($2::text[]) FOR UPDATE OF c)
       UPDATE certificates c SET status = '${CERTIFICATE_TRANSITIONS.retry.to}', failure_reason = NULL,
              updated_at = now()
         FROM before WHERE c.id = before.id
       RETURNING c.id, c.number, before.failure_reason`,
      [ids, CERTIFICATE_TRANSITIONS.retry.from],
    );
  }

  /** The worker's record of a stored file (a prepared statement: it runs once per render). */
  async markIssued(id: string, fileKey: string, sha256: string): Promise<boolean> {
    const updated = await preparedRows<{ id: string }>(this.dataSource, MARK_ISSUED, [
      id,
      fileKey,
      sha256,
      CERTIFICATE_TRANSITIONS.issue.from,
    ]);
    return updated.length > 0;
  }

  /** The file a certificate's row names (null when none, or no such row). */
  async fileKeyOf(id: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ file_key: string | null }[]>(
      'SELECT file_key FROM certificates WHERE id = $1',
      [id],
    );
    return row?.file_key ?? null;
  }

  /** After the last attempt: `failed` with the reason; it can be queued again. */
  async markFailed(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE certificates SET status = '${CERTIFICATE_TRANSITIONS.fail.to}', failure_reason = $2,
              updated_at = now()
        WHERE id = $1 AND status = ANY($3::text[])`,
      [id, reason.slice(0, 1000), CERTIFICATE_TRANSITIONS.fail.from],
    );
  }

  /** Certificates pending for longer than `seconds`: their job was lost or never queued. */
  async findStalePending(seconds: number, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM certificates WHERE status = '${CERTIFICATE_STATUS.pending}' AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT $2`,
      [seconds, limit],
    );
    return rows.map((r) => r.id);
  }
}
