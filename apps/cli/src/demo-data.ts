import type { Role } from '@sheber/common';

/** The password of every demo account; printed by `npm start`. Demo data only. */
export const DEMO_PASSWORD = 'sheber-demo-2026';

export interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  crafts?: string[];
  center?: 'karaganda' | 'temirtau';
}

/** Each centre's name in the three languages of the interface; `name` is the one given first. */
export const DEMO_CENTERS = {
  karaganda: {
    name: 'Қарағанды қаласының жұмыспен қамту орталығы',
    nameKk: 'Қарағанды қаласының жұмыспен қамту орталығы',
    nameRu: 'Центр занятости города Караганды',
    nameEn: 'Employment Centre of Karaganda city',
    region: 'Қарағанды облысы',
  },
  temirtau: {
    name: 'Теміртау қаласының жұмыспен қамту орталығы',
    nameKk: 'Теміртау қаласының жұмыспен қамту орталығы',
    nameRu: 'Центр занятости города Темиртау',
    nameEn: 'Employment Centre of Temirtau',
    region: 'Қарағанды облысы',
  },
} as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@sheber.kz', fullName: 'Әсем Нұрланқызы', role: 'admin' },
  { email: 'staff@sheber.kz', fullName: 'Гүлнар Серікқызы Ахметова', role: 'staff' },
  {
    email: 'master.jewelry@sheber.kz',
    fullName: 'Ержан Қайратұлы Сәрсенбаев',
    role: 'master',
    crafts: ['jewelry', 'souvenirs'],
  },
  {
    email: 'master.pottery@sheber.kz',
    fullName: 'Айгүл Бекқызы Оспанова',
    role: 'master',
    crafts: ['pottery'],
  },
  {
    email: 'master.leather@sheber.kz',
    fullName: 'Нұрлан Әбдіұлы Жақсылықов',
    role: 'master',
    crafts: ['leather', 'felt'],
  },
  {
    email: 'officer@enbek-karaganda.kz',
    fullName: 'Динара Маратқызы Ибраева',
    role: 'officer',
    center: 'karaganda',
  },
  {
    email: 'officer@enbek-temirtau.kz',
    fullName: 'Сергей Викторович Ким',
    role: 'officer',
    center: 'temirtau',
  },
];

export interface DemoCourse {
  key: string;
  craft: string;
  title: string;
  description: string;
  hours: number;
}

/** Titles in Kazakh or Russian, as the centre writes them. */
export const DEMO_COURSES: DemoCourse[] = [
  {
    key: 'jewelry',
    craft: 'jewelry',
    title: 'Зергерлік өнер негіздері',
    description: 'Күміспен жұмыс, қазақ ою-өрнегі, білезік пен сақина жасау.',
    hours: 120,
  },
  {
    key: 'pottery',
    craft: 'pottery',
    title: 'Гончарное дело: работа на круге',
    description: 'Подготовка глины, работа на гончарном круге, обжиг и глазурь.',
    hours: 96,
  },
  {
    key: 'leather',
    craft: 'leather',
    title: 'Работа с кожей: сумки и ремни',
    description: 'Раскрой, ручной шов, тиснение национального орнамента.',
    hours: 80,
  },
  {
    key: 'felt',
    craft: 'felt',
    title: 'Киіз басу: сырмақ пен текемет',
    description: 'Жүн дайындау, киіз басу, сырмақ тігу.',
    hours: 72,
  },
  {
    key: 'souvenirs',
    craft: 'souvenirs',
    title: 'Кәдесый жасау: ағаш пен тері',
    description: 'Туристерге арналған кәдесыйлар: ағаш ою, тері бұйымдар, магниттер.',
    hours: 48,
  },
];

export interface DemoWorkshop {
  name: string;
  craft: string;
  workplaces: number;
}

export const DEMO_WORKSHOPS: DemoWorkshop[] = [
  { name: 'Зергерлік шеберхана', craft: 'jewelry', workplaces: 8 },
  { name: 'Қыш шеберханасы', craft: 'pottery', workplaces: 8 },
  { name: 'Тері шеберханасы', craft: 'leather', workplaces: 8 },
  { name: 'Киіз шеберханасы', craft: 'felt', workplaces: 8 },
  { name: 'Кәдесый шеберханасы', craft: 'souvenirs', workplaces: 6 },
];

export interface DemoGroup {
  code: string;
  course: string;
  master?: string;
  /** The name of its workshop (DEMO_WORKSHOPS). */
  workshop: string;
  startDate: string;
  endDate: string;
  schedule: { weekday: number; startTime: string; endTime: string }[];
  capacity: number;
  /** The status the group ends in; it goes through the states before it. */
  status: 'planned' | 'open' | 'in_progress' | 'completed' | 'cancelled';
  /** How many demo trainees to enroll (beyond the capacity they go to the waitlist). */
  trainees: number;
}

