import { describe, expect, it } from 'vitest';
import { layoutPageText } from '../../../../src/core/documents';
import type { PdfTextItem } from '../../../../src/core/documents';

/**
 * Cases a Chromium PDF does not produce: rotated text, superscripts and runs split inside a word.
 * Items are built as pdf.js reports them (text matrix in PDF user space, y up), for a
 * 100 x 100 pt page at scale 2 (viewport transform [2, 0, 0, -2, 0, 200]).
 */
const VIEWPORT = [2, 0, 0, -2, 0, 200];
const STYLES = { f: { ascent: 0.8, descent: -0.2 } };

const run = (
  str: string,
  x: number,
  y: number,
  size = 10,
  width = str.length * size * 0.5,
): PdfTextItem => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width,
  fontName: 'f',
});

describe('layoutPageText', () => {
  it('maps boxes to page pixels with a top-left origin', () => {
    const page = layoutPageText([run('Dara', 10, 80)], STYLES, VIEWPORT, 2);
    // Baseline at y = 80 pt from the bottom is 40 px from the top; 8 pt ascent, 2 pt descent.
    expect(page.words).toEqual([
      { text: 'Dara', confidence: 100, box: { x0: 20, y0: 24, x1: 60, y1: 44 } },
    ]);
  });

  it('keeps a superscript on its line and joins runs that touch into one word', () => {
    const page = layoutPageText(
      [run('USD', 40, 50), run('1,2', 10, 50), run('00', 25, 50), run('*', 56, 53, 6)],
      STYLES,
      VIEWPORT,
      2,
    );
    expect(page.lines.map((l) => l.text)).toEqual(['1,200 USD *']);
    expect(page.words.map((w) => w.text)).toEqual(['1,200', 'USD', '*']);
  });

  it('gives rotated text a box around the rotated run and a line of its own', () => {
    const vertical: PdfTextItem = {
      str: 'STAMP',
      transform: [0, 10, -10, 0, 90, 20],
      width: 25,
      fontName: 'f',
    };
    const page = layoutPageText([run('Header', 10, 90), vertical], STYLES, VIEWPORT, 2);
    expect(page.lines.map((l) => l.text)).toEqual(['Header', 'STAMP']);
    const stamp = page.words[1]?.box;
    // Upward text at x = 90 pt: 50 px tall, 20 px wide, from y = 20 pt to 45 pt.
    expect(stamp).toEqual({ x0: 164, y0: 110, x1: 184, y1: 160 });
  });

  it('drops whitespace-only runs and splits runs at spaces', () => {
    const page = layoutPageText([run('  ', 0, 50), run('Sok Dara', 10, 50)], STYLES, VIEWPORT, 2);
    expect(page.words.map((w) => [w.text, w.box.x0, w.box.x1])).toEqual([
      ['Sok', 20, 50],
      ['Dara', 60, 100],
    ]);
  });
});
