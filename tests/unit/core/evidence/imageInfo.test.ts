import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeError, MAX_IMAGE_PIXELS, readImageInfo } from '../../../../src/core/evidence';
import type { ImageMediaType } from '../../../../src/core/evidence';
import { launchChromium } from './helpers/chromium';
import type { Chromium } from './helpers/chromium';
import {
  buildBmp,
  buildMultiPageTiff,
  concat,
  flipByte,
  jpegWithClaimedSize,
  pngWithClaimedSize,
  pngWithDpi,
  simpleWebp,
  webpKind,
} from './helpers/imageBytes';

const LEDGER = `<body style="margin:20px;font-size:20px;background:#fff">
  <p>2024-03-05 Sok Dara 1,200 USD Poipet</p></body>`;

let chromium: Chromium;
let png: Uint8Array;
let jpeg: Uint8Array;
let webpLossy: Uint8Array;
let webpLossless: Uint8Array;

beforeAll(async () => {
  chromium = await launchChromium();
  png = await chromium.screenshot(LEDGER, 'png', { width: 640, height: 400 });
  jpeg = await chromium.screenshot(LEDGER, 'jpeg', { width: 800, height: 300 });
  webpLossy = await chromium.canvasImage('Poipet', 'image/webp', { width: 300, height: 90 }, 0.8);
  webpLossless = await chromium.canvasImage('Poipet', 'image/webp', { width: 301, height: 91 }, 1);
});

afterAll(async () => {
  await chromium.close();
});

