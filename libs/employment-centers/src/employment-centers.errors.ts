import { defineErrors, type Messages } from '@sheber/common';

/** What the list of employment centres refuses, beyond "not found" (common). */
export const EMPLOYMENT_CENTER_ERROR_CODES = ['employment_center.name_taken'] as const;
export type EmploymentCenterErrorCode = (typeof EMPLOYMENT_CENTER_ERROR_CODES)[number];

export const EMPLOYMENT_CENTER_ERRORS = defineErrors({
  'employment_center.name_taken': {
    kk: 'Мұндай атауы бар жұмыспен қамту орталығы бұрыннан бар',
    ru: 'Центр занятости с таким названием уже есть',
    en: 'An employment centre with this name already exists',
  },
} satisfies Record<EmploymentCenterErrorCode, Messages>);
