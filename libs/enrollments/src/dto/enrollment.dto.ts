import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { trimString } from '@sheber/common';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../enrollment-status';

export class EnrollTraineeDto {
  @IsUUID('all')
  traineeId: string;
}

export class WithdrawEnrollmentDto {
  /** Why the trainee leaves, for the record. */
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class EnrollmentResultView {
  id: string;
  status: EnrollmentStatus;
  /** 1, 2, 3 … when waitlisted; null when active. */
  waitlistPosition: number | null;
}

export class RosterEntryView {
  id: string;
  traineeId: string;
  trainee: { lastName: string; firstName: string; patronymic: string | null };
  status: EnrollmentStatus;
  waitlistPosition: number | null;
  /** (present + late) / (lessons held − excused), 0–1; null before any lesson is marked. */
  attendanceRate: number | null;
  statusChangedAt: Date;
}

export class TraineeEnrollmentView {
  id: string;
  group: { id: string; code: string; startDate: string; endDate: string };
  course: { title: string; craft: string };
  status: EnrollmentStatus;
  waitlistPosition: number | null;
  /** (present + late) / (lessons held − excused), 0–1; null before any lesson is marked. */
  attendanceRate: number | null;
  statusChangedAt: Date;
}

/** The promoted trainee, with the phones to call (the guardian's for a minor). */
export class PromotedTraineeView {
  id: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  phone: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
}

export class PromotionGroupView {
  id: string;
  code: string;
}

/** A waitlisted trainee who took a freed seat, kept until staff acknowledge the call. */
export class WaitlistPromotionView {
  id: string;
  promotedAt: Date;
  enrollmentId: string;
  /** The enrollment's status now (it may have been withdrawn since). */
  @ApiProperty({ enum: ENROLLMENT_STATUSES })
  enrollmentStatus: EnrollmentStatus;
  trainee: PromotedTraineeView;
  group: PromotionGroupView;
  acknowledgedAt: Date | null;
  /** The full name of who acknowledged it. */
  acknowledgedBy: string | null;
}

/** A withdrawal, and whoever moved up from the waitlist into the freed seat. */
export class WithdrawalView extends EnrollmentResultView {
  promoted: WaitlistPromotionView[];
}
