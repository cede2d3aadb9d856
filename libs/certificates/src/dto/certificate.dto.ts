import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto, trimString } from '@sheber/common';
import { GroupView } from '@sheber/groups';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '../certificate-status';

export class CertificateQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID('all')
  groupId?: string;

  @IsOptional()
  @IsUUID('all')
  traineeId?: string;

  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: CertificateStatus;

  /** Words of the number or the holder's name, or the first digits of the holder's IIN. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class RevokeCertificateDto {
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** A named class, not an inline type: OpenAPI loses `| null` on inline objects. */
export class CertificateReplacementView {
  id: string;
  number: string;
}

export class CertificateView {
  id: string;
  number: string;
  status: CertificateStatus;
  verificationCode: string;
  enrollmentId: string;
  traineeId: string;
  groupId: string;
  holder: string;
  issuedAt: Date | null;
  revokedAt: Date | null;
  revokeReason: string | null;
  /** The certificate reissued in this one's place (this one is then revoked). */
  replacedBy: CertificateReplacementView | null;
  failureReason: string | null;
  createdAt: Date;
}

/** `POST /api/certificates/:id/reissue` and `POST /api/groups/:id/certificates/revoke`. */
export class ReissueCertificateDto extends RevokeCertificateDto {}

/** What `POST /api/groups/:id/certificates/revoke` did. */
export class GroupCertificatesRevokedView {
  /** Numbers of the certificates revoked now. */
  revoked: string[];
  certificates: GroupCertificateCounts;
}

/** How many of a group's certificates are in each status. */
export class GroupCertificateCounts {
  issued: number;
  pending: number;
  failed: number;
  revoked: number;
}

/** One group with the progress of its certificates (composed by the API: groups know no certificates). */
export class GroupDetailView extends GroupView {
  certificates: GroupCertificateCounts;
}

/** What `POST /api/groups/:id/certificates` did. */
export class GroupCertificatesQueuedView {
  /** Completed enrollments that had no certificate and now have one, pending. */
  created: number;
  /** Failed certificates put back to pending. */
  retried: number;
  /** Pending certificates queued for the worker (the two above included). */
  queued: number;
  /** False when Redis could not be reached: the worker's sweeper queues them later. */
  queuedNow: boolean;
  certificates: GroupCertificateCounts;
}

/** What anyone may learn from a verification code: the holder's name and the certificate's facts. */
export class PublicCertificateView {
  valid: boolean;
  status: CertificateStatus | 'unknown';
  number?: string;
  holder?: string;
  course?: string;
  craft?: { kk: string; ru: string; en: string };
  hours?: number;
  issuedAt?: Date | null;
  revokedAt?: Date | null;
  /** The number of the certificate that replaced a reissued one; null when none did. */
  replacedBy?: string | null;
}
