import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'sheber.language';

/** The language chosen before, else the browser's if we have it, else Kazakh. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored as Language)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return LANGUAGES.includes(browser as Language) ? (browser as Language) : 'kk';
}

export async function setupI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
    lng: initialLanguage(),
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  });
}

/** BCP 47 locale of a language, for Intl. */
export function localeOf(language: string): string {
  return language === 'kk' ? 'kk-KZ' : language === 'ru' ? 'ru-RU' : 'en-GB';
}
