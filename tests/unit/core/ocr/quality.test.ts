import { describe, expect, it } from 'vitest';
import { characterErrorRate, editDistance } from '../../../../src/core/ocr/quality';

const chars = (s: string): string[] => Array.from(s);

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance(chars('kitten'), chars('sitting'))).toBe(3);
    expect(editDistance(chars('flaw'), chars('lawn'))).toBe(2);
    expect(editDistance(chars(''), chars('abc'))).toBe(3);
    expect(editDistance(chars('abc'), chars(''))).toBe(3);
    expect(editDistance(chars('same'), chars('same'))).toBe(0);
  });

  it('is symmetric', () => {
    expect(editDistance(chars('Sokha Chan'), chars('Sokba Chen'))).toBe(
      editDistance(chars('Sokba Chen'), chars('Sokha Chan')),
    );
  });
});

describe('characterErrorRate', () => {
  it('is zero for the same text and grows with each wrong character', () => {
    expect(characterErrorRate('account 0123', 'account 0123')).toBe(0);
    expect(characterErrorRate('account 0I23', 'account 0123')).toBeCloseTo(1 / 12);
    expect(characterErrorRate('acount 0123', 'account 0123')).toBeCloseTo(1 / 12);
  });

  it('treats runs of whitespace and line breaks as one space by default', () => {
    expect(characterErrorRate('Date    Name\n\n  Amount ', 'Date Name\nAmount')).toBe(0);
    expect(characterErrorRate('DateName', 'Date Name')).toBeCloseTo(1 / 9);
  });

  it('can ignore whitespace for scripts written without spaces between words', () => {
    expect(characterErrorRate('ข้าพเจ้า ถูก พาตัว', 'ข้าพเจ้าถูกพาตัว', { whitespace: 'remove' })).toBe(0);
  });

  it('counts Thai and Khmer by code point, so a missing tone mark is one error', () => {
    // ข้า is three code points: KHO KHAI, MAI THO, SARA AA.
    expect(characterErrorRate('ขา', 'ข้า')).toBeCloseTo(1 / 3);
  });

  it('compares equivalent spellings of one character as equal', () => {
    expect(characterErrorRate('Cafe\u0301', 'Caf\u00e9')).toBe(0);
    expect(characterErrorRate('\u0e04\u0e4d\u0e32', '\u0e04\u0e33')).toBe(0);
  });

  it('can exceed 1 when the output is mostly noise', () => {
    expect(characterErrorRate('xxxxxxxx', 'ab')).toBe(4);
  });

  it('refuses an empty reference, where no rate exists', () => {
    expect(() => characterErrorRate('text', '   ')).toThrow(/reference text is empty/);
  });
});
