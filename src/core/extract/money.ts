import { PRIORITY } from './priority';
import type { Candidate } from './types';

type Currency = 'USD' | 'THB' | 'KHR';

// An amount: thousands grouped by commas or single spaces (Khmer and French habits write
// "400 000"), or plain digits, with an optional decimal part.
const AMOUNT = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?: \d{3})+(?![\d,])|\d+(?:\.\d{1,2})?`;
const SCALE = String.raw`(?:\s?(?:k|K|million|mn|m|M|ล้าน|พัน|หมื่น|แสน|លាន|ពាន់|មុឺន|សែន)(?![A-Za-z]))?`;

const BEFORE: ReadonlyArray<readonly [string, Currency]> = [
  [String.raw`US\$|USD|\$`, 'USD'],
  [String.raw`THB|฿|Baht`, 'THB'],
  [String.raw`KHR|៛|Riels?`, 'KHR'],
];
const AFTER: ReadonlyArray<readonly [string, Currency]> = [
  [String.raw`USD|US\s?dollars?|dollars?|\$|ดอลลาร์(?:สหรัฐ)?|ដុល្លារ`, 'USD'],
  [String.raw`THB|baht|bht|฿|บาท|បាត`, 'THB'],
  [String.raw`KHR|riels?|៛|រៀល`, 'KHR'],
];

const SCALES: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  ล้าน: 1e6,
  พัน: 1e3,
  หมื่น: 1e4,
  แสน: 1e5,
  លាន: 1e6,
  ពាន់: 1e3,
  មុឺន: 1e4,
  សែន: 1e5,
};

function normalizeAmount(amount: string, scale: string | undefined): string {
  const plain = Number(amount.replace(/[, ]/gu, ''));
  const factor = scale === undefined ? 1 : (SCALES[scale.trim().toLowerCase()] ?? 1);
  // Scaling before rounding to cents keeps "1.5 million" exact.
  const value = Math.round(plain * factor * 100) / 100;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

// Thai and Khmer run words together, so only Latin letters count as a word going on.
const pattern = (currencies: string, amountFirst: boolean): RegExp =>
  amountFirst
    ? new RegExp(
        `(?<![A-Za-z\\p{N}.,])(${AMOUNT})(${SCALE})\\s?(?:${currencies})(?![A-Za-z])`,
        'giu',
      )
    : new RegExp(
        `(?<![A-Za-z\\p{N}])(?:${currencies})\\s?(${AMOUNT})(${SCALE})(?![\\p{N}]|[.,]\\d)`,
        'giu',
      );

const PATTERNS: ReadonlyArray<readonly [RegExp, Currency, boolean]> = [
  ...BEFORE.map(([c, cur]) => [pattern(c, false), cur, false] as const),
  ...AFTER.map(([c, cur]) => [pattern(c, true), cur, true] as const),
];

/** Amounts with a currency (USD, THB, KHR by code, sign or word in English, Thai, Khmer). */
export function findMoney(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const [re, currency] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const amount = m[1] ?? '';
      const scale = (m[2] ?? '').trim();
      const value = m[0];
      out.push({
        kind: 'money',
        value,
        normalized: `${currency} ${normalizeAmount(amount, scale === '' ? undefined : scale)}`,
        start: m.index,
        end: m.index + value.length,
        priority: PRIORITY.money,
      });
    }
  }
  return out;
}
