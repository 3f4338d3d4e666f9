import { describe, expect, it } from 'vitest';
import {
  compareNames,
  detectScript,
  nameKeys,
  normalizeName,
  transliterate,
} from '../../../../src/core/names';

describe('normalizeName', () => {
  it('folds case, Latin diacritics, full-width forms and punctuation', () => {
    expect(normalizeName('  José  MÜLLER-Nguyễn ')).toBe('jose muller nguyen');
    expect(normalizeName('ＳＯＭＣＨＡＩ')).toBe('somchai');
  });

  it('keeps Thai and Khmer vowels and marks, which are combining characters', () => {
    expect(normalizeName('สมศักดิ์')).toBe('สมศักดิ์');
    expect(normalizeName('ដារ៉ា')).toBe('ដារ៉ា');
  });
});

describe('detectScript', () => {
  it('names the dominant script', () => {
    expect(detectScript('Somchai')).toBe('latin');
    expect(detectScript('สมชาย')).toBe('thai');
    expect(detectScript('ចាន់ ដារ៉ា')).toBe('khmer');
    expect(detectScript('Иван')).toBe('other');
    expect(detectScript('1234')).toBe('other');
  });
});

describe('transliterate', () => {
  it('romanises Thai names close to their usual Latin spelling (RTGS-like)', () => {
    expect(transliterate('สมชาย รักดี')).toBe('somchai rakdi');
    expect(transliterate('วิชัย')).toBe('wichai');
    expect(transliterate('สมศักดิ์')).toBe('somsak');
    expect(transliterate('กรุงเทพ')).toBe('krungthep');
    expect(transliterate('เชียงใหม่')).toBe('chiangmai');
    expect(transliterate('ศรีสุข')).toBe('sisuk');
    expect(transliterate('สุวรรณ')).toBe('suwan');
    expect(transliterate('กมล')).toBe('kamon');
  });

  it('romanises Khmer names with the a-/o-series vowel readings (UNGEGN-like)', () => {
    expect(transliterate('ចាន់ ដារ៉ា')).toBe('chan dara');
    expect(transliterate('សុភាព')).toBe('sopheap');
    expect(transliterate('ស្រីពៅ')).toBe('sreipov');
    expect(transliterate('ភ្នំពេញ')).toBe('phnumpenh');
    expect(transliterate('សំណាង')).toBe('samnang');
    expect(transliterate('កម្ពុជា')).toBe('kampuchea');
  });

  it('leaves Latin text and digits alone', () => {
    expect(transliterate('Room 12, สมชาย')).toBe('Room 12, somchai');
  });
});

describe('compareNames', () => {
  const close: Array<[string, string]> = [
    ['นายสมชาย รักดี', 'Mr Somchai Rakdee'],
    ['วิชัย ใจดี', 'Vichai Jaidee'],
    ['ประเสริฐ ทองดี', 'Prasert Thongdee'],
    ['ចាន់ ដារ៉ា', 'Chan Dara'],
    ['លោក សុខ សុភាព', 'Sok Sopheap'],
    ['ប្រាក់ សុខា', 'Prak Sokha'],
    ['Somchai Rakdee', 'สมชายรักดี'],
  ];
  it.each(close)('finds %s and %s the same name across scripts', (a, b) => {
    const { score, reasons } = compareNames(a, b);
    expect(score).toBeGreaterThanOrEqual(0.9);
    expect(reasons.length).toBeGreaterThan(0);
  });

  it('ignores word order but says so', () => {
    const r = compareNames('Rakdee Somchai', 'Somchai Rakdee');
    expect(r.score).toBeGreaterThanOrEqual(0.95);
    expect(r.reasons.join(' ')).toMatch(/order/u);
  });

  it('keeps different people apart', () => {
    const far: Array<[string, string]> = [
      ['Somchai Rakdee', 'Wichai Jaidee'],
      ['Chan Dara', 'Sok Pisey'],
      ['สมชาย รักดี', 'ចាន់ ដារ៉ា'],
      ['Dara Chan', 'Sopheap Chan'],
    ];
    for (const [a, b] of far) expect(compareNames(a, b).score).toBeLessThan(0.8);
  });

  it('lowers the score for a word only one name has, and names it', () => {
    const r = compareNames('Sok Dara', 'Sok Dara Chan');
    expect(r.score).toBeLessThan(0.9);
    expect(r.score).toBeGreaterThan(0.7);
    expect(r.reasons).toContain('"chan" only in the second name');
  });

  it('scores an empty name zero instead of throwing', () => {
    expect(compareNames('', 'Sok').score).toBe(0);
  });
});

describe('nameKeys', () => {
  it('gives the same key whatever the word order, title or script', () => {
    const keys = (n: string): Set<string> => new Set(nameKeys(n));
    const a = keys('นายสมชาย รักดี');
    const b = keys('Rakdee, SOMCHAI');
    const c = keys('Mr. Somchai Rakdi');
    expect([...a].some((k) => b.has(k))).toBe(true);
    expect([...a].some((k) => c.has(k))).toBe(true);
    expect(nameKeys('Sok Pisey').some((k) => a.has(k))).toBe(false);
  });
});
