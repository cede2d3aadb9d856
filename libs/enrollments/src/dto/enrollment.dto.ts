import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { trimString } from '@sheber/common';
import type { EnrollmentStatus } from '../enrollment-status';

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
