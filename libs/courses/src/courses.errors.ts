import { defineErrors, type Messages } from '@sheber/common';

/** What the course catalogue refuses, beyond "not found" (common). */
export const COURSE_ERROR_CODES = ['course.unknown_craft'] as const;
export type CourseErrorCode = (typeof COURSE_ERROR_CODES)[number];

export const COURSE_ERRORS = defineErrors({
  'course.unknown_craft': {
    kk: 'Мұндай кәсіп жоқ: {craft}',
    ru: 'Нет такого ремесла: {craft}',
    en: 'Unknown craft: {craft}',
  },
} satisfies Record<CourseErrorCode, Messages>);
