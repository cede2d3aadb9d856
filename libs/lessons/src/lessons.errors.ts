import { defineErrors, type Messages } from '@sheber/common';

/** What marking, lessons, holidays and completion refuse (mark_attendance raises some). */
export const LESSON_ERROR_CODES = [
  'lesson.not_group_master',
  'lesson.not_started',
  'lesson.marking_window_closed',
  'lesson.reason_required',
  'lesson.not_in_group',
  'lesson.marks_missing',
  'lesson.range_too_long',
  'group.not_running',
  'holiday.exists',
  'enrollment.override_admin_only',
  'enrollment.not_active',
  'enrollment.attendance_below_threshold',
  'group.completion_too_early',
  'group.lessons_unmarked',
  'group.reopen_window_passed',
] as const;
export type LessonErrorCode = (typeof LESSON_ERROR_CODES)[number];

export const LESSON_ERRORS = defineErrors({
  'lesson.not_group_master': {
    kk: 'Қатысуды тек осы топтың шебері белгілейді ({group})',
    ru: 'Посещаемость отмечает только мастер этой группы ({group})',
    en: 'Only the master of the group marks its attendance ({group})',
  },
  'lesson.not_started': {
    kk: 'Сабақ әлі басталған жоқ ({date} {time})',
    ru: 'Занятие ещё не началось ({date} {time})',
    en: 'The lesson has not started yet ({date} {time})',
  },
  'lesson.marking_window_closed': {
    kk: 'Шебер сабақты одан кейін {days} күн ішінде белгілейді; түзетуді қызметкерлерден сұраңыз',
    ru: 'Мастер отмечает занятие в течение {days} дней; попросите сотрудника центра исправить',
    en: 'Masters mark a lesson up to {days} days after it; ask staff to correct it',
  },
  'lesson.reason_required': {
    kk: 'Қызметкер белгілегенде немесе түзеткенде себебі міндетті',
    ru: 'Сотрудник указывает причину, когда отмечает или исправляет',
    en: 'Is required when staff or admin mark or correct a lesson',
  },
  'lesson.not_in_group': {
    kk: 'Бұл топта оқып жүрген тыңдаушы емес',
    ru: 'Не обучающийся слушатель этой группы',
    en: 'Is not an active trainee of the group',
  },
  'lesson.marks_missing': {
    kk: 'Кейбір тыңдаушылардың белгісі жоқ (саны: {count})',
    ru: 'Не у всех слушателей есть отметка (без отметки: {count})',
    en: 'Some active trainees have no mark (missing: {count})',
  },
  'lesson.range_too_long': {
    kk: 'Басынан ең көбі {days} күн кейін',
    ru: 'Не больше {days} дней от начала',
    en: 'At most {days} days after the start',
  },
  'group.not_running': {
    kk: 'Топ жүріп жатқан жоқ; оның қатысуы енді өзгермейді ({group})',
    ru: 'Группа не идёт; её посещаемость больше не меняется ({group})',
    en: 'The group is not running; its attendance can no longer change ({group})',
  },
  'holiday.exists': {
    kk: 'Бұл күн мереке ретінде бұрыннан бар',
    ru: 'Этот день уже праздничный',
    en: 'This date is already a holiday',
  },
  'enrollment.override_admin_only': {
    kk: 'Қатысу шегін тек әкімші айналып өте алады',
    ru: 'Обойти порог посещаемости может только администратор',
    en: 'Only an admin may override the attendance threshold',
  },
  'enrollment.not_active': {
    kk: 'Тек оқып жүрген тыңдаушының оқуын аяқтауға болады',
    ru: 'Завершить обучение можно только у обучающегося слушателя',
    en: 'Only an active enrollment can be completed',
  },
  'enrollment.attendance_below_threshold': {
    kk: 'Қатысу жеткіліксіз (қатысу: {rate}, қажет: {threshold}%)',
    ru: 'Посещаемость недостаточна (посещаемость: {rate}, нужно: {threshold}%)',
    en: 'Attendance is too low (attendance: {rate}, needed: {threshold}%)',
  },
  'group.completion_too_early': {
    kk: 'Оқу әлі аяқталған жоқ: алда сабақтар бар (өтті: {held} / {planned}, соңғысы: {lastLessonDate})',
    ru: 'Обучение ещё не окончено: впереди есть занятия (прошло: {held} из {planned}, последнее: {lastLessonDate})',
    en: 'The training is not over: lessons are still to come (held: {held} of {planned}, last: {lastLessonDate})',
  },
  'group.lessons_unmarked': {
    kk: 'Өткен сабақтардың кейбірінде қатысу белгіленбеген (саны: {unmarked})',
    ru: 'На некоторых прошедших занятиях не отмечена посещаемость (таких: {unmarked})',
    en: 'Some lessons that have taken place have no attendance marks (unmarked: {unmarked})',
  },
  'group.reopen_window_passed': {
    kk: 'Топты аяқталғаннан кейін {windowHours} сағат ішінде ғана қайта ашуға болады',
    ru: 'Группу можно переоткрыть только в течение {windowHours} часов после завершения',
    en: 'A group can be reopened only within {windowHours} hours of its completion',
  },
} satisfies Record<LessonErrorCode, Messages>);
