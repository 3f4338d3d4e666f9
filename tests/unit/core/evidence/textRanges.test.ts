import { describe, expect, it } from 'vitest';
import { correctedWords, textChange, wordsInRange } from '../../../../src/core/evidence';
import type { Word } from '../../../../src/core/model';

const words = (...texts: string[]): Word[] =>
  texts.map((text, i) => ({
    text,
    confidence: 90,
    box: { x0: i * 10, y0: 0, x1: i * 10 + 8, y1: 10 },
  }));

describe('text ranges', () => {
  const text = 'Paid Sokha 500\nPaid Sokha 700';
  const ws = words('Paid', 'Sokha', '500', 'Paid', 'Sokha', '700');

  it('maps a character range to the words it overlaps, each occurrence in its place', () => {
    const second = text.lastIndexOf('Sokha');
    expect(wordsInRange(text, ws, second, second + 5)).toEqual([4]);
    expect(wordsInRange(text, ws, 0, 6)).toEqual([0, 1]);
    expect(wordsInRange(text, ws, 100, 200)).toEqual([]);
  });

  it('widens a correction to whole words', () => {
    expect(textChange('taken from Poipot today', 'taken from Poipet today')).toEqual({
      start: 11,
      before: 'Poipot',
      after: 'Poipet',
    });
    expect(textChange('same', 'same')).toBeUndefined();
  });

  it('gives corrected words their new spelling and keeps their boxes', () => {
    const change = textChange(text, text.replace('700', '750'));
    if (!change) throw new Error('no change');
    const next = correctedWords(text, ws, change);
    expect(next[5]).toEqual({ ...ws[5], text: '750' });
    expect(next.slice(0, 5)).toEqual(ws.slice(0, 5));
    // Two words made into three: the words keep the OCR spelling rather than guess.
    const split = textChange(text, text.replace('Paid Sokha 500', 'Paid So kha 500'));
    if (!split) throw new Error('no change');
    expect(correctedWords(text, ws, split)).toEqual(ws);
  });
});
