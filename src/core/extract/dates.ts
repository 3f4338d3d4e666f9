import { PRIORITY } from './priority';
import type { Candidate } from './types';

/** Buddhist era = common era + 543; Thai documents write BE years (2567 = 2024). */
export const BUDDHIST_ERA_OFFSET = 543;

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan', 'มกราคม', 'ม.ค.', 'មករា']],
  [2, ['february', 'feb', 'กุมภาพันธ์', 'ก.พ.', 'កុម្ភៈ']],
  [3, ['march', 'mar', 'มีนาคม', 'มี.ค.', 'មីនា']],
  [4, ['april', 'apr', 'เมษายน', 'เม.ย.', 'មេសា']],
  [5, ['may', 'พฤษภาคม', 'พ.ค.', 'ឧសភា']],
  [6, ['june', 'jun', 'มิถุนายน', 'มิ.ย.', 'មិថុនា']],
  [7, ['july', 'jul', 'กรกฎาคม', 'ก.ค.', 'កក្កដា']],
  [8, ['august', 'aug', 'สิงหาคม', 'ส.ค.', 'សីហា']],
  [9, ['september', 'sept', 'sep', 'กันยายน', 'ก.ย.', 'កញ្ញា']],
  [10, ['october', 'oct', 'ตุลาคม', 'ต.ค.', 'តុលា']],
  [11, ['november', 'nov', 'พฤศจิกายน', 'พ.ย.', 'វិច្ឆិកា']],
  [12, ['december', 'dec', 'ธันวาคม', 'ธ.ค.', 'ធ្នូ']],
];
const MONTH_BY_NAME = new Map<string, number>(
  MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)),
);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const MONTH_ALT = [...MONTH_BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
// Latin month names need a word boundary; Thai and Khmer ones are written joined to words.
const MONTH = `(?:(?<![A-Za-z])(?:${MONTH_ALT})\\.?(?![A-Za-z]))`;
const ERA_BE = String.raw`(?:B\.?\s?E\.?|พ\.\s?ศ\.|ព\.ស\.)`;
const ERA_CE = String.raw`(?:C\.?\s?E\.?|A\.?\s?D\.?|ค\.\s?ศ\.|គ\.ស\.)`;
const KHMER_MONTH_WORD = 'ខែ';
const KHMER_YEAR_WORD = 'ឆ្នាំ';

type Parts = {
  day?: number;
  month?: number;
  year: number;
  era?: 'BE' | 'CE';
  twoDigitYear?: boolean;
};

function toIso(p: Parts, thaiContext: boolean): string | undefined {
  let year = p.year;
  if (p.twoDigitYear === true) {
    // Two-digit years in Thai writing are Buddhist era (67 = 2567); elsewhere 20xx.
    year = thaiContext || p.era === 'BE' ? 2500 + year - BUDDHIST_ERA_OFFSET : 2000 + year;
  } else if (p.era === 'BE' || (p.era !== 'CE' && year >= 2400)) {
    year -= BUDDHIST_ERA_OFFSET;
  }
  if (year < 1900 || year > 2100) return undefined;
  const y = String(year).padStart(4, '0');
  if (p.month === undefined) return y;
  if (p.month < 1 || p.month > 12) return undefined;
  const m = String(p.month).padStart(2, '0');
  if (p.day === undefined) return `${y}-${m}`;
  const daysInMonth = new Date(Date.UTC(year, p.month, 0)).getUTCDate();
  if (p.day < 1 || p.day > daysInMonth) return undefined;
  return `${y}-${m}-${String(p.day).padStart(2, '0')}`;
}

const eraOf = (s: string | undefined): 'BE' | 'CE' | undefined =>
  s === undefined || s === ''
    ? undefined
    : new RegExp(`^${ERA_BE}$`, 'u').test(s.trim())
      ? 'BE'
      : 'CE';

const NUMERIC = new RegExp(
  String.raw`(?<![\p{N}./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}]|[/.-]\d)`,
  'gu',
);
const ISO = /(?<![\p{N}./-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}]|-\d)/gu;
const DAY_MONTH_YEAR = new RegExp(
  String.raw`(?<![\p{N}])(\d{1,2})(?:st|nd|rd|th)?\s*(?:${KHMER_MONTH_WORD})?\s*(${MONTH}),?\s*(?:${KHMER_YEAR_WORD})?\s*(${ERA_BE}|${ERA_CE})?\s*(\d{4}|\d{2})(?![\p{N}])`,
  'giu',
);
const MONTH_DAY_YEAR = new RegExp(
  String.raw`(?<![A-Za-z])(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\p{N}])`,
  'giu',
);
const MONTH_YEAR = new RegExp(
  String.raw`(?<![\p{N}])(?:${KHMER_MONTH_WORD})?(${MONTH})\s*(?:${KHMER_YEAR_WORD})?\s*(${ERA_BE}|${ERA_CE})?\s*(\d{4})(?![\p{N}])`,
  'giu',
);
const ERA_YEAR = new RegExp(String.raw`(${ERA_BE}|${ERA_CE})\s*(\d{4})(?![\p{N}])`, 'gu');

