import { describe, expect, it } from 'vitest';
import {
  IntakeError,
  decodeTiffPages,
  decodeTiffPagesLazily,
  readTiffSummary,
} from '../../../../src/core/documents';
import { buildMultiPageTiff } from './helpers/imageBytes';

const PAGES = [
  { kind: 'rgb', width: 40, height: 30, dpi: 300, rgb: [200, 10, 10] },
  { kind: 'rgb', width: 25, height: 50, dpi: 150, rgb: [10, 200, 10] },
  { kind: 'fax', width: 64, height: 20, dpiX: 204, dpiY: 98, blackRows: 3 },
] as const;

function pixel(rgba: Uint8Array, width: number, x: number, y: number): number[] {
  const at = (y * width + x) * 4;
  return [...rgba.subarray(at, at + 4)];
}

describe('multi-page TIFF', () => {
  const tiff = buildMultiPageTiff(PAGES);

  it('summarises page count and sizes without decoding', () => {
    expect(readTiffSummary(tiff)).toEqual({
      pageCount: 3,
      pages: [
        { number: 1, width: 40, height: 30, dpi: { x: 300, y: 300 } },
        { number: 2, width: 25, height: 50, dpi: { x: 150, y: 150 } },
        { number: 3, width: 64, height: 20, dpi: { x: 204, y: 98 } },
      ],
    });
  });

  it('decodes every page to RGBA with the right pixels', () => {
    const pages = decodeTiffPages(tiff);
    expect(pages.map((p) => [p.number, p.width, p.height, p.rgba.length])).toEqual([
      [1, 40, 30, 40 * 30 * 4],
      [2, 25, 50, 25 * 50 * 4],
      [3, 64, 20, 64 * 20 * 4],
    ]);
    const [red, green, fax] = pages;
    if (!red || !green || !fax) throw new Error('three pages expected');
    expect(pixel(red.rgba, 40, 39, 29)).toEqual([200, 10, 10, 255]);
    expect(pixel(green.rgba, 25, 0, 49)).toEqual([10, 200, 10, 255]);
    // Fax: WhiteIsZero, the first three rows black, the rest white.
    expect(pixel(fax.rgba, 64, 63, 2)).toEqual([0, 0, 0, 255]);
    expect(pixel(fax.rgba, 64, 0, 3)).toEqual([255, 255, 255, 255]);
  });

  it('decodes lazily, one page per step', () => {
    const pages = decodeTiffPagesLazily(tiff);
    const first = pages.next();
    expect(first.done).toBe(false);
    expect(first.value && first.value.number).toBe(1);
    expect([...pages].map((p) => p.number)).toEqual([2, 3]);
  });

  it('refuses a truncated TIFF before decoding, naming the file', () => {
    expect(() => decodeTiffPages(tiff.subarray(0, tiff.length - 10), 'fax-0311.tif')).toThrow(
      IntakeError,
    );
    try {
      decodeTiffPages(tiff.subarray(0, tiff.length - 10), 'fax-0311.tif');
    } catch (error) {
      expect(error).toMatchObject({ code: 'truncated', fileName: 'fax-0311.tif' });
      expect(String((error as Error).message)).toMatch(
        /^fax-0311\.tif: the TIFF: page 3's image data runs/,
      );
    }
  });
});
