import type { DocumentKind, DocumentStatus } from '../entities/prepared-document.entity';

/** A prepared document as the API shows it while it is pending (202) or when it failed. */
export class DocumentView {
  id: string;
  kind: DocumentKind;
  groupId: string;
  status: DocumentStatus;
  /** Why the last attempt failed; null unless `failed`. */
  failureReason: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}
