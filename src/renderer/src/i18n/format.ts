/**
 * The one place that turns dates, times, numbers and money into text for the user, and typed
 * dates back into ISO dates. Everything goes through `Intl` with the user's language, calendar
 * (Thai users may choose the Buddhist era: 2567 = 2024) and digits (Khmer users may choose
 * Khmer numerals). What is stored, exported and signed stays ISO 8601 in the Gregorian
 * calendar with Latin digits: only what is shown or typed changes.
 *
 * Pure: no DOM, no storage, so that each locale's behaviour is unit-tested in Node.
 */

export type Calendar = 'gregory' | 'buddhist';
export type Numerals = 'latn' | 'khmr' | 'thai';

export type FormatSettings = Readonly<{
  /** The UI language: 'en', 'km' or 'th'. */
  language: string;
  calendar: Calendar;
  numerals: Numerals;
}>;

/** The Buddhist era counts from 543 BCE: 2024 CE is 2567 BE. */
export const BUDDHIST_ERA_OFFSET = 543;

const REGION: Readonly<Record<string, string>> = { en: 'en-GB', km: 'km-KH', th: 'th-TH' };

/** The BCP 47 tag Intl is given: language, region, and the calendar and digits chosen. */
export function localeTag(settings: FormatSettings): string {
  const base = REGION[settings.language] ?? settings.language;
  return `${base}-u-ca-${settings.calendar}-nu-${settings.numerals}`;
}

function toDate(value: string | number | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A calendar date. A plain 'YYYY-MM-DD' is a day, not an instant: formatted in UTC so that it
 * shows the same day in every time zone.
 */
export function formatDate(value: string | number | Date, settings: FormatSettings): string {
  const dayOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = toDate(value);
  if (date === undefined) return String(value);
  return new Intl.DateTimeFormat(localeTag(settings), {
    dateStyle: 'medium',
    ...(dayOnly && { timeZone: 'UTC' }),
  }).format(date);
}

/** An instant (an audit entry, a custody entry), in the user's time zone. */
export function formatDateTime(
  value: string | number | Date,
  settings: FormatSettings,
  options: Readonly<{ seconds?: boolean; timeZone?: string }> = {},
): string {
  const date = toDate(value);
  if (date === undefined) return String(value);
  return new Intl.DateTimeFormat(localeTag(settings), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds === true && { second: '2-digit' }),
    ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
  }).format(date);
}

export function formatNumber(
  value: number,
  settings: FormatSettings,
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(localeTag(settings), options).format(value);
}

/** An amount in its currency (ISO 4217: USD, KHR, THB); an unknown code is shown after it. */
export function formatMoney(amount: number, currency: string, settings: FormatSettings): string {
  const code = currency.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat(localeTag(settings), {
        style: 'currency',
        currency: code,
        currencyDisplay: 'code',
      }).format(amount);
    } catch {
      // Intl refuses some codes; fall through to the plain form.
    }
  }
  return `${formatNumber(amount, settings)} ${currency}`.trim();
}

const DIGIT_ZERO: Readonly<Record<Numerals, number>> = { latn: 0x30, khmr: 0x17e0, thai: 0x0e50 };

/** Writes Latin digits in the chosen numerals (for values Intl does not format, like ISO dates). */
export function localDigits(text: string, numerals: Numerals): string {
  const zero = DIGIT_ZERO[numerals];
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + d.charCodeAt(0) - 0x30));
}

/** Reads Khmer (០-៩) and Thai (๐-๙) digits as Latin ones, so that either can be typed. */
export function latinDigits(text: string): string {
  return text
    .replace(/[\u17e0-\u17e9]/g, (d) => String(d.charCodeAt(0) - 0x17e0))
    .replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/**
 * An ISO day ('2024-03-01') as the user types it: 'YYYY-MM-DD' with the year in the chosen era
 * and the chosen digits ('๒๕๖๗-03-01' is not produced: digits apply to the whole string).
 */
export function toInputDate(iso: string, settings: FormatSettings): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const [, year = '', month = '', day = ''] = match;
  const shown =
    settings.calendar === 'buddhist' ? String(Number(year) + BUDDHIST_ERA_OFFSET) : year;
  return localDigits(`${shown}-${month}-${day}`, settings.numerals);
}

export type ParsedDate =
  Readonly<{ ok: true; iso: string }> | Readonly<{ ok: false; problem: 'format' | 'invalid' }>;

/**
 * A day typed by the user, back to ISO. Accepts 'YYYY-MM-DD', 'YYYY/MM/DD' and 'DD/MM/YYYY'
 * (how Thai and Cambodian forms write dates), in any of the three digit sets. With the Buddhist
 * calendar chosen the year is read as Buddhist era (2567 -> 2024); a year typed that is already
 * Gregorian-looking (before 2300) is kept, since nobody writes a Buddhist year that small.
 */
export function parseInputDate(text: string, settings: FormatSettings): ParsedDate {
  const typed = latinDigits(text.trim());
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(typed);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(typed);
  const parts = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : undefined;
  if (parts === undefined) return { ok: false, problem: 'format' };
  const [y = 0, m = 0, d = 0] = parts.map(Number);
  const year = settings.calendar === 'buddhist' && y >= 2300 ? y - BUDDHIST_ERA_OFFSET : y;
  const date = new Date(Date.UTC(year, m - 1, d));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, problem: 'invalid' };
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return { ok: true, iso: `${pad(year, 4)}-${pad(m, 2)}-${pad(d, 2)}` };
}

/** What each language starts with: Thai in the Buddhist era, as Thai documents are dated. */
export function defaultFormatSettings(language: string): FormatSettings {
  return {
    language,
    calendar: language === 'th' ? 'buddhist' : 'gregory',
    numerals: 'latn',
  };
}
