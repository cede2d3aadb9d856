// The migrations in the order they run. `npm run migration:generate` rewrites this list.
import { Foundation1795313600304 } from './1795313600304-Foundation';
import { CoursesGroupsTraineesEnrollments1795316261342 } from './1795316261342-CoursesGroupsTraineesEnrollments';
import { LessonsAttendanceHolidays1795317980271 } from './1795317980271-LessonsAttendanceHolidays';
import { Certificates1795319372673 } from './1795319372673-Certificates';
import { Referrals1795324419334 } from './1795324419334-Referrals';
import { EnrollmentFunction1795330000000 } from './1795330000000-EnrollmentFunction';
import { MarkAttendanceFunction1795330100000 } from './1795330100000-MarkAttendanceFunction';
import { ReopenAndReissue1795340000000 } from './1795340000000-ReopenAndReissue';
import { ReadPathIndexes1795500000000 } from './1795500000000-ReadPathIndexes';
import { SessionsAndSignInLimits1796035872685 } from './1796035872685-SessionsAndSignInLimits';
import { PreparedDocuments1796041064218 } from './1796041064218-PreparedDocuments';
import { FunctionsFromFilesAndSeatCounterTrigger1796100000000 } from './1796100000000-FunctionsFromFilesAndSeatCounterTrigger';
import { Outbox1796200000000 } from './1796200000000-Outbox';
import { CodedFunctionRefusals1796300000000 } from './1796300000000-CodedFunctionRefusals';
import { SystemReasonCodes1796300100000 } from './1796300100000-SystemReasonCodes';
import { EmploymentCentreNames1796300200000 } from './1796300200000-EmploymentCentreNames';
import { MarkCorrectionsOneAtATime1796310000000 } from './1796310000000-MarkCorrectionsOneAtATime';
import { KazakhCollationAndSearchIndexes1796320000000 } from './1796320000000-KazakhCollationAndSearchIndexes';
import { WaitlistPromotionsAndReferralLooks1796330000000 } from './1796330000000-WaitlistPromotionsAndReferralLooks';
import { MarkAttendanceCodedRefusals1796350000000 } from './1796350000000-MarkAttendanceCodedRefusals';
import { Workshops1796400000000 } from './1796400000000-Workshops';

export const MIGRATIONS = [
  Foundation1795313600304,
  CoursesGroupsTraineesEnrollments1795316261342,
  LessonsAttendanceHolidays1795317980271,
  Certificates1795319372673,
  Referrals1795324419334,
  EnrollmentFunction1795330000000,
  MarkAttendanceFunction1795330100000,
  ReopenAndReissue1795340000000,
  ReadPathIndexes1795500000000,
  SessionsAndSignInLimits1796035872685,
  PreparedDocuments1796041064218,
  FunctionsFromFilesAndSeatCounterTrigger1796100000000,
  Outbox1796200000000,
  CodedFunctionRefusals1796300000000,
  SystemReasonCodes1796300100000,
  EmploymentCentreNames1796300200000,
  MarkCorrectionsOneAtATime1796310000000,
  KazakhCollationAndSearchIndexes1796320000000,
  WaitlistPromotionsAndReferralLooks1796330000000,
  MarkAttendanceCodedRefusals1796350000000,
  Workshops1796400000000,
];
