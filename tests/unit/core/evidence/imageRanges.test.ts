/**
 * Image structure read from ranges of a file that is not in memory: the same answers and the
 * same refusals as reading the bytes whole, with every read small.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../../../src/core/checksum';
import {
  IntakeError,
  bytesSource,
  readImageInfo,
  readImageInfoFrom,
  readPhotoMetadata,
  readPhotoMetadataFrom,
} from '../../../../src/core/evidence';
import type { ByteSource, ImageMediaType } from '../../../../src/core/evidence';
import { launchChromium } from './helpers/chromium';
import type { Chromium } from './helpers/chromium';
import {
  buildBmp,
  buildMultiPageTiff,
  concat,
  flipByte,
  jpegWithExif,
  pngWithClaimedSize,
} from './helpers/imageBytes';

const MB = 1024 * 1024;
let chromium: Chromium;
let png: Uint8Array;
let jpeg: Uint8Array;
let webp: Uint8Array;

beforeAll(async () => {
  chromium = await launchChromium();
  const page = '<body style="font-size:20px;background:#fff"><p>Sok Dara 1,200 USD</p></body>';
  png = await chromium.screenshot(page, 'png', { width: 640, height: 200 });
  jpeg = await chromium.screenshot(page, 'jpeg', { width: 640, height: 200 });
  webp = await chromium.canvasImage('Poipet', 'image/webp', { width: 300, height: 90 }, 0.8);
});

afterAll(async () => {
  await chromium.close();
});

/** A source that records every read. */
function counting(bytes: Uint8Array) {
  const reads: number[] = [];
  const inner = bytesSource(bytes);
  const source: ByteSource = {
    size: bytes.length,
    read: (start, end) => {
      reads.push(Math.min(end, bytes.length) - start);
      return inner.read(start, end);
    },
  };
  return {
    source,
    total: () => reads.reduce((a, b) => a + b, 0),
    largest: () => Math.max(0, ...reads),
  };
}

async function outcome(bytes: Uint8Array, type: ImageMediaType) {
  const whole = (() => {
    try {
      return readImageInfo(bytes, type, 'exhibit-9');
    } catch (error) {
      return error;
    }
  })();
  const ranged = await readImageInfoFrom(bytesSource(bytes), type, 'exhibit-9').catch(
    (error: unknown) => error,
  );
  return { whole, ranged };
}

/** A PNG with a large ancillary chunk before its image data, checksum and all. */
function pngWithBigChunk(base: Uint8Array, size: number): Uint8Array {
  const data = new Uint8Array(size).fill(0x41);
  const chunk = new Uint8Array(12 + size);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, size);
  chunk.set(new TextEncoder().encode('zZzZ'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + size, crc32(chunk.subarray(4, 8 + size)));
  return concat(base.subarray(0, 33), chunk, base.subarray(33));
}

describe('image structure from ranges', () => {
  it('answers as the whole-file reader does, for good, cut, damaged and gigantic images', async () => {
    const tiff = buildMultiPageTiff([
      { kind: 'rgb', width: 40, height: 30, dpi: 300, rgb: [1, 2, 3] },
      { kind: 'fax', width: 1728, height: 1078, dpiX: 204, dpiY: 98, blackRows: 10 },
    ]);
    const bmp = buildBmp(20, 20, () => [0, 0, 0], 300);
    const idat = new TextDecoder('latin1').decode(png).indexOf('IDAT');
    const cases: Array<[Uint8Array, ImageMediaType]> = [
      [png, 'image/png'],
      [jpeg, 'image/jpeg'],
      [webp, 'image/webp'],
      [bmp, 'image/bmp'],
      [tiff, 'image/tiff'],
      [flipByte(png, idat + 40), 'image/png'],
      [flipByte(jpeg, 2), 'image/jpeg'],
      [pngWithClaimedSize(png, 100_000, 100_000), 'image/png'],
      [concat(jpeg, new Uint8Array(3 * MB).fill(7)), 'image/jpeg'],
    ];
    for (const [bytes, type] of [...cases])
      for (const keep of [0.5, 0.9]) cases.push([bytes.subarray(0, bytes.length * keep), type]);
    let refusals = 0;
    for (const [bytes, type] of cases) {
      const { whole, ranged } = await outcome(bytes, type);
      if (whole instanceof IntakeError) {
        refusals++;
        expect(ranged, `${type}, ${bytes.length} bytes`).toBeInstanceOf(IntakeError);
        expect((ranged as IntakeError).code).toBe(whole.code);
        expect((ranged as IntakeError).message).toBe(whole.message);
      } else expect(ranged, `${type}, ${bytes.length} bytes`).toEqual(whole);
    }
    // The cases include refusals of every kind, so the comparison is not only of successes.
    expect(refusals).toBeGreaterThan(8);
  });

  it("walks a 60 MB multi-page TIFF's directories reading a few kilobytes", async () => {
    const tiff = buildMultiPageTiff(
      [1, 2, 3].map(() => ({ kind: 'rgb', width: 3000, height: 2200, dpi: 300, rgb: [9, 9, 9] })),
    );
    expect(tiff.length).toBeGreaterThan(55 * MB);
    const disk = counting(tiff);
    const info = await readImageInfoFrom(disk.source, 'image/tiff', 'fax.tif');
    expect(info.frames).toHaveLength(3);
    expect(info.frames[2]).toEqual({ width: 3000, height: 2200, dpi: { x: 300, y: 300 } });
    expect(disk.total()).toBeLessThan(MB);
  });

  it('checks the CRC of a 40 MB PNG chunk a megabyte at a time', async () => {
    const big = pngWithBigChunk(png, 40 * MB);
    const disk = counting(big);
    const info = await readImageInfoFrom(disk.source, 'image/png', 'scan.png');
    expect(info.frames[0]).toMatchObject({ width: 640, height: 200 });
    expect(disk.largest()).toBeLessThanOrEqual(MB);
    // One flipped byte deep inside the big chunk is still found.
    const damaged = flipByte(big, 20 * MB);
    await expect(readImageInfoFrom(bytesSource(damaged), 'image/png', 'scan.png')).rejects.toThrow(
      /zZzZ chunk at byte 33 fails its checksum/,
    );
  });

  it("finds a 40 MB JPEG's end marker from its last megabyte, and its EXIF from its start", async () => {
    // Entropy-coded data never holds FF D9, so filler of another byte stands in for the scan.
    const withExif = jpegWithExif(jpeg, {
      make: 'OPPO',
      model: 'CPH2239',
      dateTimeOriginal: '2024:02:29 23:59:58',
      latitude: 11.5564,
      longitude: 104.9282,
    });
    const sos = withExif.findIndex((v, i) => v === 0xff && withExif[i + 1] === 0xda);
    const big = concat(
      withExif.subarray(0, sos + 20),
      new Uint8Array(40 * MB).fill(0x11),
      withExif.subarray(sos + 20),
    );
    const disk = counting(big);
    const info = await readImageInfoFrom(disk.source, 'image/jpeg', 'photo.jpg');
    expect(info.frames[0]).toMatchObject({ width: 640, height: 200 });
    expect(disk.total()).toBeLessThan(2 * MB);
    const metadata = counting(big);
    const found = await readPhotoMetadataFrom(metadata.source, 'image/jpeg');
    expect(found).toEqual(await readPhotoMetadata(withExif, 'image/jpeg'));
    expect(found['exif.taken']).toBe('2024-02-29T23:59:58');
    expect(metadata.total()).toBeLessThanOrEqual(4 * MB);
  });
});
