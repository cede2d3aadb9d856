import { AuditEntry } from '@sheber/audit';
import { LoginFailure, RevokedToken } from '@sheber/auth';
import { Certificate, CertificateCounter } from '@sheber/certificates';
import { Course } from '@sheber/courses';
import { PreparedDocument } from '@sheber/documents';
import { Craft } from '@sheber/crafts';
import { Enrollment, WaitlistPromotion } from '@sheber/enrollments';
import { EmploymentCenter } from '@sheber/employment-centers';
import { Group } from '@sheber/groups';
import { AttendanceMark, Holiday, Lesson } from '@sheber/lessons';
import { OutboxMessage } from '@sheber/queues';
import { Referral, ReferralLook } from '@sheber/referrals';
import { Trainee } from '@sheber/trainees';
import { MasterCraft, User } from '@sheber/users';
import { Workshop } from '@sheber/workshops';

/** Every entity of the schema; the data source and the migration generator read this list. */
export const ENTITIES = [
  AttendanceMark,
  AuditEntry,
  Certificate,
  CertificateCounter,
  Course,
  Craft,
  EmploymentCenter,
  Enrollment,
  Group,
  Holiday,
  Lesson,
  LoginFailure,
  MasterCraft,
  OutboxMessage,
  PreparedDocument,
  Referral,
  ReferralLook,
  RevokedToken,
  Trainee,
  User,
  WaitlistPromotion,
  Workshop,
];
