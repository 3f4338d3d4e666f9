import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { downscaleFactor, pngResizer } from '../../../../src/core/ocr/downscale';
import { OcrInputError } from '../../../../src/core/ocr/errors';
import { readImageInfo } from '../../../../src/core/ocr/imageInfo';
import {
  languageCodeFromFileName,
  parseLanguages,
  readTraineddata,
} from '../../../../src/core/ocr/languages';
import { bundledTraineddataPath } from '../../../../src/core/ocr/languageStore.node.js';
import { generateDocuments } from '../../../helpers/documents';
import type { DocumentName, GeneratedDocument } from '../../../helpers/documents';

let docs: Record<DocumentName, GeneratedDocument>;
beforeAll(async () => {
  docs = await generateDocuments(['statement', 'lowResJpeg']);
});

describe('readImageInfo', () => {
  it('reads the type and size of PNG and JPEG pages', () => {
    const png = readImageInfo(readFileSync(docs.statement.path));
    expect(png).toMatchObject({ mediaType: 'image/png', width: 1985, height: 2808 });
    const jpeg = readImageInfo(readFileSync(docs.lowResJpeg.path));
    expect(jpeg).toMatchObject({ mediaType: 'image/jpeg', width: 993, height: 1404 });
  });

  it('reads BMP and WebP headers', () => {
    const bmp = new Uint8Array(54);
    bmp.set([0x42, 0x4d]);
    const view = new DataView(bmp.buffer);
    view.setUint32(14, 40, true);
    view.setInt32(18, 640, true);
    view.setInt32(22, -480, true); // top-down rows
    expect(readImageInfo(bmp)).toEqual({ mediaType: 'image/bmp', width: 640, height: 480 });

    const webp = new Uint8Array(30);
    webp.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X'));
    webp.set([639 & 0xff, 639 >> 8, 0, 479 & 0xff, 479 >> 8, 0], 24);
    expect(readImageInfo(webp)).toEqual({ mediaType: 'image/webp', width: 640, height: 480 });
  });

  it('names what it refuses', () => {
    const named = (bytes: Uint8Array): string => {
      try {
        readImageInfo(bytes, 'exhibit-7.bin');
      } catch (error) {
        expect(error).toBeInstanceOf(OcrInputError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(named(new Uint8Array(0))).toBe('exhibit-7.bin: the file is empty');
    expect(named(new TextEncoder().encode('%PDF-1.7\n'))).toMatch(
      /exhibit-7.bin: PDF is not an image type OCR reads directly/,
    );
    expect(named(new TextEncoder().encode('II*\0xxxxxxxx'))).toMatch(/TIFF is not an image type/);
    expect(named(new TextEncoder().encode('hello, world'))).toMatch(/unsupported file type/);
    expect(named(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]))).toMatch(/corrupt JPEG/);
    expect(named(readFileSync(docs.statement.path).subarray(0, 20))).toMatch(/corrupt PNG/);
  });
});

describe('downscaling', () => {
  it('brings pages above 300 DPI down to 300 DPI and leaves ordinary pages alone', () => {
    const page = { mediaType: 'image/png', width: 2480, height: 3508 } as const;
    const policy = { targetDpi: 300, maxLongSide: 4200 };
    expect(downscaleFactor(page, policy)).toBe(1);
    expect(downscaleFactor({ ...page, width: 4960, height: 7016, dpi: 600 }, policy)).toBe(0.5);
    // A phone photo that states no resolution is capped by its longest side.
    expect(downscaleFactor({ ...page, width: 6000, height: 8000 }, policy)).toBeCloseTo(0.525);
  });

  it('resizes a PNG in code to a grey PNG of the asked size', async () => {
    const bytes = readFileSync(docs.statement.path);
    const info = readImageInfo(bytes);
    const smaller = await pngResizer(bytes, info, 993, 1404);
    expect(smaller).toBeDefined();
    expect(readImageInfo(smaller ?? new Uint8Array())).toEqual({
      mediaType: 'image/png',
      width: 993,
      height: 1404,
    });
    // JPEG needs a platform decoder, which Node lacks: the resizer declines rather than fails.
    const jpeg = readFileSync(docs.lowResJpeg.path);
    expect(await pngResizer(jpeg, readImageInfo(jpeg), 10, 10)).toBeUndefined();
  });
});

describe('languages', () => {
  it('parses tesseract language lists', () => {
    expect(parseLanguages('eng+tha')).toEqual(['eng', 'tha']);
    expect(parseLanguages('khm')).toEqual(['khm']);
    expect(() => parseLanguages('eng+')).toThrow(/not a language list/);
    expect(() => parseLanguages('../etc/passwd')).toThrow(/not a language code/);
  });

  it('takes the code from a traineddata file name', () => {
    expect(languageCodeFromFileName('/data/khm.traineddata')).toBe('khm');
    expect(languageCodeFromFileName('C:\\lang\\lao.traineddata.gz')).toBe('lao');
    expect(() => languageCodeFromFileName('khm.txt')).toThrow(/must be named/);
  });

  it('accepts real traineddata, compressed or not, and refuses anything else', () => {
    const gz = readFileSync(bundledTraineddataPath('eng'));
    const raw = readTraineddata(gz, 'eng');
    expect(raw.length).toBeGreaterThan(gz.length);
    expect(readTraineddata(raw, 'eng')).toBe(raw);
    expect(() => readTraineddata(new TextEncoder().encode('<html>404</html>'), 'x')).toThrow(
      /x: not a tesseract traineddata file/,
    );
    expect(() => readTraineddata(gzipSync(new Uint8Array(100)), 'z')).toThrow(/not a tesseract/);
    expect(() => readTraineddata(gz.subarray(0, 1000), 'cut')).toThrow(/cut: corrupt gzip/);
  });
});
