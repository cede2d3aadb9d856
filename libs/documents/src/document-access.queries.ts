// Reads: documents, groups.
import type { DataSource } from 'typeorm';
import { DOCUMENT_COLUMNS, type DocumentRow } from './documents.repository';

/** A prepared document with what decides who may read it: its group's master and code. */
export async function documentWithGroup(
  dataSource: DataSource,
  id: string,
): Promise<(DocumentRow & { master_id: string | null; code: string }) | undefined> {
  const [row] = await dataSource.query<
    (DocumentRow & { master_id: string | null; code: string })[]
  >(
    `SELECT ${DOCUMENT_COLUMNS}, g.master_id, g.code FROM documents d JOIN groups g ON g.id = d.group_id
      WHERE d.id = $1`,
    [id],
  );
  return row;
}
