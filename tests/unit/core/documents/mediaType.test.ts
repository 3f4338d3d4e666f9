import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkExtension,
  extensionOf,
  identifyFormat,
  sniffMediaType,
} from '../../../../src/core/documents';
import { launchChromium } from './helpers/chromium';
import type { Chromium } from './helpers/chromium';
import { buildBmp, buildMultiPageTiff, concat } from './helpers/imageBytes';

let chromium: Chromium;
beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium.close();
});

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffMediaType', () => {
  it('recognises every supported format from real files', async () => {
    const page = '<p>Sok Dara</p>';
    const tiffLE = buildMultiPageTiff([
      { kind: 'rgb', width: 2, height: 2, dpi: 300, rgb: [0, 0, 0] },
    ]);
    expect(sniffMediaType(await chromium.screenshot(page, 'png'))).toBe('image/png');
    expect(sniffMediaType(await chromium.screenshot(page, 'jpeg'))).toBe('image/jpeg');
    expect(
      sniffMediaType(await chromium.canvasImage('x', 'image/webp', { width: 8, height: 8 })),
    ).toBe('image/webp');
    expect(sniffMediaType(await chromium.pdf(page))).toBe('application/pdf');
    expect(sniffMediaType(buildBmp(2, 2, () => [0, 0, 0]))).toBe('image/bmp');
    expect(sniffMediaType(tiffLE)).toBe('image/tiff');
    expect(sniffMediaType(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('image/tiff');
  });

  it('finds a PDF header behind junk within the first kilobyte, as readers do', () => {
    const junk = new Uint8Array(600).fill(0x20);
    expect(sniffMediaType(concat(junk, text('%PDF-1.4\n')))).toBe('application/pdf');
    expect(sniffMediaType(concat(new Uint8Array(1100), text('%PDF-1.4\n')))).toBeUndefined();
  });

  it('does not take "BM" text for a bitmap', () => {
    expect(sniffMediaType(text('BM is a plain text file about a meeting'))).toBeUndefined();
  });

  it('names formats it does not support', () => {
    expect(identifyFormat(text('GIF89a....'))).toMatchObject({
      supported: false,
      mediaType: 'image/gif',
    });
    const heic = concat(new Uint8Array([0, 0, 0, 24]), text('ftypheic'), new Uint8Array(12));
    expect(identifyFormat(heic)).toMatchObject({ supported: false, mediaType: 'image/heic' });
    expect(identifyFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))?.label).toMatch(/ZIP/);
    expect(sniffMediaType(text('GIF89a....'))).toBeUndefined();
    expect(identifyFormat(text('hello'))).toBeUndefined();
    expect(identifyFormat(new Uint8Array())).toBeUndefined();
  });
});

describe('checkExtension', () => {
  it('compares the name with the content, case-insensitively', () => {
    expect(checkExtension('IMG_1.JPG', 'image/jpeg')).toEqual({
      extension: 'jpg',
      extensionMediaType: 'image/jpeg',
      mismatch: false,
    });
    expect(checkExtension('invoice.pdf', 'image/png').mismatch).toBe(true);
    expect(checkExtension('photo.heic', 'image/jpeg').mismatch).toBe(true);
    expect(checkExtension('dump/file', 'image/png')).toEqual({ extension: '', mismatch: false });
  });

  it('takes the extension of the last path segment only', () => {
    expect(extensionOf('case.2024/IMG_1')).toBe('');
    expect(extensionOf('C:\\seized\\ledger.Tiff')).toBe('tiff');
    expect(extensionOf('.hidden')).toBe('');
  });
});