export const DEMO_GROUPS: DemoGroup[] = [
  {
    code: 'JW-2026-01',
    course: 'jewelry',
    master: 'master.jewelry@sheber.kz',
    workshop: 'Зергерлік шеберхана',
    startDate: '2026-02-02',
    endDate: '2026-05-29',
    schedule: [
      { weekday: 1, startTime: '10:00', endTime: '13:00' },
      { weekday: 3, startTime: '10:00', endTime: '13:00' },
    ],
    capacity: 8,
    status: 'completed',
    trainees: 6,
  },
  {
    code: 'JW-2026-04',
    course: 'jewelry',
    master: 'master.jewelry@sheber.kz',
    workshop: 'Зергерлік шеберхана',
    startDate: '2026-09-07',
    endDate: '2026-12-25',
    schedule: [
      { weekday: 1, startTime: '10:00', endTime: '13:00' },
      { weekday: 3, startTime: '10:00', endTime: '13:00' },
    ],
    capacity: 8,
    status: 'in_progress',
    trainees: 11,
  },
  {
    code: 'PT-2026-05',
    course: 'pottery',
    master: 'master.pottery@sheber.kz',
    workshop: 'Қыш шеберханасы',
    startDate: '2026-12-01',
    endDate: '2027-02-26',
    schedule: [
      { weekday: 2, startTime: '14:00', endTime: '17:00' },
      { weekday: 4, startTime: '14:00', endTime: '17:00' },
    ],
    capacity: 8,
    status: 'open',
    trainees: 5,
  },
  {
    code: 'SV-2026-06',
    course: 'souvenirs',
    master: 'master.jewelry@sheber.kz',
    workshop: 'Кәдесый шеберханасы',
    startDate: '2026-11-07',
    endDate: '2027-01-30',
    schedule: [{ weekday: 6, startTime: '10:00', endTime: '14:00' }],
    capacity: 6,
    status: 'open',
    trainees: 8,
  },
  {
    code: 'LT-2027-01',
    course: 'leather',
    workshop: 'Тері шеберханасы',
    startDate: '2027-01-11',
    endDate: '2027-03-26',
    schedule: [
      { weekday: 2, startTime: '10:00', endTime: '13:00' },
      { weekday: 5, startTime: '10:00', endTime: '13:00' },
    ],
    capacity: 8,
    status: 'planned',
    trainees: 0,
  },
  {
    code: 'FL-2026-03',
    course: 'felt',
    master: 'master.leather@sheber.kz',
    workshop: 'Киіз шеберханасы',
    startDate: '2026-10-05',
    endDate: '2026-12-18',
    schedule: [{ weekday: 4, startTime: '10:00', endTime: '14:00' }],
    capacity: 7,
    status: 'cancelled',
    trainees: 0,
  },
];

const LAST_NAMES = [
  ['Ахметова', 'f'],
  ['Сәрсенбаев', 'm'],
  ['Жақсыбекова', 'f'],
  ['Оспанов', 'm'],
  ['Нұрланова', 'f'],
  ['Қасымов', 'm'],
  ['Ким', 'f'],
  ['Иванов', 'm'],
  ['Төлеуова', 'f'],
  ['Бекмұхамбетов', 'm'],
  ['Смагулова', 'f'],
  ['Әбілқасымов', 'm'],
  ['Петрова', 'f'],
  ['Есенов', 'm'],
  ['Мұқанова', 'f'],
] as const;
const FIRST_NAMES = {
  f: ['Айгерім', 'Гүлжан', 'Дана', 'Мария', 'Әсел', 'Жанар', 'Ольга', 'Сәуле'],
  m: ['Ерлан', 'Нұрсұлтан', 'Дмитрий', 'Асқар', 'Бауыржан', 'Сергей', 'Ержан', 'Тимур'],
};
const CATEGORIES = [
  ['job_seeker'],
  ['job_seeker', 'youth'],
  ['pensioner'],
  ['disability'],
  [],
  ['orphan', 'youth'],
];

export interface DemoTrainee {
  birthDate: string;
  sex: 'male' | 'female';
  lastName: string;
  firstName: string;
  categories: string[];
  phone: string;
}

/** 30 adults with varied names, ages and categories; IINs are made from birth date and sex. */
export const DEMO_TRAINEES: DemoTrainee[] = Array.from({ length: 30 }, (_, i) => {
  const [lastName, sexCode] = LAST_NAMES[i % LAST_NAMES.length]!;
  const sex = sexCode === 'f' ? 'female' : 'male';
  const year = 1958 + ((i * 7) % 46);
  return {
    birthDate: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    sex,
    lastName,
    firstName: FIRST_NAMES[sexCode][i % 8]!,
    categories: [...CATEGORIES[i % CATEGORIES.length]!],
    phone: `+7 701 ${String(100 + i).padStart(3, '0')} ${String(1000 + i * 37).slice(-4)}`,
  };
});

