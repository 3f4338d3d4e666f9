/**
 * A text layer that lies: a PDF whose font has a broken ToUnicode map shows the right glyphs but
 * gives NULs, U+FFFD, private-use code points or nothing for them. Such a page must be read by
 * OCR like a scan, never taken in as text that silently lacks a victim's name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { doubtOfTextLayer, readPdf } from '../../../../src/core/evidence';
import type { PageText } from '../../../../src/core/evidence';
import { launchChromium } from './helpers/chromium';
import { withBrokenToUnicode } from './helpers/pdfBytes';
import type { ToUnicodeDamage } from './helpers/pdfBytes';

const THAI: readonly [number, number] = [0x0e00, 0x0e7f];
const HTML = `<title>Payments</title><body style="margin:60px;font-size:28px">
<p>Dara paid 8,000 baht to</p><p>สมชาย ใจดี</p></body>`;

let pdf: Uint8Array;

beforeAll(async () => {
  const chromium = await launchChromium();
  try {
    pdf = await chromium.pdf(HTML);
  } finally {
    await chromium.close();
  }
}, 60_000);

const pageText = (words: readonly string[]): PageText => ({
  text: words.join(' '),
  lines: [],
  words: words.map((text) => ({ text, confidence: 100, box: { x0: 0, y0: 0, x1: 1, y1: 1 } })),
});

describe('doubtOfTextLayer', () => {
  it('trusts ordinary text in any script, and a lone icon glyph', () => {
    expect(doubtOfTextLayer(pageText(['Dara', 'สมชาย', 'សុខា', '8,000']))).toBeUndefined();
    const long = Array.from({ length: 40 }, () => 'transfer');
    expect(doubtOfTextLayer(pageText([...long, '\ue001']))).toBeUndefined();
  });

  it('doubts NULs, control characters, U+FFFD and private-use words, counting them', () => {
    expect(doubtOfTextLayer(pageText(['Dara', '\u0000\u0000']))).toEqual({
      code: 'nul',
      count: 2,
      of: 6,
    });
    expect(doubtOfTextLayer(pageText(['a\u0003b']))?.code).toBe('control');
    expect(doubtOfTextLayer(pageText(['Dara', '\ufffd\ufffd']))?.code).toBe('replacement');
    expect(doubtOfTextLayer(pageText(['Dara', '\ue000\ue001\ue002']))).toEqual({
      code: 'private-use',
      count: 3,
      of: 7,
    });
  });
});

describe('readPdf on a page whose Thai font has a broken ToUnicode map', () => {
  it('takes the intact PDF as text (control)', async () => {
    const [page] = (await readPdf(pdf)).pages;
    expect(page?.source).toBe('pdf-text');
    if (page?.source !== 'pdf-text') return;
    expect(page.text.text).toContain('สมชาย ใจดี');
  });

  it.each<[ToUnicodeDamage, string]>([
    ['nul', 'nul'],
    ['replacement', 'replacement'],
    ['private-use', 'private-use'],
  ])('marks the page unreliable and for OCR when its glyphs map to %s', async (damage, code) => {
    const broken = withBrokenToUnicode(pdf, THAI, damage);
    const [page] = (await readPdf(broken, { fileName: 'payments.pdf' })).pages;
    expect(page?.needsOcr).toBe(true);
    expect(page?.source).toBe('unreliable-text');
    if (page?.source !== 'unreliable-text') return;
    expect(page.doubt.code).toBe(code);
    // The Thai name's glyphs are the ones doubted: one per glyph of "สมชาย ใจดี".
    expect(page.doubt.count).toBeGreaterThanOrEqual(8);
    // The text layer is kept as the file encodes it, Latin words and all.
    expect(page.text.text).toContain('Dara paid 8,000 baht to');
    expect(page.text.text).not.toContain('สมชาย');
  });

  it('marks glyphs left with no Unicode at all', async () => {
    const broken = withBrokenToUnicode(pdf, THAI, 'unmapped');
    const [page] = (await readPdf(broken)).pages;
    expect(page?.source).toBe('unreliable-text');
    if (page?.source !== 'unreliable-text') return;
    expect(page.text.text).not.toContain('สมชาย');
  });
});
