import { defineErrors, type Messages } from './messages';

/**
 * The codes of a refused field, whatever the form: what class-validator's constraints, the input
 * shape checks and the services say about one value. Texts name no field: the client shows them
 * beside it.
 */
export const FIELD_ERROR_CODES = [
  'field.required',
  'field.unknown',
  'field.invalid',
  'field.string',
  'field.integer',
  'field.number',
  'field.boolean',
  'field.uuid',
  'field.email',
  'field.url',
  'field.date',
  'field.time',
  'field.too_long',
  'field.too_short',
  'field.too_small',
  'field.too_large',
  'field.one_of',
  'field.array',
  'field.too_many',
  'field.too_few',
  'field.duplicates',
  'field.object',
  'field.format',
  'field.phone',
  'field.craft_code',
  'field.year',
  'field.equals',
  'field.control_character',
  'field.malformed_text',
  'field.bad_name',
  'field.too_deep',
  'field.too_many_values',
  'field.in_future',
  'field.period_reversed',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const FIELD_ERRORS = defineErrors({
  'field.required': { kk: 'Міндетті өріс', ru: 'Обязательное поле', en: 'Required' },
  'field.unknown': {
    kk: 'Мұндай өріс қабылданбайды',
    ru: 'Такое поле не принимается',
    en: 'This field is not accepted',
  },
  'field.invalid': { kk: 'Мәні қате', ru: 'Неверное значение', en: 'Invalid value' },
  'field.string': { kk: 'Мәтін болуы керек', ru: 'Должен быть текст', en: 'Must be text' },
  'field.integer': {
    kk: 'Бүтін сан болуы керек',
    ru: 'Должно быть целое число',
    en: 'Must be a whole number',
  },
  'field.number': { kk: 'Сан болуы керек', ru: 'Должно быть число', en: 'Must be a number' },
  'field.boolean': {
    kk: 'true немесе false болуы керек',
    ru: 'Должно быть true или false',
    en: 'Must be true or false',
  },
  'field.uuid': {
    kk: 'Идентификатор (UUID) болуы керек',
    ru: 'Должен быть идентификатор (UUID)',
    en: 'Must be a UUID',
  },
  'field.email': {
    kk: 'Электрондық пошта мекенжайы болуы керек',
    ru: 'Должен быть адрес электронной почты',
    en: 'Must be an email address',
  },
  'field.url': { kk: 'Веб-мекенжай болуы керек', ru: 'Должен быть веб-адрес', en: 'Must be a URL' },
  'field.date': {
    kk: 'Күн ЖЖЖЖ-АА-КК түрінде болуы керек',
    ru: 'Дата должна быть в виде ГГГГ-ММ-ДД',
    en: 'Must be a date YYYY-MM-DD',
  },
  'field.time': {
    kk: 'Уақыт СС:мм түрінде болуы керек',
    ru: 'Время должно быть в виде ЧЧ:мм',
    en: 'Must be a time HH:mm',
  },
  'field.too_long': {
    kk: 'Ең көбі {max} таңба',
    ru: 'Не более {max} символов',
    en: 'At most {max} characters',
  },
  'field.too_short': {
    kk: 'Кемінде {min} таңба',
    ru: 'Не менее {min} символов',
    en: 'At least {min} characters',
  },
  'field.too_small': {
    kk: 'Кемінде {min} болуы керек',
    ru: 'Должно быть не меньше {min}',
    en: 'Must be at least {min}',
  },
  'field.too_large': {
    kk: 'Ең көбі {max} болуы керек',
    ru: 'Должно быть не больше {max}',
    en: 'Must be at most {max}',
  },
  'field.one_of': {
    kk: 'Рұқсат етілген мәндер: {values}',
    ru: 'Допустимые значения: {values}',
    en: 'Must be one of: {values}',
  },
  'field.array': { kk: 'Тізім болуы керек', ru: 'Должен быть список', en: 'Must be a list' },
  'field.too_many': {
    kk: 'Ең көбі {max} элемент',
    ru: 'Не более {max} элементов',
    en: 'At most {max} items',
  },
  'field.too_few': {
    kk: 'Кемінде {min} элемент',
    ru: 'Не менее {min} элементов',
    en: 'At least {min} items',
  },
  'field.duplicates': {
    kk: 'Мәндер қайталанбауы керек',
    ru: 'Значения не должны повторяться',
    en: 'Values must not repeat',
  },
  'field.object': { kk: 'Объект болуы керек', ru: 'Должен быть объект', en: 'Must be an object' },
  'field.format': { kk: 'Пішімі қате', ru: 'Неверный формат', en: 'Wrong format' },
  'field.phone': {
    kk: 'Телефон нөмірі болуы керек, мысалы +7 701 234 5678',
    ru: 'Нужен номер телефона, например +7 701 234 5678',
    en: 'Must be a phone number such as +7 701 234 5678',
  },
  'field.craft_code': {
    kk: 'Кәсіп коды болуы керек, мысалы pottery',
    ru: 'Нужен код ремесла, например pottery',
    en: 'Must be a craft code such as pottery',
  },
  'field.year': {
    kk: 'Жыл болуы керек, мысалы 2026',
    ru: 'Нужен год, например 2026',
    en: 'Must be a year such as 2026',
  },
  'field.equals': {
    kk: 'Мәні {value} болуы керек',
    ru: 'Значение должно быть {value}',
    en: 'Must be {value}',
  },
  'field.control_character': {
    kk: 'Тыйым салынған басқару таңбасы бар',
    ru: 'Содержит недопустимый управляющий символ',
    en: 'Contains a forbidden control character',
  },
  'field.malformed_text': {
    kk: 'Мәтінде бүлінген таңбалар бар',
    ru: 'Текст содержит повреждённые символы',
    en: 'Is not well-formed text',
  },
  'field.bad_name': {
    kk: 'Өріс атауы жарамсыз',
    ru: 'Недопустимое имя поля',
    en: 'Has a field name that is not valid text',
  },
  'field.too_deep': {
    kk: '{max} деңгейден терең салынған',
    ru: 'Вложенность больше {max} уровней',
    en: 'Nested more than {max} levels deep',
  },
  'field.too_many_values': {
    kk: '{max} мәннен көп',
    ru: 'Больше {max} значений',
    en: 'Holds more than {max} values',
  },
  'field.in_future': {
    kk: 'Болашақтағы күн болмауы керек',
    ru: 'Дата не может быть в будущем',
    en: 'Must not be in the future',
  },
  'field.period_reversed': {
    kk: 'Кезеңнің соңы басынан ерте болмауы керек',
    ru: 'Конец периода не может быть раньше начала',
    en: 'The end of the period must not be before its start',
  },
} satisfies Record<FieldErrorCode, Messages>);

/** What a request as a whole can be refused for, before or beside any domain rule. */
export const REQUEST_ERROR_CODES = [
  'request.invalid_input',
  'request.bad',
  'request.invalid_json',
  'request.body_too_large',
  'request.unsupported_media_type',
  'request.not_found',
  'request.method_not_allowed',
  'request.invalid_value',
  'request.rate_limited',
  'database.unavailable',
  'redis.unavailable',
  'internal.error',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

export const REQUEST_ERRORS = defineErrors({
  'request.invalid_input': {
    kk: 'Кейбір өрістер қате толтырылған',
    ru: 'Некоторые поля заполнены неверно',
    en: 'Some fields are not valid',
  },
  'request.bad': { kk: 'Сұраным қате', ru: 'Неверный запрос', en: 'The request is not valid' },
  'request.invalid_json': {
    kk: 'Сұраным денесі дұрыс JSON емес',
    ru: 'Тело запроса не является корректным JSON',
    en: 'The request body is not valid JSON',
  },
  'request.body_too_large': {
    kk: 'Сұраным денесі тым үлкен',
    ru: 'Тело запроса слишком большое',
    en: 'The request body is too large',
  },
  'request.unsupported_media_type': {
    kk: 'Бұл мазмұн түрі қабылданбайды',
    ru: 'Этот тип содержимого не принимается',
    en: 'This content type is not accepted',
  },
  'request.not_found': {
    kk: 'Мұндай мекенжай жоқ',
    ru: 'Такого адреса нет',
    en: 'There is no such address',
  },
  'request.method_not_allowed': {
    kk: 'Бұл әдіске мұнда рұқсат жоқ',
    ru: 'Этот метод здесь не разрешён',
    en: 'This method is not allowed here',
  },
  'request.invalid_value': {
    kk: 'Мәннің пішімі қате',
    ru: 'Значение в неверном формате',
    en: 'A value has the wrong format',
  },
  'request.rate_limited': {
    kk: 'Сұраным тым көп; {wait} кейін қайталаңыз',
    ru: 'Слишком много запросов; повторите через {wait}',
    en: 'Too many requests; try again in {wait}',
  },
  'database.unavailable': {
    kk: 'Дерекқор қолжетімсіз; сәлден соң қайталаңыз',
    ru: 'База данных недоступна; повторите чуть позже',
    en: 'The database is unavailable; try again shortly',
  },
  'redis.unavailable': {
    kk: 'Кезек қызметі (Redis) қолжетімсіз; сәлден соң қайталаңыз',
    ru: 'Служба очередей (Redis) недоступна; повторите чуть позже',
    en: 'Redis is unavailable; try again shortly',
  },
  'internal.error': {
    kk: 'Күтпеген қате. Хабарлағанда сұраным нөмірін көрсетіңіз: {requestId}',
    ru: 'Непредвиденная ошибка. Сообщая о ней, укажите номер запроса {requestId}',
    en: 'Unexpected error. Quote request id {requestId} when reporting it.',
  },
} satisfies Record<RequestErrorCode, Messages>);

/** Who may do what: signing in, sessions, roles. */
export const AUTH_ERROR_CODES = [
  'auth.invalid_credentials',
  'auth.sign_in_required',
  'auth.token_invalid',
  'auth.token_revoked',
  'auth.csrf',
  'auth.forbidden',
  'auth.too_many_attempts',
  'password.change_required',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export const AUTH_ERRORS = defineErrors({
  'auth.invalid_credentials': {
    kk: 'Пошта немесе құпиясөз қате',
    ru: 'Неверная почта или пароль',
    en: 'Wrong email or password',
  },
  'auth.sign_in_required': {
    kk: 'Алдымен жүйеге кіріңіз',
    ru: 'Сначала войдите в систему',
    en: 'Sign in first: this route needs an access token',
  },
  'auth.token_invalid': {
    kk: 'Сеанс жарамсыз немесе мерзімі өтті; қайта кіріңіз',
    ru: 'Сеанс недействителен или истёк; войдите снова',
    en: 'The access token is invalid or has expired',
  },
  'auth.token_revoked': {
    kk: 'Сеанс аяқталды; қайта кіріңіз',
    ru: 'Сеанс завершён; войдите снова',
    en: 'The access token has been revoked',
  },
  'auth.csrf': {
    kk: 'X-CSRF-Token тақырыбы жоқ немесе сеансқа сәйкес емес',
    ru: 'Заголовок X-CSRF-Token отсутствует или не совпадает с сеансом',
    en: 'The X-CSRF-Token header is missing or does not match the session',
  },
  'auth.forbidden': {
    kk: 'Сіздің рөліңізге бұған рұқсат жоқ',
    ru: 'Вашей роли это не разрешено',
    en: 'Your role may not do this',
  },
  'auth.too_many_attempts': {
    kk: 'Сәтсіз кіру әрекеттері тым көп; {wait} кейін қайталаңыз',
    ru: 'Слишком много неудачных попыток входа; повторите через {wait}',
    en: 'Too many failed sign-in attempts; try again in {wait}',
  },
  'password.change_required': {
    kk: 'Алдымен жаңа құпиясөз орнатыңыз',
    ru: 'Сначала задайте новый пароль',
    en: 'Set a new password first: PUT /api/auth/password with the temporary one',
  },
} satisfies Record<AuthErrorCode, Messages>);

/** The records a "not found" can name; `NotFoundError` takes one of these. */
export const NOT_FOUND_ENTITIES = {
  User: 'user.not_found',
  Master: 'master.not_found',
  Course: 'course.not_found',
  Craft: 'craft.not_found',
  Trainee: 'trainee.not_found',
  Referral: 'referral.not_found',
  'Employment centre': 'employment_center.not_found',
  Group: 'group.not_found',
  Workshop: 'workshop.not_found',
  Enrollment: 'enrollment.not_found',
  'Waitlist promotion': 'promotion.not_found',
  Lesson: 'lesson.not_found',
  Holiday: 'holiday.not_found',
  Certificate: 'certificate.not_found',
  Document: 'document.not_found',
  'Stored file': 'stored_file.not_found',
} as const;
export type NotFoundEntity = keyof typeof NOT_FOUND_ENTITIES;
export type NotFoundCode = (typeof NOT_FOUND_ENTITIES)[NotFoundEntity];

export const NOT_FOUND_ERRORS = defineErrors({
  'user.not_found': {
    kk: 'Пайдаланушы табылмады',
    ru: 'Пользователь не найден',
    en: 'The user was not found',
  },
  'master.not_found': {
    kk: 'Шебер табылмады',
    ru: 'Мастер не найден',
    en: 'The master was not found',
  },
  'course.not_found': {
    kk: 'Курс табылмады',
    ru: 'Курс не найден',
    en: 'The course was not found',
  },
  'craft.not_found': {
    kk: 'Кәсіп табылмады',
    ru: 'Ремесло не найдено',
    en: 'The craft was not found',
  },
  'trainee.not_found': {
    kk: 'Тыңдаушы табылмады',
    ru: 'Слушатель не найден',
    en: 'The trainee was not found',
  },
  'referral.not_found': {
    kk: 'Жолдама табылмады',
    ru: 'Направление не найдено',
    en: 'The referral was not found',
  },
  'employment_center.not_found': {
    kk: 'Жұмыспен қамту орталығы табылмады',
    ru: 'Центр занятости не найден',
    en: 'The employment centre was not found',
  },
  'group.not_found': {
    kk: 'Топ табылмады',
    ru: 'Группа не найдена',
    en: 'The group was not found',
  },
  'workshop.not_found': {
    kk: 'Шеберхана табылмады',
    ru: 'Мастерская не найдена',
    en: 'The workshop was not found',
  },
  'enrollment.not_found': {
    kk: 'Топқа жазылу табылмады',
    ru: 'Зачисление не найдено',
    en: 'The enrollment was not found',
  },
  'promotion.not_found': {
    kk: 'Күту тізімінен ауысу туралы жазба табылмады',
    ru: 'Запись о переводе из листа ожидания не найдена',
    en: 'The waitlist promotion was not found',
  },
  'lesson.not_found': {
    kk: 'Сабақ табылмады',
    ru: 'Занятие не найдено',
    en: 'The lesson was not found',
  },
  'holiday.not_found': {
    kk: 'Мереке күні табылмады',
    ru: 'Праздничный день не найден',
    en: 'The holiday was not found',
  },
  'certificate.not_found': {
    kk: 'Сертификат табылмады',
    ru: 'Сертификат не найден',
    en: 'The certificate was not found',
  },
  'document.not_found': {
    kk: 'Құжат табылмады',
    ru: 'Документ не найден',
    en: 'The document was not found',
  },
  // The key names the file for whoever restores it from a backup.
  'stored_file.not_found': {
    kk: 'Сақталған файл табылмады: {id}',
    ru: 'Сохранённый файл не найден: {id}',
    en: 'The stored file was not found: {id}',
  },
} satisfies Record<NotFoundCode, Messages>);
