import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CSV_DELIMITERS,
  type CsvDelimiter,
  IsIsoDate,
  type Language,
  LANGUAGES,
  PageQueryDto,
  trimString,
  trimToNull,
} from '@sheber/common';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '@sheber/certificates';
import {
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
  SYSTEM_REASONS,
  type SystemReason,
} from '@sheber/enrollments';
import { EmploymentCenterNamesView } from '@sheber/employment-centers';
import { CreateTraineeDto } from '@sheber/trainees';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralOutcome,
  type ReferralStatus,
} from '../referral-status';

const CRAFT = /^[a-z_]{1,32}$/;

/** The person as for a trainee: the same fields, checked the same way (IIN included). */
export class ReferredPersonDto extends PickType(CreateTraineeDto, [
  'iin',
  'lastName',
  'firstName',
  'patronymic',
  'phone',
  'categories',
] as const) {}

export class CreateReferralDto {
  /** The employment centre's own document number (unique within the centre). */
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  number: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ReferredPersonDto)
  person: ReferredPersonDto;

  /** Craft code, e.g. `felt` (see GET /api/crafts). */
  @Matches(CRAFT, { context: { code: 'field.craft_code' } })
  craft: string;

  /** A preferred course of that craft, if the officer has one in mind. */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  courseId?: string | null;

  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class AcceptReferralDto {
  /** The group to enroll into. Without it the referral is accepted and waits for a group. */
  @IsOptional()
  @IsUUID('all')
  groupId?: string;
}

export class RejectReferralDto {
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class CancelReferralDto {
  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export class RecordOutcomeDto {
  @IsIn(REFERRAL_OUTCOMES)
  outcome: ReferralOutcome;

  /** When the outcome happened (`YYYY-MM-DD`), not in the future. */
  @IsIsoDate()
  date: string;

  @IsOptional()
  @Transform(trimToNull)
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}

export class ReferralQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

  @IsOptional()
  @Matches(CRAFT, { context: { code: 'field.craft_code' } })
  craft?: string;

  /** Staff only: one employment centre's referrals. Officers always see their own centre's. */
  @IsOptional()
  @IsUUID('all')
  employmentCenterId?: string;

  /** Only the referrals that led to this trainee (linked at intake). */
  @IsOptional()
  @IsUUID('all')
  traineeId?: string;

  /** Words of the person's name or the centre's number of the referral, or the IIN's first digits. */
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  search?: string;
}

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGUAGES = LANGUAGES;
export type ReportLanguage = Language;

export class ReferralReportQueryDto {
  /** First day of the period (`YYYY-MM-DD`, the centre's calendar), by the referral's date. */
  @IsIsoDate()
  from: string;

  /** Last day of the period, inclusive. */
  @IsIsoDate()
  to: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';

  /** Language of the file's headers; defaults to the request's Accept-Language, else Russian. */
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;

  /** CSV only: `semicolon` for Excel in Kazakh and Russian locales; `comma` by default. */
  @IsOptional()
  @IsIn(CSV_DELIMITERS)
  delimiter?: CsvDelimiter;

  /** Staff only: one employment centre. Officers always get their own centre. */
  @IsOptional()
  @IsUUID('all')
  employmentCenterId?: string;
}

export class ReferredPersonView {
  /** Whole in the single-referral view; `********1234` in lists and reports. */
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  phone: string | null;
  categories: string[];
}

export class ReferralEnrollmentView {
  id: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES })
  status: EnrollmentStatus;
  waitlistPosition: number | null;
  /** (present + late) / (lessons held − excused), 0..1; null before anything is marked. */
  attendanceRate: number | null;
  group: { id: string; code: string; startDate: string; endDate: string };
}

export class ReferralCertificateView {
  id: string;
  number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  status: CertificateStatus;
}

export class ReferralOutcomeView {
  outcome: ReferralOutcome;
  date: string;
  note: string | null;
}

/** A named class, not an inline type: OpenAPI loses `| null` on inline objects. */
export class ReferralCourseView {
  id: string;
  title: string;
}

export class ReferralView {
  id: string;
  number: string;
  employmentCenter: { id: string; name: EmploymentCenterNamesView };
  person: ReferredPersonView;
  craft: string;
  course: ReferralCourseView | null;
  note: string | null;
  status: ReferralStatus;
  /** Why it was rejected, cancelled or dropped, as a person typed it. */
  statusReason: string | null;
  /** Why, when the system decided (a cancelled or completed group, too little attendance). */
  @ApiProperty({ enum: SYSTEM_REASONS, nullable: true })
  statusReasonCode: SystemReason | null;
  statusChangedAt: Date;
  traineeId: string | null;
  enrollment: ReferralEnrollmentView | null;
  certificate: ReferralCertificateView | null;
  outcome: ReferralOutcomeView | null;
  createdAt: Date;
}

/** One referral of the report (`GET /api/referrals/report`), the IIN masked. */
export class ReferralReportRowView {
  id: string;
  number: string;
  /** The centre's name in each language. */
  employmentCenter: EmploymentCenterNamesView;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  /** Masked: `********1234`. */
  iin: string;
  craft: string;
  course: string | null;
  groupCode: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ReferralStatus;
  attendanceRate: number | null;
  certificateNumber: string | null;
  certificateStatus: string | null;
  outcome: ReferralOutcome | null;
  outcomeDate: string | null;
  referredOn: string;
}

export class ReferralReportTotalsView {
  referrals: number;
  /** Referral status → how many. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  byStatus: Record<ReferralStatus, number>;
  /** Craft code → how many. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  byCraft: Record<string, number>;
  /** Outcome → how many. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  byOutcome: Record<ReferralOutcome, number>;
  /** Completed trainings over trainings that ended (completed + dropped); null when none ended. */
  completionRate: number | null;
  /** Completed referrals whose outcome is employed, self_employed or centre_workshop. */
  employedAfterCompletion: number;
  /** employedAfterCompletion over completed; null when none completed. */
  employmentRate: number | null;
}

/** `GET /api/referrals/report` as JSON. */
export class ReferralReportView {
  period: { from: string; to: string };
  employmentCenterId: string | null;
  totals: ReferralReportTotalsView;
  rows: ReferralReportRowView[];
}
