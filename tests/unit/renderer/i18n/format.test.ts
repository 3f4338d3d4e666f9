import { describe, expect, it } from 'vitest';
import {
  defaultFormatSettings,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  localDigits,
  parseInputDate,
  toInputDate,
  type FormatSettings,
} from '../../../../src/renderer/src/i18n/format';

const en: FormatSettings = { language: 'en', calendar: 'gregory', numerals: 'latn' };
const thBuddhist: FormatSettings = { language: 'th', calendar: 'buddhist', numerals: 'latn' };
const thGregorian: FormatSettings = { language: 'th', calendar: 'gregory', numerals: 'latn' };
const kmKhmer: FormatSettings = { language: 'km', calendar: 'gregory', numerals: 'khmr' };
const kmLatin: FormatSettings = { language: 'km', calendar: 'gregory', numerals: 'latn' };

describe('Thai, Buddhist era', () => {
  it('is the default for Thai, and only for Thai', () => {
    expect(defaultFormatSettings('th').calendar).toBe('buddhist');
    expect(defaultFormatSettings('km').calendar).toBe('gregory');
    expect(defaultFormatSettings('en').calendar).toBe('gregory');
  });

  it('shows 2024 as 2567, and the Gregorian year when chosen', () => {
    expect(formatDate('2024-03-01', thBuddhist)).toBe('1 มี.ค. 2567');
    expect(formatDate('2024-03-01', thGregorian)).toBe('1 มี.ค. 2024');
    expect(formatDateTime('2024-03-01T09:05:00Z', thBuddhist, { timeZone: 'Asia/Bangkok' })).toBe(
      '1 มี.ค. 2567 16:05',
    );
  });

  it('reads a typed Buddhist-era date back to the ISO (Gregorian) day', () => {
    expect(parseInputDate('2567-03-01', thBuddhist)).toEqual({ ok: true, iso: '2024-03-01' });
    expect(parseInputDate('1/3/2567', thBuddhist)).toEqual({ ok: true, iso: '2024-03-01' });
    expect(parseInputDate('๑/๓/๒๕๖๗', thBuddhist)).toEqual({ ok: true, iso: '2024-03-01' });
    // A Gregorian year typed anyway is not shifted back 543 years.
    expect(parseInputDate('2024-03-01', thBuddhist)).toEqual({ ok: true, iso: '2024-03-01' });
    expect(parseInputDate('2567-03-01', thGregorian)).toEqual({ ok: true, iso: '2567-03-01' });
  });

  it('writes an ISO day into an input in the Buddhist era, and reads it back unchanged', () => {
    expect(toInputDate('2024-02-29', thBuddhist)).toBe('2567-02-29');
    const back = parseInputDate(toInputDate('2024-02-29', thBuddhist), thBuddhist);
    expect(back).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('checks the day in the Gregorian calendar the Buddhist year stands for', () => {
    // 2567 BE = 2024, a leap year; 2566 BE = 2023 is not.
    expect(parseInputDate('29/02/2567', thBuddhist)).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseInputDate('29/02/2566', thBuddhist)).toEqual({ ok: false, problem: 'invalid' });
    expect(parseInputDate('next Tuesday', thBuddhist)).toEqual({ ok: false, problem: 'format' });
  });
});

describe('Khmer numerals', () => {
  it('writes dates, numbers and money in Khmer digits when chosen', () => {
    expect(formatDate('2024-03-01', kmKhmer)).toBe('១ មីនា ២០២៤');
    expect(formatNumber(1234567, kmKhmer)).toMatch(/^១\D២៣៤\D៥៦៧$/);
    expect(formatMoney(1500, 'USD', kmKhmer)).toMatch(/^១\D៥០០\D០០\sUSD$/);
    expect(localDigits('KH-2024-017', 'khmr')).toBe('KH-២០២៤-០១៧');
  });

  it('keeps Latin digits otherwise', () => {
    expect(formatDate('2024-03-01', kmLatin)).toBe('1 មីនា 2024');
    expect(formatNumber(1234567, kmLatin)).toMatch(/^1\D234\D567$/);
  });

  it('reads typed Khmer digits', () => {
    expect(parseInputDate('០១/០៣/២០២៤', kmKhmer)).toEqual({ ok: true, iso: '2024-03-01' });
    expect(toInputDate('2024-03-01', kmKhmer)).toBe('២០២៤-០៣-០១');
    expect(parseInputDate(toInputDate('2024-03-01', kmKhmer), kmKhmer)).toEqual({
      ok: true,
      iso: '2024-03-01',
    });
  });
});

describe('English', () => {
  it('formats with Intl, and a calendar day is the same day in every time zone', () => {
    expect(formatDate('2024-03-01', en)).toBe('1 Mar 2024');
    expect(formatNumber(1234.5, en)).toBe('1,234.5');
    expect(formatMoney(1234.5, 'thb', en)).toBe('THB\u00a01,234.50');
    expect(formatMoney(10, 'gold', en)).toBe('10 gold');
    expect(formatDate('not a date', en)).toBe('not a date');
  });
});