export interface DemoReferral {
  number: string;
  center: 'karaganda' | 'temirtau';
  person: {
    birthDate: string;
    sex: 'male' | 'female';
    lastName: string;
    firstName: string;
    patronymic?: string;
    categories: string[];
  };
  craft: string;
  note?: string;
  /** Accepted by staff: into this group when it opens, or (null) accepted and waiting for one. */
  intoGroup?: string | null;
  rejected?: string;
  cancelled?: string;
  /** Withdrawn from the group after enrollment, with this reason. */
  withdrawn?: string;
  /** Recorded by the officer once the training is completed or dropped. */
  outcome?: 'employed' | 'self_employed' | 'centre_workshop' | 'unemployed' | 'further_training';
}

/** Referrals of both centres in every status: submitted to completed with an outcome. */
export const DEMO_REFERRALS: DemoReferral[] = [
  {
    number: 'КРГ-2026-0112',
    center: 'karaganda',
    person: {
      birthDate: '1986-04-17',
      sex: 'female',
      lastName: 'Байжанова',
      firstName: 'Мөлдір',
      patronymic: 'Серікқызы',
      categories: ['job_seeker'],
    },
    craft: 'jewelry',
    intoGroup: 'JW-2026-01',
    outcome: 'employed',
  },
  {
    number: 'ТМР-2026-041',
    center: 'temirtau',
    person: {
      birthDate: '1979-09-02',
      sex: 'male',
      lastName: 'Демченко',
      firstName: 'Андрей',
      patronymic: 'Олегович',
      categories: ['job_seeker'],
    },
    craft: 'jewelry',
    intoGroup: 'JW-2026-01',
    outcome: 'self_employed',
  },
  {
    number: 'КРГ-2026-0187',
    center: 'karaganda',
    person: {
      birthDate: '1995-01-23',
      sex: 'female',
      lastName: 'Ермекова',
      firstName: 'Аружан',
      categories: ['job_seeker', 'youth'],
    },
    craft: 'jewelry',
    intoGroup: 'JW-2026-04',
  },
  {
    number: 'КРГ-2026-0203',
    center: 'karaganda',
    person: {
      birthDate: '1990-06-30',
      sex: 'male',
      lastName: 'Мұратов',
      firstName: 'Дәурен',
      categories: ['job_seeker'],
    },
    craft: 'pottery',
    intoGroup: 'PT-2026-05',
  },
  {
    number: 'ТМР-2026-057',
    center: 'temirtau',
    person: {
      birthDate: '1983-11-11',
      sex: 'female',
      lastName: 'Лисицына',
      firstName: 'Елена',
      categories: ['job_seeker'],
    },
    craft: 'souvenirs',
    intoGroup: 'SV-2026-06',
    withdrawn: 'переехала в Астану',
    outcome: 'further_training',
  },
  {
    number: 'ТМР-2026-063',
    center: 'temirtau',
    person: {
      birthDate: '1998-03-08',
      sex: 'male',
      lastName: 'Нұрғалиев',
      firstName: 'Әлібек',
      categories: ['job_seeker', 'youth'],
    },
    craft: 'leather',
    note: 'Ждёт набора группы по коже в январе',
    intoGroup: null,
  },
  {
    number: 'КРГ-2026-0241',
    center: 'karaganda',
    person: {
      birthDate: '1972-12-19',
      sex: 'female',
      lastName: 'Ғабдуллина',
      firstName: 'Сәуле',
      categories: ['job_seeker', 'disability'],
    },
    craft: 'pottery',
  },
  {
    number: 'ТМР-2026-070',
    center: 'temirtau',
    person: {
      birthDate: '1988-07-14',
      sex: 'female',
      lastName: 'Ким',
      firstName: 'Виктория',
      categories: ['job_seeker'],
    },
    craft: 'felt',
  },
  {
    number: 'КРГ-2026-0199',
    center: 'karaganda',
    person: {
      birthDate: '1969-02-05',
      sex: 'male',
      lastName: 'Оразбаев',
      firstName: 'Болат',
      categories: ['pensioner'],
    },
    craft: 'souvenirs',
    rejected: 'Не состоит на учёте как безработный',
  },
  {
    number: 'ТМР-2026-052',
    center: 'temirtau',
    person: {
      birthDate: '1993-10-27',
      sex: 'female',
      lastName: 'Тасқараева',
      firstName: 'Жансая',
      categories: ['job_seeker'],
    },
    craft: 'jewelry',
    cancelled: 'Трудоустроена самостоятельно',
  },
];
