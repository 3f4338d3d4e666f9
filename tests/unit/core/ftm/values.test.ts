import { describe, expect, it } from 'vitest';
import { decodeValues, detectScript, encodeValues } from '../../../../src/core/ftm';

describe('property values', () => {
  it('round-trips single values, lists, and values that look like lists', () => {
    for (const values of [
      ['kh'],
      ['kh', 'th'],
      ['[not a list]'],
      ['["a"]'],
      [],
      ['a "quoted" ] value'],
    ]) {
      expect(decodeValues(encodeValues(values))).toEqual(values);
    }
    expect(encodeValues(['kh'])).toBe('kh');
    expect(encodeValues(['kh', 'th'])).toBe('["kh","th"]');
    // A hand-written value starting with "[" that is not JSON stays one value.
    expect(decodeValues('[draft')).toEqual(['[draft']);
  });
});

describe('detectScript', () => {
  it('tells Khmer, Thai and Latin names apart by their letters', () => {
    expect(detectScript('ចាន់ សុខា')).toBe('khmer');
    expect(detectScript('สมชาย ใจดี')).toBe('thai');
    expect(detectScript('Nguyễn Văn An')).toBe('latin');
    expect(detectScript('Иван Петров')).toBe('other');
    expect(detectScript('12345')).toBe('other');
    expect(detectScript('Sokha (សុខា ចាន់)')).toBe('khmer');
  });
});