const hasThai = (text: string, at: number): boolean =>
  /[\u0E00-\u0E7F]/u.test(text.slice(Math.max(0, at - 60), at + 60));

/**
 * Dates written day first (12/03/2024, 12.03.2567, 12-03-24), ISO (2024-03-12), with month
 * names in English, Thai (full and abbreviated) and Khmer, month and year alone, and bare
 * era years (BE 2567, พ.ศ. 2567). Buddhist-era years (written with their era, or 2400 and
 * later) are converted to the common era.
 */
export function findDates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (m: RegExpMatchArray & { index: number }, iso: string | undefined): void => {
    if (iso === undefined) return;
    out.push({
      kind: 'date',
      value: m[0].trimEnd(),
      normalized: iso,
      start: m.index,
      end: m.index + m[0].trimEnd().length,
      priority: PRIORITY.date + (iso.length === 10 ? 2 : 0),
    });
  };
  for (const m of text.matchAll(NUMERIC)) {
    const year = m[4] ?? '';
    push(
      m,
      toIso(
        {
          day: Number(m[1]),
          month: Number(m[3]),
          year: Number(year),
          twoDigitYear: year.length === 2,
        },
        hasThai(text, m.index),
      ),
    );
  }
  for (const m of text.matchAll(ISO)) {
    push(m, toIso({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, false));
  }
  const month = (name: string | undefined): number | undefined =>
    MONTH_BY_NAME.get((name ?? '').toLowerCase().replace(/\.$/u, '')) ??
    MONTH_BY_NAME.get((name ?? '').toLowerCase());
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const year = m[4] ?? '';
    const mo = month(m[2]);
    if (mo === undefined) continue;
    const era = eraOf(m[3]);
    push(
      m,
      toIso(
        {
          day: Number(m[1]),
          month: mo,
          year: Number(year),
          twoDigitYear: year.length === 2,
          ...(era === undefined ? {} : { era }),
        },
        /[\u0E00-\u0E7F]/u.test(m[2] ?? '') || hasThai(text, m.index),
      ),
    );
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const mo = month(m[1]);
    if (mo === undefined) continue;
    push(m, toIso({ day: Number(m[2]), month: mo, year: Number(m[3]) }, false));
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const mo = month(m[1]);
    // "may 2024" is a month; "may" alone before a figure is too often the verb.
    if (mo === undefined || (m[1] ?? '') === 'may') continue;
    const era = eraOf(m[2]);
    const iso = toIso(
      { month: mo, year: Number(m[3]), ...(era === undefined ? {} : { era }) },
      false,
    );
    if (iso !== undefined) push(m, iso);
  }
  for (const m of text.matchAll(ERA_YEAR)) {
    const era = eraOf(m[1]);
    push(m, toIso({ year: Number(m[2]), ...(era === undefined ? {} : { era }) }, false));
  }
  return out;
}
