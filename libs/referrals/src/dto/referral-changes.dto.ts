import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REFERRAL_CHANGE_KINDS, type ReferralChangeKind } from '../referral-changes';

export class ReferralChangePersonView {
  lastName: string;
  firstName: string;
  patronymic: string | null;
}

/** One thing that happened to a referral. */
export class ReferralChangeView {
  referralId: string;
  number: string;
  person: ReferralChangePersonView;
  @ApiProperty({ enum: REFERRAL_CHANGE_KINDS })
  change: ReferralChangeKind;
  at: Date;
  /** The group of the enrollment, when there is one. */
  groupCode: string | null;
  /** For `certificate_issued`. */
  certificateNumber: string | null;
}

/** `GET /api/referrals/changes`: what changed since the last look, newest first (at most 100). */
export class ReferralChangesView {
  /** When the officer last marked the changes as seen; null when never. */
  lastLookedAt: Date | null;
  /** The changes are those after this moment (the last look, or 30 days back when never). */
  since: Date;
  /** The moment the list was read: send it back to mark exactly these as seen. */
  until: Date;
  total: number;
  items: ReferralChangeView[];
}

export class RecordReferralLookDto {
  /** The `until` of the list the officer saw (ISO 8601 date and time); now when left out. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/)
  until?: string;
}

export class ReferralLookView {
  lastLookedAt: Date;
}
