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

export const DEMO_CENTERS = {
  karaganda: { name: 'Employment Centre of Karaganda', region: 'Karaganda region' },
  temirtau: { name: 'Employment Centre of Temirtau', region: 'Karaganda region' },
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
