/** The shapes of the API's answers that the screens read (see /api/docs). */
export type Role = 'admin' | 'staff' | 'master' | 'officer';

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  employmentCenterId: string | null;
  /** After an admin's reset: the app shows only the password change until it is done. */
  passwordChangeRequired: boolean;
}

export interface Names {
  kk: string;
  ru: string;
  en: string;
}

export interface Craft {
  code: string;
  name: Names;
}

export interface Course {
  id: string;
  craft: string;
  title: string;
  description: string | null;
  hours: number;
  minAttendancePercent: number;
  active: boolean;
}

export type GroupStatus = 'planned' | 'open' | 'in_progress' | 'completed' | 'cancelled';

export interface ScheduleSlot {
  weekday: number;
  startTime: string;
  endTime: string;
}

export interface Group {
  id: string;
  code: string;
  courseId: string;
  course: { id: string; title: string; craft: string; hours: number };
  masterId: string | null;
  master: { id: string; fullName: string } | null;
  room: string | null;
  startDate: string;
  endDate: string;
  schedule: ScheduleSlot[];
  capacity: number;
  status: GroupStatus;
  seats: { capacity: number; active: number; waitlisted: number };
  completedAt: string | null;
  /** In the answer of GET /api/groups/:id only. */
  certificates?: { issued: number; pending: number; failed: number; revoked: number };
}

/** GET /api/groups/:id/completion-preview: what completing would do. */
export interface CompletionPreview {
  planned: number;
  held: number;
  unmarked: number;
  lastLessonDate: string | null;
  endDate: string;
  refusal: 'group.completion_too_early' | 'group.lessons_unmarked' | null;
  thresholdPercent: number | null;
  active: number;
  eligible: number;
  belowThreshold: {
    enrollmentId: string;
    trainee: { lastName: string; firstName: string; patronymic: string | null };
    attendanceRate: number | null;
  }[];
}

export interface Master {
  id: string;
  fullName: string;
  crafts: string[];
}

export type EnrollmentStatus = 'active' | 'waitlisted' | 'withdrawn' | 'completed' | 'failed';

export interface RosterEntry {
  id: string;
  traineeId: string;
  trainee: { lastName: string; firstName: string; patronymic: string | null };
  status: EnrollmentStatus;
  waitlistPosition: number | null;
  attendanceRate: number | null;
}

export interface TraineeListItem {
  id: string;
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string;
}

export interface Lesson {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  marked: boolean;
}

/** A lesson of the master's own groups (`GET /api/lessons/mine`). */
export interface MyLesson extends Lesson {
  markingWindow: 'not_started' | 'open' | 'closed';
  group: {
    id: string;
    code: string;
    status: string;
    room: string | null;
    course: { title: string; craft: string };
  };
}

export type AttendanceStatus = 'present' | 'late' | 'absent' | 'excused';

export interface AttendanceSheet {
  group: { id: string; code: string };
  lessons: { id: string; date: string; startTime: string; endTime: string }[];
  rows: {
    enrollmentId: string;
    trainee: { lastName: string; firstName: string; patronymic: string | null };
    status: string;
    marks: Record<string, AttendanceStatus>;
    attendanceRate: number | null;
  }[];
}

export type CertificateStatus = 'pending' | 'issued' | 'failed' | 'revoked';

export interface Certificate {
  id: string;
  number: string;
  status: CertificateStatus;
  verificationCode: string;
  groupId: string;
  holder: string;
  issuedAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  replacedBy: { id: string; number: string } | null;
  failureReason: string | null;
}

export interface PublicCertificate {
  valid: boolean;
  status: CertificateStatus | 'unknown';
  number?: string;
  holder?: string;
  course?: string;
  craft?: Names;
  hours?: number;
  issuedAt?: string | null;
  revokedAt?: string | null;
  replacedBy?: string | null;
}

export type ReferralStatus =
  'submitted' | 'accepted' | 'enrolled' | 'completed' | 'rejected' | 'cancelled' | 'dropped';

export type Outcome =
  'employed' | 'self_employed' | 'centre_workshop' | 'unemployed' | 'further_training';

export interface Referral {
  id: string;
  number: string;
  employmentCenter: { id: string; name: string };
  status: ReferralStatus;
  statusReason: string | null;
  craft: string;
  course: { id: string; title: string } | null;
  person: { lastName: string; firstName: string; patronymic: string | null };
  note: string | null;
  enrollment: {
    status: EnrollmentStatus;
    waitlistPosition: number | null;
    attendanceRate: number | null;
    group: { id: string; code: string };
  } | null;
  certificate: { id: string; number: string; status: CertificateStatus } | null;
  outcome: { outcome: Outcome; date: string; note: string | null } | null;
}

export interface ReferralReport {
  totals: {
    referrals: number;
    byStatus: Record<string, number>;
    byCraft: Record<string, number>;
    byOutcome: Record<string, number>;
    completionRate: number | null;
    employmentRate: number | null;
  };
  rows: {
    id: string;
    number: string;
    lastName: string;
    firstName: string;
    patronymic: string | null;
    craft: string;
    groupCode: string | null;
    status: ReferralStatus;
    attendanceRate: number | null;
    certificateNumber: string | null;
    outcome: Outcome | null;
  }[];
}