function failure(bytes: Uint8Array, mediaType: ImageMediaType, name = 'exhibit-7'): IntakeError {
  try {
    readImageInfo(bytes, mediaType, name);
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error('expected an IntakeError');
}

describe('readImageInfo on real images', () => {
  it('reads a PNG screenshot and the resolution in its pHYs chunk', () => {
    expect(readImageInfo(png, 'image/png').frames).toEqual([{ width: 640, height: 400 }]);
    expect(readImageInfo(pngWithDpi(png, 300), 'image/png').frames).toEqual([
      { width: 640, height: 400, dpi: { x: 300, y: 300 } },
    ]);
  });

  it('reads a JPEG screenshot and its JFIF density', () => {
    // Chromium writes JFIF with aspect-ratio units (0), which state no resolution.
    expect(readImageInfo(jpeg, 'image/jpeg').frames).toEqual([{ width: 800, height: 300 }]);
    const withDpi = jpeg.slice();
    withDpi.set([1, 0, 200, 0, 200], 13); // units = dots per inch, 200 x 200
    expect(readImageInfo(withDpi, 'image/jpeg').frames[0]?.dpi).toEqual({ x: 200, y: 200 });
  });

  it('reads extended, lossy and lossless WebP', () => {
    expect(webpKind(webpLossy)).toBe('VP8X');
    expect(readImageInfo(webpLossy, 'image/webp').frames).toEqual([{ width: 300, height: 90 }]);
    const lossy = simpleWebp(webpLossy);
    const lossless = simpleWebp(webpLossless);
    expect([webpKind(lossy), webpKind(lossless)]).toEqual(['VP8 ', 'VP8L']);
    expect(readImageInfo(lossy, 'image/webp').frames).toEqual([{ width: 300, height: 90 }]);
    expect(readImageInfo(lossless, 'image/webp').frames).toEqual([{ width: 301, height: 91 }]);
  });

  it('reads a BMP and its resolution', () => {
    const bmp = buildBmp(33, 17, (x) => [x * 7, 0, 0], 300);
    expect(readImageInfo(bmp, 'image/bmp').frames).toEqual([
      { width: 33, height: 17, dpi: { x: 300, y: 300 } },
    ]);
  });

  it('reads every page of a multi-page TIFF, fax resolution included', () => {
    const tiff = buildMultiPageTiff([
      { kind: 'rgb', width: 40, height: 30, dpi: 300, rgb: [255, 0, 0] },
      { kind: 'fax', width: 64, height: 20, dpiX: 204, dpiY: 98, blackRows: 3 },
    ]);
    expect(readImageInfo(tiff, 'image/tiff').frames).toEqual([
      { width: 40, height: 30, dpi: { x: 300, y: 300 } },
      { width: 64, height: 20, dpi: { x: 204, y: 98 } },
    ]);
  });
});

describe('readImageInfo refuses damaged files with the file named', () => {
  it('a truncated PNG, JPEG, WebP, BMP and TIFF', () => {
    const tiff = buildMultiPageTiff([
      { kind: 'rgb', width: 40, height: 30, dpi: 300, rgb: [1, 2, 3] },
    ]);
    const cases: Array<[Uint8Array, ImageMediaType]> = [
      [png, 'image/png'],
      [jpeg, 'image/jpeg'],
      [webpLossy, 'image/webp'],
      [buildBmp(20, 20, () => [0, 0, 0]), 'image/bmp'],
      [tiff, 'image/tiff'],
    ];
    for (const [bytes, type] of cases) {
      for (const keep of [0.5, 0.9]) {
        const error = failure(
          bytes.subarray(0, Math.floor(bytes.length * keep)),
          type,
          'phone-dump/IMG_0042',
        );
        expect(error.code, `${type} cut to ${keep}`).toBe('truncated');
        expect(error.message).toMatch(/^phone-dump\/IMG_0042: /);
      }
    }
  });

  it('a header cut off after a few bytes', () => {
    expect(failure(png.subarray(0, 20), 'image/png').code).toBe('truncated');
    expect(failure(jpeg.subarray(0, 3), 'image/jpeg').code).toBe('truncated');
  });

  it('a PNG with a flipped byte in its image data fails its checksum', () => {
    const idat = new TextDecoder('latin1').decode(png).indexOf('IDAT');
    const error = failure(flipByte(png, idat + 40), 'image/png');
    expect(error.code).toBe('corrupt');
    expect(error.problem).toMatch(/IDAT chunk .* fails its checksum/);
  });

  it('a JPEG with a broken marker', () => {
    const error = failure(flipByte(jpeg, 2), 'image/jpeg');
    expect(error.code).toBe('corrupt');
    expect(error.problem).toMatch(/broken marker/);
  });

  it('a TIFF whose directories loop back on themselves', () => {
    const tiff = buildMultiPageTiff([
      { kind: 'rgb', width: 4, height: 4, dpi: 300, rgb: [1, 2, 3] },
      { kind: 'rgb', width: 4, height: 4, dpi: 300, rgb: [1, 2, 3] },
    ]);
    // Point the second directory's "next" link back at the first.
    const view = new DataView(tiff.buffer);
    const first = view.getUint32(4);
    const second = view.getUint32(first + 2 + view.getUint16(first) * 12);
    view.setUint32(second + 2 + view.getUint16(second) * 12, first);
    const error = failure(tiff, 'image/tiff');
    expect(error.code).toBe('corrupt');
    expect(error.problem).toMatch(/loop/);
  });
});

describe('readImageInfo refuses gigantic pixel counts before decoding', () => {
  it('a PNG whose header claims 100000 x 100000', () => {
    const bomb = pngWithClaimedSize(png, 100_000, 100_000);
    const error = failure(bomb, 'image/png', 'bomb.png');
    expect(error.code).toBe('too-many-pixels');
    expect(error.message).toBe(
      `bomb.png: this PNG claims 100000 x 100000 pixels (10000 megapixels); intake decodes at most ${
        MAX_IMAGE_PIXELS / 1e6
      } megapixels`,
    );
  });

  it('just over and just under the limit', () => {
    expect(failure(pngWithClaimedSize(png, 12_000, 10_001), 'image/png').code).toBe(
      'too-many-pixels',
    );
    // Within the limit the header passes, and the structure check still runs to the end.
    expect(readImageInfo(pngWithClaimedSize(png, 12_000, 10_000), 'image/png').frames[0]).toEqual({
      width: 12_000,
      height: 10_000,
    });
  });

  it('a JPEG, a WebP and a BMP claiming too much', () => {
    expect(failure(jpegWithClaimedSize(jpeg, 65_000, 65_000), 'image/jpeg').code).toBe(
      'too-many-pixels',
    );
    const lossless = simpleWebp(webpLossless);
    const huge = lossless.slice();
    // VP8L: 14 bits of width-1 then 14 bits of height-1 after the 0x2f signature.
    new DataView(huge.buffer).setUint32(21, (16383 | (16383 << 14)) >>> 0, true);
    expect(failure(huge, 'image/webp').code).toBe('too-many-pixels');
    const bmp = buildBmp(2, 2, () => [0, 0, 0]);
    new DataView(bmp.buffer).setInt32(18, 50_000, true);
    new DataView(bmp.buffer).setInt32(22, -50_000, true);
    expect(failure(bmp, 'image/bmp').code).toBe('too-many-pixels');
  });

  it('one gigantic page inside a multi-page TIFF', () => {
    const tiff = buildMultiPageTiff([
      { kind: 'rgb', width: 4, height: 4, dpi: 300, rgb: [1, 2, 3] },
      { kind: 'rgb', width: 4, height: 4, dpi: 300, rgb: [1, 2, 3] },
    ]);
    const view = new DataView(tiff.buffer);
    const first = view.getUint32(4);
    const second = view.getUint32(first + 2 + view.getUint16(first) * 12);
    for (let i = 0; i < view.getUint16(second); i++) {
      const entry = second + 2 + i * 12;
      const tag = view.getUint16(entry);
      if (tag === 256 || tag === 257) {
        // Rewrite as a LONG so the value can exceed 65535.
        view.setUint16(entry + 2, 4);
        view.setUint32(entry + 8, 100_000);
      }
    }
    const error = failure(tiff, 'image/tiff', 'fax.tif');
    expect(error.code).toBe('too-many-pixels');
    expect(error.message).toMatch(/^fax\.tif: page 2 of this TIFF claims 100000 x 100000 pixels/);
  });

  it('does not mistake appended data after a JPEG for damage', () => {
    const withTrailer = concat(jpeg, new TextEncoder().encode('vendor trailer after EOI'));
    expect(readImageInfo(withTrailer, 'image/jpeg').frames[0]).toEqual({ width: 800, height: 300 });
  });
});
