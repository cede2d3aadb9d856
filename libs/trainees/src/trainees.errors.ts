import { defineErrors, type Messages } from '@sheber/common';
import type { IinProblem } from './iin';

/** What registering trainees refuses; the IIN codes say which check the number fails. */
export const TRAINEE_ERROR_CODES = [
  'iin.length',
  'iin.digits',
  'iin.century',
  'iin.date',
  'iin.checksum',
  'iin.birth_date_in_future',
  'trainee.iin_taken',
  'trainee.consent_required',
  'trainee.guardian_field_required',
  'trainee.guardian_required',
] as const;
export type TraineeErrorCode = (typeof TRAINEE_ERROR_CODES)[number];

/** `iin.<problem>` for every problem checkIin names: a problem without a code is a type error. */
type Declared<T extends TraineeErrorCode> = T;
export type IinErrorCode = Declared<`iin.${IinProblem}`>;

export const TRAINEE_ERRORS = defineErrors({
  'iin.length': {
    kk: 'ЖСН-де дәл 12 цифр болады',
    ru: 'В ИИН ровно 12 цифр',
    en: 'An IIN has exactly 12 digits',
  },
  'iin.digits': {
    kk: 'ЖСН тек цифрлардан тұрады',
    ru: 'ИИН состоит только из цифр',
    en: 'An IIN has digits only',
  },
  'iin.century': {
    kk: 'ЖСН-нің 7-цифры мүмкін емес (1–6 болуы керек)',
    ru: 'Невозможная 7-я цифра ИИН (должна быть от 1 до 6)',
    en: 'The 7th digit of the IIN is impossible (it must be 1–6)',
  },
  'iin.date': {
    kk: 'ЖСН шын туған күннен басталмайды (ЖЖААКК)',
    ru: 'ИИН не начинается с настоящей даты рождения (ГГММДД)',
    en: 'The IIN does not start with a real birth date (YYMMDD)',
  },
  'iin.checksum': {
    kk: 'ЖСН-нің бақылау цифры сәйкес келмейді',
    ru: 'Контрольная цифра ИИН не совпадает',
    en: 'The IIN check digit does not match',
  },
  'iin.birth_date_in_future': {
    kk: 'ЖСН бойынша туған күн болашақта',
    ru: 'По ИИН дата рождения в будущем',
    en: 'The IIN gives a birth date in the future',
  },
  'trainee.iin_taken': {
    kk: 'Бұл ЖСН-мен тыңдаушы бұрыннан тіркелген',
    ru: 'Слушатель с таким ИИН уже зарегистрирован',
    en: 'A trainee with this IIN is already registered',
  },
  'trainee.consent_required': {
    kk: 'Тіркеу үшін дербес деректерді өңдеуге келісім қажет',
    ru: 'Для регистрации нужно согласие на обработку персональных данных',
    en: 'Consent to the processing of personal data is required to register',
  },
  'trainee.guardian_field_required': {
    kk: '18 жасқа толмаған тыңдаушы үшін міндетті',
    ru: 'Обязательно для слушателя младше 18 лет',
    en: 'Required for a trainee under 18',
  },
  'trainee.guardian_required': {
    kk: 'Адам 18 жасқа толмаған: алдымен тыңдаушыны заңды өкілімен тіркеп, содан кейін жолдаманы қабылдаңыз',
    ru: 'Человеку нет 18 лет: сначала зарегистрируйте слушателя с законным представителем, затем примите направление',
    en: 'The referred person is under 18: register the trainee with a guardian first, then accept the referral',
  },
} satisfies Record<TraineeErrorCode, Messages>);
