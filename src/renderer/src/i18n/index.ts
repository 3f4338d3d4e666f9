/**
 * The one i18n layer: every user-visible string goes through t(). English, Khmer and Thai are
 * complete (tests/unit/renderer/i18n/locales.test.ts); the fallback to English only covers a
 * key added in English and not yet translated, which that test lists.
 */
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { initReactI18next } from 'react-i18next';
import {
  defaultFormatSettings,
  formatNumber,
  type Calendar,
  type FormatSettings,
  type Numerals,
} from './format';
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
  // {{count, number}} in a string follows the chosen digits (Khmer numerals), like every number.
  i18next.services.formatter?.add('number', (value: unknown) =>
    typeof value === 'number' ? formatNumber(value, formatSettings()) : String(value),
  );
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

const CALENDAR_KEY = 'ringtrace.calendar';
const NUMERALS_KEY = 'ringtrace.numerals';
const CALENDARS: readonly Calendar[] = ['gregory', 'buddhist'];
const NUMERALS: readonly Numerals[] = ['latn', 'khmr', 'thai'];
export { CALENDARS, NUMERALS };

const listeners = new Set<() => void>();
let cached: FormatSettings | undefined;

/**
 * The user's calendar and digits, with the UI language: what every date and number on screen
 * is formatted with (./format.ts). Not sensitive, so kept outside the vault like the language;
 * a choice not made yet follows the language (Thai: Buddhist era).
 */
export function formatSettings(): FormatSettings {
  const language = i18next.language || 'en';
  if (cached?.language === language) return cached;
  const defaults = defaultFormatSettings(language);
  const calendar = localStorage.getItem(CALENDAR_KEY);
  const numerals = localStorage.getItem(NUMERALS_KEY);
  cached = {
    language,
    calendar: CALENDARS.find((c) => c === calendar) ?? defaults.calendar,
    numerals: NUMERALS.find((n) => n === numerals) ?? defaults.numerals,
  };
  return cached;
}

function changed(): void {
  cached = undefined;
  listeners.forEach((listener) => listener());
}
i18next.on('languageChanged', changed);

export function setCalendar(calendar: Calendar): void {
  localStorage.setItem(CALENDAR_KEY, calendar);
  changed();
}

export function setNumerals(numerals: Numerals): void {
  localStorage.setItem(NUMERALS_KEY, numerals);
  changed();
}

/** The format settings, re-rendering the component when the user changes them. */
export function useFormatSettings(): FormatSettings {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, formatSettings);
}
