import { defineErrors, type Messages } from '@sheber/common';

/** What enrolling and withdrawing refuse (the enroll_trainee function raises the first three). */
export const ENROLLMENT_ERROR_CODES = [
  'enrollment.already_enrolled',
  'group.not_enrolling',
  'enrollment.schedule_overlap',
  'enrollment.closed',
  'promotion.already_acknowledged',
] as const;
export type EnrollmentErrorCode = (typeof ENROLLMENT_ERROR_CODES)[number];

export const ENROLLMENT_ERRORS = defineErrors({
  'enrollment.already_enrolled': {
    kk: 'Тыңдаушы бұл топта бұрыннан оқиды немесе күту тізімінде тұр ({group})',
    ru: 'Слушатель уже учится в этой группе или стоит в листе ожидания ({group})',
    en: 'The trainee is already active or waitlisted in this group ({group})',
  },
  'group.not_enrolling': {
    kk: 'Топқа тек ол ашық немесе жүріп жатқанда жазуға болады ({group})',
    ru: 'Записать в группу можно, только пока она открыта или идёт ({group})',
    en: 'Trainees can enroll only while the group is open or in progress ({group})',
  },
  'enrollment.schedule_overlap': {
    kk: 'Тыңдаушы уақыты қабаттасатын басқа топта оқиды ({other})',
    ru: 'Слушатель учится в другой группе в пересекающееся время ({other})',
    en: 'The trainee is active in another group at overlapping times ({other})',
  },
  'enrollment.closed': {
    kk: 'Тек оқып жүрген немесе күту тізіміндегі тыңдаушыны шығаруға болады',
    ru: 'Отчислить можно только обучающегося или ожидающего слушателя',
    en: 'Only an active or waitlisted enrollment can be withdrawn',
  },
  'promotion.already_acknowledged': {
    kk: 'Бұл ауысуды басқа қызметкер белгілеп қойған',
    ru: 'Этот перевод уже отметил другой сотрудник',
    en: 'Someone has already acknowledged this promotion',
  },
} satisfies Record<EnrollmentErrorCode, Messages>);
