import { defineErrors, type Messages } from '@sheber/common';

/** What the groups' rules refuse; the field codes (`group.end_before_start`…) go in `errors[]`. */
export const GROUP_ERROR_CODES = [
  'group.code_taken',
  'group.code_format',
  'group.capacity_max',
  'group.full',
  'group.end_before_start',
  'group.span_too_long',
  'group.slot_end_before_start',
  'group.slot_overlap',
  'group.finished',
  'group.capacity_below_active',
  'group.wrong_status',
  'group.no_master',
  'group.start_too_early',
  'group.other_master',
  'group.override_admin_only',
  'group.trainee_schedule_overlap',
  'course.retired',
  'master.not_qualified',
  'master.busy',
] as const;
export type GroupErrorCode = (typeof GROUP_ERROR_CODES)[number];

export const GROUP_ERRORS = defineErrors({
  'group.code_taken': {
    kk: 'Мұндай коды бар топ бұрыннан бар',
    ru: 'Группа с таким кодом уже есть',
    en: 'A group with this code already exists',
  },
  'group.code_format': {
    kk: '2–32 латын әрпі, цифр немесе сызықша, мысалы JW-2026-03',
    ru: '2–32 латинские буквы, цифры или дефисы, например JW-2026-03',
    en: '2–32 letters, digits or dashes, e.g. JW-2026-03',
  },
  'group.capacity_max': {
    kk: 'Топта ең көбі 8 тыңдаушы болады',
    ru: 'В группе не больше 8 слушателей',
    en: 'A group holds at most 8 trainees',
  },
  'group.full': { kk: 'Топта бос орын жоқ', ru: 'В группе нет мест', en: 'The group is full' },
  'group.end_before_start': {
    kk: 'Басталу күнінен ерте болмауы керек',
    ru: 'Не раньше даты начала',
    en: 'Must be on or after the start date',
  },
  'group.span_too_long': {
    kk: 'Басталу күнінен ең көбі {years} жыл кейін ({latest} дейін)',
    ru: 'Не позже чем через {years} года после начала (до {latest})',
    en: 'At most {years} years after the start date ({latest})',
  },
  'group.slot_end_before_start': {
    kk: 'Басталу уақытынан кейін болуы керек',
    ru: 'Должно быть позже времени начала',
    en: 'Must be later than the start time',
  },
  'group.slot_overlap': {
    kk: '{slot}-сабақ уақытымен қабаттасады',
    ru: 'Пересекается со временем занятия {slot}',
    en: 'Overlaps lesson time {slot}',
  },
  'group.finished': {
    kk: 'Топ аяқталған немесе болдырылмаған; оны енді өзгертуге болмайды ({group})',
    ru: 'Группа завершена или отменена и больше не меняется ({group})',
    en: 'The group is completed or cancelled and can no longer change ({group})',
  },
  'group.capacity_below_active': {
    kk: 'Орын саны топтағы тыңдаушылардан аз болмауы керек (тыңдаушы: {active}, орын: {capacity})',
    ru: 'Мест не может быть меньше, чем слушателей в группе (слушателей: {active}, мест: {capacity})',
    en: 'Capacity cannot be below the active trainees (active: {active}, capacity: {capacity})',
  },
  'group.wrong_status': {
    kk: 'Топтың қазіргі күйінде бұл әрекетті орындауға болмайды ({group})',
    ru: 'В текущем статусе группы это действие недоступно ({group})',
    en: 'The group’s status does not allow this ({group})',
  },
  'group.no_master': {
    kk: 'Топқа шебер тағайындалмаған; алдымен шеберді тағайындаңыз ({group})',
    ru: 'У группы нет мастера; сначала назначьте его ({group})',
    en: 'The group has no master; assign one before it starts ({group})',
  },
  'group.start_too_early': {
    kk: 'Топты {earliestStart} күнінен бастап бастауға болады (басталу күні: {startDate})',
    ru: 'Группу можно начать с {earliestStart} (дата начала: {startDate})',
    en: 'The group can start from {earliestStart} (start date: {startDate})',
  },
  'group.other_master': {
    kk: 'Бұл топты басқа шебер жүргізеді ({group})',
    ru: 'Эту группу ведёт другой мастер ({group})',
    en: 'Another master teaches this group ({group})',
  },
  'group.override_admin_only': {
    kk: 'Топ ережелерін тек әкімші айналып өте алады',
    ru: 'Обойти правила группы может только администратор',
    en: 'Only an admin may override the rules of a group transition',
  },
  'group.trainee_schedule_overlap': {
    kk: 'Тыңдаушы уақыты қабаттасатын басқа топта оқиды (тыңдаушы: {trainee}, топ: {other})',
    ru: 'Слушатель учится в другой группе в пересекающееся время (слушатель: {trainee}, группа: {other})',
    en: 'A trainee is active in another group at overlapping times (trainee: {trainee}, group: {other})',
  },
  'course.retired': {
    kk: 'Курс мұрағатқа шығарылған ({title})',
    ru: 'Курс в архиве ({title})',
    en: 'The course is retired ({title})',
  },
  'master.not_qualified': {
    kk: 'Шебердің бұл кәсіпке біліктілігі жоқ ({master})',
    ru: 'У мастера нет квалификации по этому ремеслу ({master})',
    en: 'The master is not qualified to teach this craft ({master})',
  },
  'master.busy': {
    kk: 'Шебер осы уақытта басқа топта сабақ береді ({group}, {from} – {to})',
    ru: 'Мастер в это время ведёт другую группу ({group}, {from} – {to})',
    en: 'The master already teaches another group at an overlapping time ({group}, {from} – {to})',
  },
} satisfies Record<GroupErrorCode, Messages>);
