import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto, trimString } from '@sheber/common';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '../entities/certificate.entity';

export class CertificateQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID('all')
  groupId?: string;

  @IsOptional()
  @IsUUID('all')
  traineeId?: string;

  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES, {
    message: `status must be one of: ${CERTIFICATE_STATUSES.join(', ')}`,
  })
  status?: CertificateStatus;
}

export class RevokeCertificateDto {
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
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
  failureReason: string | null;
  createdAt: Date;
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
}
