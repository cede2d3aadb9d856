import { defineErrors, type Messages } from '@sheber/common';

/** What managing accounts and passwords refuses; the field codes go in `errors[]`. */
export const USER_ERROR_CODES = [
  'user.email_taken',
  'user.officer_needs_center',
  'user.crafts_master_only',
  'user.center_officer_only',
  'user.unknown_crafts',
  'password.current_wrong',
  'password.unchanged',
  'password.changed_meanwhile',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export const USER_ERRORS = defineErrors({
  'user.email_taken': {
    kk: 'Мұндай поштасы бар пайдаланушы бұрыннан бар',
    ru: 'Пользователь с такой почтой уже есть',
    en: 'A user with this email already exists',
  },
  'user.officer_needs_center': {
    kk: 'Орталық маманы жұмыспен қамту орталығына тіркелуі керек',
    ru: 'Специалист должен быть привязан к центру занятости',
    en: 'An officer must belong to an employment centre',
  },
  'user.crafts_master_only': {
    kk: 'Кәсіптер тек шеберге беріледі',
    ru: 'Ремёсла указываются только у мастера',
    en: 'Only a master has crafts',
  },
  'user.center_officer_only': {
    kk: 'Жұмыспен қамту орталығы тек орталық маманына беріледі',
    ru: 'Центр занятости указывается только у специалиста центра',
    en: 'Only an officer belongs to an employment centre',
  },
  'user.unknown_crafts': {
    kk: 'Мұндай кәсіп жоқ: {crafts}',
    ru: 'Нет таких ремёсел: {crafts}',
    en: 'Unknown crafts: {crafts}',
  },
  'password.current_wrong': {
    kk: 'Ағымдағы құпиясөз қате',
    ru: 'Текущий пароль неверен',
    en: 'The current password is wrong',
  },
  'password.unchanged': {
    kk: 'Жаңа құпиясөз ағымдағысынан өзгеше болуы керек',
    ru: 'Новый пароль должен отличаться от текущего',
    en: 'The new password must differ from the current one',
  },
  'password.changed_meanwhile': {
    kk: 'Құпиясөз осы уақытта өзгертілді; қайта кіріңіз',
    ru: 'Пароль за это время изменился; войдите снова',
    en: 'The password changed meanwhile',
  },
} satisfies Record<UserErrorCode, Messages>);
