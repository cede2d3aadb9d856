import { defineErrors, type Messages } from '@sheber/common';

/** What workshops refuse, beyond "not found" (common). */
export const WORKSHOP_ERROR_CODES = [
  'workshop.name_taken',
  'workshop.retired',
  'workshop.other_craft',
  'workshop.busy',
  'workshop.too_few_workplaces',
  'workshop.craft_in_use',
] as const;
export type WorkshopErrorCode = (typeof WORKSHOP_ERROR_CODES)[number];

export const WORKSHOP_ERRORS = defineErrors({
  'workshop.name_taken': {
    kk: 'Мұндай атауы бар шеберхана бұрыннан бар',
    ru: 'Мастерская с таким названием уже есть',
    en: 'A workshop with this name already exists',
  },
  'workshop.retired': {
    kk: '«{workshop}» шеберханасы пайдаланудан шығарылған: жаңа топқа таңдауға болмайды',
    ru: 'Мастерская «{workshop}» выведена из работы: для новой группы её выбрать нельзя',
    en: 'The workshop "{workshop}" is retired: it cannot be chosen for a group',
  },
  'workshop.other_craft': {
    kk: '«{workshop}» шеберханасы басқа кәсіпке арналған: бұл курстың тобын онда өткізуге болмайды',
    ru: 'Мастерская «{workshop}» предназначена для другого ремесла: группу этого курса в ней проводить нельзя',
    en: 'The workshop "{workshop}" is for another craft: a group of this course cannot be held there',
  },
  'workshop.busy': {
    kk: '«{workshop}» шеберханасы осы уақытта {group} тобына берілген ({from} – {to})',
    ru: 'Мастерская «{workshop}» в это время занята группой {group} ({from} – {to})',
    en: 'The workshop "{workshop}" is taken by group {group} at an overlapping time ({from} – {to})',
  },
  'workshop.too_few_workplaces': {
    kk: '«{workshop}» шеберханасында {workplaces} жұмыс орны бар: {capacity} орындық топ сыймайды',
    ru: 'В мастерской «{workshop}» {workplaces} рабочих мест: группа на {capacity} мест не поместится',
    en: 'The workshop "{workshop}" has {workplaces} workplaces: a group of {capacity} does not fit',
  },
  'workshop.craft_in_use': {
    kk: '«{workshop}» шеберханасының кәсібін өзгертуге болмайды: онда {group} тобы оқып жатыр',
    ru: 'Ремесло мастерской «{workshop}» сменить нельзя: в ней занимается группа {group}',
    en: 'The craft of the workshop "{workshop}" cannot change: group {group} is held there',
  },
} satisfies Record<WorkshopErrorCode, Messages>);
