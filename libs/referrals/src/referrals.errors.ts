import { defineErrors, type Messages } from '@sheber/common';

/** What filing and handling referrals refuses; the field codes go in `errors[]`. */
export const REFERRAL_ERROR_CODES = [
  'referral.number_taken',
  'referral.person_open',
  'referral.enrollment_taken',
  'referral.officer_only',
  'referral.officer_without_center',
  'referral.already_accepted',
  'referral.closed',
  'referral.outcome_too_early',
  'referral.outcome_before_referral',
  'referral.course_other_craft',
  'referral.group_other_craft',
] as const;
export type ReferralErrorCode = (typeof REFERRAL_ERROR_CODES)[number];

export const REFERRAL_ERRORS = defineErrors({
  'referral.number_taken': {
    kk: 'Бұл орталықта осындай нөмірлі жолдама бұрыннан бар',
    ru: 'У этого центра уже есть направление с таким номером',
    en: 'This employment centre already has a referral with this number',
  },
  'referral.person_open': {
    kk: 'Бұл адамның ашық жолдамасы бар ({number}, {center})',
    ru: 'У этого человека уже есть открытое направление ({number}, {center})',
    en: 'This person already has an open referral ({number}, {center})',
  },
  'referral.enrollment_taken': {
    kk: 'Бұл оқу басқа жолдамаға тиесілі',
    ru: 'Это обучение уже относится к другому направлению',
    en: 'The enrollment already belongs to another referral',
  },
  'referral.officer_only': {
    kk: 'Жолдаманы тек жұмыспен қамту орталығының маманы жібереді',
    ru: 'Направления подаёт только специалист центра занятости',
    en: 'Only an officer of an employment centre files referrals',
  },
  'referral.officer_without_center': {
    kk: 'Маман ешбір орталыққа тіркелмеген',
    ru: 'Специалист не привязан к центру занятости',
    en: 'The officer has no centre',
  },
  'referral.already_accepted': {
    kk: 'Жолдама бұрыннан қабылданған; топқа жазу үшін топты таңдаңыз ({number})',
    ru: 'Направление уже принято; выберите группу для зачисления ({number})',
    en: 'The referral is already accepted; choose a group to enroll ({number})',
  },
  'referral.closed': {
    kk: 'Тек жіберілген немесе қабылданған жолдаманы өзгертуге болады ({number})',
    ru: 'Изменить можно только поданное или принятое направление ({number})',
    en: 'Only a submitted or accepted referral can change ({number})',
  },
  'referral.outcome_too_early': {
    kk: 'Нәтиже оқу аяқталғаннан немесе тоқтатылғаннан кейін жазылады ({number})',
    ru: 'Итог записывается после завершения или прекращения обучения ({number})',
    en: 'An outcome is recorded after the training is completed or dropped ({number})',
  },
  'referral.outcome_before_referral': {
    kk: 'Жолдама күнінен ерте болмауы керек ({date})',
    ru: 'Не раньше даты направления ({date})',
    en: 'Must not be before the referral ({date})',
  },
  'referral.course_other_craft': {
    kk: 'Курс басқа кәсіпке арналған ({craft})',
    ru: 'Курс относится к другому ремеслу ({craft})',
    en: 'The course is of another craft ({craft})',
  },
  'referral.group_other_craft': {
    kk: 'Топ жолдамадағыдан басқа кәсіпті оқытады ({group})',
    ru: 'Группа учит другому ремеслу, чем указано в направлении ({group})',
    en: 'The group teaches another craft than the referral’s ({group})',
  },
} satisfies Record<ReferralErrorCode, Messages>);
