import {
  AUTH_ERRORS,
  type ErrorCatalogue,
  FIELD_ERRORS,
  type Messages,
  NOT_FOUND_ERRORS,
  REQUEST_ERRORS,
} from '@sheber/common';
import { CERTIFICATE_ERRORS } from '@sheber/certificates';
import { COURSE_ERRORS } from '@sheber/courses';
import { DOCUMENT_ERRORS } from '@sheber/documents';
import { EMPLOYMENT_CENTER_ERRORS } from '@sheber/employment-centers';
import { ENROLLMENT_ERRORS } from '@sheber/enrollments';
import { GROUP_ERRORS } from '@sheber/groups';
import { LESSON_ERRORS } from '@sheber/lessons';
import { REFERRAL_ERRORS } from '@sheber/referrals';
import { TRAINEE_ERRORS } from '@sheber/trainees';
import { USER_ERRORS } from '@sheber/users';
import { WORKSHOP_ERRORS } from '@sheber/workshops';

/** Every domain's catalogue: the codes the API can send, each with its kk, ru and en text. */
export const ERROR_CATALOGUES: Readonly<Record<string, ErrorCatalogue>> = {
  common: { ...FIELD_ERRORS, ...REQUEST_ERRORS, ...AUTH_ERRORS, ...NOT_FOUND_ERRORS },
  users: USER_ERRORS,
  courses: COURSE_ERRORS,
  employmentCenters: EMPLOYMENT_CENTER_ERRORS,
  trainees: TRAINEE_ERRORS,
  referrals: REFERRAL_ERRORS,
  groups: GROUP_ERRORS,
  workshops: WORKSHOP_ERRORS,
  enrollments: ENROLLMENT_ERRORS,
  lessons: LESSON_ERRORS,
  certificates: CERTIFICATE_ERRORS,
  documents: DOCUMENT_ERRORS,
};

/** The texts of every code, whichever domain declares it. */
export const ERROR_TEXTS: ReadonlyMap<string, Messages> = new Map(
  Object.values(ERROR_CATALOGUES).flatMap((catalogue) => Object.entries(catalogue)),
);
