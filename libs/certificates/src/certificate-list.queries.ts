// Reads: certificates, enrollments, referrals, trainees.
import type { DataSource } from 'typeorm';
import { tableRowCount } from '@sheber/database/row-count';
import { containsPattern, iinPrefixRange, isIinPrefix, searchWords } from '@sheber/database/search';
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
  /** Words of the number, or of the holder's name, or the first digits of the holder's IIN. */
  search?: string;
  limit: number;
  offset: number;
}

/** A search counts its matches up to this many; narrow it to see the rest. */
export const CERTIFICATE_SEARCH_LIMIT = 10_000;

/** A page of certificates in number order, newest first, and the total of the filter. */
export async function certificatePage(
  dataSource: DataSource,
  query: CertificateFilter,
): Promise<{ rows: CertificateRow[]; total: number }> {
  if (searchWords(query.search).length > 0) return certificateSearchPage(dataSource, query);
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

/**
 * A page of the certificates whose number has every word of the search, or whose holder's name
 * has every word (digits: whose IIN begins with them). The two are found apart, each by its own
 * indexes (ix_certificates_number_trgm; ix_trainees_search_name_trgm or uq_trainee_iin, then
 * ix_enrollments_trainee_status and ix_certificates_enrollment: the ids as arrays, or the planner
 * hashes whole tables), up to CERTIFICATE_SEARCH_LIMIT matches sorted by number. Written as one
 * OR, the planner walks every certificate in number order testing each
 * (docs/decisions/0008-read-paths-at-national-scale.md).
 * A fragment found more often walks the number order instead, where matches are dense.
 */
async function certificateSearchPage(
  dataSource: DataSource,
  query: CertificateFilter,
): Promise<{ rows: CertificateRow[]; total: number }> {
  const params: unknown[] = [];
  const filters: string[] = [];
  if (query.groupId) filters.push(`e.group_id = $${params.push(query.groupId)}`);
  if (query.traineeId) filters.push(`e.trainee_id = $${params.push(query.traineeId)}`);
  if (query.status) filters.push(`c.status = $${params.push(query.status)}`);
  const numbers: string[] = [];
  const holders: string[] = [];
  for (const word of searchWords(query.search)) {
    const like = `$${params.push(containsPattern(word))}`;
    numbers.push(`c.number ILIKE ${like} ESCAPE '\\'`);
    if (isIinPrefix(word)) {
      const [low, high] = iinPrefixRange(word);
      holders.push(`t.iin BETWEEN $${params.push(low)} AND $${params.push(high)}`);
    } else {
      holders.push(`t.search_name LIKE ${like} ESCAPE '\\'`);
    }
  }
  const byNumber = [...numbers, ...filters].join(' AND ');
  const limit = params.length + 1;
  const paging = [...params, query.limit, query.offset];
  const hits = `hits AS MATERIALIZED (
       (SELECT c.id, c.number FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
         WHERE ${byNumber})
       UNION ALL
       (SELECT c.id, c.number FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
         WHERE c.enrollment_id = ANY(ARRAY(
                 SELECT h.id FROM enrollments h WHERE h.trainee_id = ANY(ARRAY(
                   SELECT t.id FROM trainees t WHERE ${holders.join(' AND ')}
                    LIMIT ${CERTIFICATE_SEARCH_LIMIT + 1}))))
           ${filters.map((f) => `AND ${f}`).join(' ')})
       LIMIT ${CERTIFICATE_SEARCH_LIMIT + 1})`;
  // A digit may match both a number and an IIN: DISTINCT counts that certificate once.
  const rows = await dataSource.query<(CertificateRow & { hits: number })[]>(
    `WITH ${hits},
     page AS (SELECT DISTINCT id, number FROM hits
               ORDER BY number DESC LIMIT $${limit} OFFSET $${limit + 1})
     SELECT ${CERTIFICATE_COLUMNS}, (SELECT count(DISTINCT id)::int FROM hits) AS hits
       ${CERTIFICATE_FROM} JOIN page ON page.id = c.id
      ORDER BY c.number DESC`,
    paging,
  );
  let found: number = rows[0]?.hits ?? 0;
  if (rows.length === 0 && query.offset > 0) {
    // A page past the end: the hits are counted on their own.
    const [count] = await dataSource.query<{ n: number }[]>(
      `WITH ${hits} SELECT count(DISTINCT id)::int AS n FROM hits`,
      params,
    );
    found = count?.n ?? 0;
  }
  if (found <= CERTIFICATE_SEARCH_LIMIT) {
    return { rows: rows.map(({ hits: _, ...row }) => row), total: found };
  }
  // A fragment as common as "ов": the number order finds the page at once.
  const common = await dataSource.query<CertificateRow[]>(
    `WITH page AS MATERIALIZED (
       SELECT c.id FROM certificates c JOIN enrollments e ON e.id = c.enrollment_id
         JOIN trainees t ON t.id = e.trainee_id
        WHERE ((${numbers.join(' AND ')}) OR (${holders.join(' AND ')}))
          ${filters.map((f) => `AND ${f}`).join(' ')}
        ORDER BY c.number DESC LIMIT $${limit} OFFSET $${limit + 1})
     SELECT ${CERTIFICATE_COLUMNS} ${CERTIFICATE_FROM} JOIN page ON page.id = c.id
      ORDER BY c.number DESC`,
    paging,
  );
  return { rows: common, total: CERTIFICATE_SEARCH_LIMIT };
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
