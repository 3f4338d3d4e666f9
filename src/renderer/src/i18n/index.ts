/**
 * The one i18n layer: every user-visible string goes through t(). English, Khmer and Thai are
 * complete (tests/unit/renderer/i18n/locales.test.ts); the fallback to English only covers a
 * key added in English and not yet translated, which that test lists.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { km } from './locales/km';
import { th } from './locales/th';

export const LANGUAGES = ['en', 'km', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'ringtrace.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language choice is not sensitive, so it is kept outside the vault. */
function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : 'en';
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, km: { translation: km }, th: { translation: th } },
    lng: savedLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
