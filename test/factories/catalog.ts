import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Course } from '../../libs/courses/src';
import { Group, type GroupStatus, type ScheduleSlot } from '../../libs/groups/src';
import { checkIin, makeIin, searchNameOf, Trainee } from '../../libs/trainees/src';
import { Workshop } from '../../libs/workshops/src';

export async function createCourse(
  dataSource: DataSource,
  overrides: Partial<Course> = {},
): Promise<Course> {
  return dataSource.getRepository(Course).save({
    craft: 'pottery',
    title: 'Қыш құмыра жасау негіздері',
    hours: 72,
    minAttendancePercent: 80,
    ...overrides,
  });
}

export const MON_WED_MORNING: ScheduleSlot[] = [
  { weekday: 1, startTime: '10:00', endTime: '13:00' },
  { weekday: 3, startTime: '10:00', endTime: '13:00' },
];

let groupCounter = 0;

/** A workshop straight in the database (pottery, 8 workplaces, a name of its own by default). */
export async function createWorkshop(
  dataSource: DataSource,
  overrides: Partial<Pick<Workshop, 'name' | 'craft' | 'workplaces' | 'active'>> = {},
): Promise<Workshop> {
  return dataSource.getRepository(Workshop).save({
    name: `Шеберхана ${randomUUID().slice(0, 8)}`,
    craft: 'pottery',
    workplaces: 8,
    ...overrides,
  });
}

/** A group straight in the database (open by default), with its course unless one is given. */
export async function createGroup(
  dataSource: DataSource,
  options: {
    courseId?: string;
    status?: GroupStatus;
    capacity?: number;
    startDate?: string;
    endDate?: string;
    schedule?: ScheduleSlot[];
    masterId?: string | null;
    workshopId?: string | null;
  } = {},
): Promise<Group> {
  groupCounter += 1;
  const courseId = options.courseId ?? (await createCourse(dataSource)).id;
  return dataSource.getRepository(Group).save({
    code: `T-${randomUUID().slice(0, 8).toUpperCase()}-${groupCounter}`,
    courseId,
    startDate: options.startDate ?? '2026-09-01',
    endDate: options.endDate ?? '2026-12-20',
    schedule: options.schedule ?? MON_WED_MORNING,
    capacity: options.capacity ?? 8,
    status: options.status ?? 'open',
    masterId: options.masterId ?? null,
    workshopId: options.workshopId ?? null,
  });
}

let iinSerial = randomInt(0, 5000);

/** A fresh valid IIN: a random adult birth date and a serial unique to this process. */
export function freshIin(sex: 'male' | 'female' = 'female', birthDate?: string): string {
  iinSerial += 1;
  const date =
    birthDate ??
    `19${randomInt(60, 99)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
  return makeIin(date, sex, iinSerial % 10000);
}

export async function createTrainee(
  dataSource: DataSource,
  overrides: Partial<Trainee> = {},
): Promise<Trainee> {
  const iin = overrides.iin ?? freshIin();
  const checked = checkIin(iin);
  if (!checked.ok) throw new Error(`factory given an invalid IIN (${checked.problem})`);
  const names = { lastName: 'Оспанова', firstName: 'Айгерім', patronymic: null, ...overrides };
  return dataSource.getRepository(Trainee).save({
    iin,
    birthDate: checked.facts.birthDate,
    sex: checked.facts.sex,
    consent: true,
    consentAt: new Date(),
    categories: [],
    ...overrides,
    ...names,
    searchName: searchNameOf(names),
  });
}

/** Many trainees, for the concurrency tests. */
export async function createTrainees(dataSource: DataSource, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1)
    ids.push((await createTrainee(dataSource, { firstName: `Trainee ${i}` })).id);
  return ids;
}
