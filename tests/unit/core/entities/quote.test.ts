import { describe, expect, it } from 'vitest';
import { boxesForRange, wordOffsets } from '../../../../src/core/entities';
import type { Word } from '../../../../src/core/model';

const word = (text: string, x0: number): Word => ({
  text,
  confidence: 90,
  box: { x0, y0: 10, x1: x0 + 40, y1: 30 },
});

describe('quoted words and their boxes', () => {
  const text = 'Paid 500 USD to Sok Dara.\nPaid again.';
  const words = [
    word('Paid', 0),
    word('500', 50),
    word('USD', 100),
    word('to', 150),
    word('Sok', 200),
    word('Dara.', 250),
    word('Paid', 0),
    word('again.', 50),
  ];

  it('finds each word in order, so a repeated word maps to its own place', () => {
    const offsets = wordOffsets(text, words);
    expect(offsets.map((o) => o.start)).toEqual([0, 5, 9, 13, 16, 20, 26, 31]);
  });

  it('gives the boxes of the words a quote overlaps', () => {
    const start = text.indexOf('Sok Dara');
    expect(boxesForRange(text, words, start, start + 'Sok Dara'.length).map((b) => b.x0)).toEqual([
      200, 250,
    ]);
    const again = text.lastIndexOf('Paid');
    expect(boxesForRange(text, words, again, again + 4)).toEqual([words[6]!.box]);
  });

  it('skips a word the corrected text no longer contains', () => {
    expect(wordOffsets('Paid 500 THB', [word('Paid', 0), word('USD', 50)]).length).toBe(1);
  });
});
