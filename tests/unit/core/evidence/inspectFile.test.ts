import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  IntakeError,
  MAX_OCR_LONG_EDGE,
  PHOTO_METADATA_KEYS,
  PDF_METADATA_KEYS,
  inspectFile,
} from '../../../../src/core/evidence';
import type { IntakeProgress, IntakeReport } from '../../../../src/core/evidence';
import { launchChromium } from './helpers/chromium';
import {
  buildBmp,
  buildMultiPageTiff,
  jpegWithExif,
  pngWithClaimedSize,
} from './helpers/imageBytes';

const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const chromium = await launchChromium();
  try {
    const page =
      '<body style="font-size:24px;background:#fff"><p>Chan Vanna +855 12 345 678</p></body>';
    files.png = await chromium.screenshot(page, 'png', { width: 5000, height: 300 });
    files.jpeg = jpegWithExif(
      await chromium.screenshot(page, 'jpeg', { width: 600, height: 200 }),
      {
        make: 'OPPO',
        model: 'CPH2239',
        dateTimeOriginal: '2024:02:29 23:59:58',
        latitude: 11.5564,
        longitude: 104.9282,
      },
    );
    files.webp = await chromium.canvasImage(
      'Koh Kong',
      'image/webp',
      { width: 320, height: 100 },
      0.8,
    );
    files.pdf = await chromium.pdf(
      `<title>Chat export</title><p style="font-size:16px">Pick up at Poipet 06:00</p>
       <div style="page-break-before:always"><canvas id="c" width="300" height="80"></canvas></div>
       <script>const x = document.getElementById('c').getContext('2d'); x.font = '40px serif'; x.fillText('stamp', 10, 60);</script>`,
    );
  } finally {
    await chromium.close();
  }
  files.bmp = buildBmp(120, 60, (x, y) => ((x + y) % 2 === 0 ? [0, 0, 0] : [255, 255, 255]), 600);
  files.tiff = buildMultiPageTiff([
    { kind: 'fax', width: 1728, height: 1078, dpiX: 204, dpiY: 98, blackRows: 10 },
    { kind: 'fax', width: 1728, height: 1078, dpiX: 204, dpiY: 98, blackRows: 20 },
  ]);
});

const file = (bytes: Uint8Array | undefined) => new Blob([(bytes ?? new Uint8Array()).slice()]);
const sha256 = (bytes: Uint8Array | undefined) =>
  createHash('sha256')
    .update(bytes ?? new Uint8Array())
    .digest('hex');

async function refused(name: string, bytes: Uint8Array): Promise<IntakeError> {
  const error = await inspectFile(name, file(bytes)).catch((e: unknown) => e);
  if (error instanceof IntakeError) return error;
  throw new Error(`expected an IntakeError for ${name}, got ${String(error)}`);
}

describe('inspectFile takes in each supported format', () => {
  it('a PNG screenshot: hash, size, one page to OCR within the long-edge cap', async () => {
    const report = await inspectFile('screenshot.png', file(files.png));
    expect(report).toMatchObject({
      fileName: 'screenshot.png',
      mediaType: 'image/png',
      size: files.png?.length,
      sha256: sha256(files.png),
      pageCount: 1,
      warnings: [],
      extension: { extension: 'png', extensionMediaType: 'image/png', mismatch: false },
    });
    expect(report.pages[0]).toMatchObject({
      kind: 'image',
      width: 5000,
      height: 300,
      needsOcr: true,
      ocrSize: { width: MAX_OCR_LONG_EDGE, height: 252, reason: 'long-edge' },
    });
  });

  it('a JPEG photo with its EXIF time, device and position', async () => {
    const report = await inspectFile('IMG_20240229.jpg', file(files.jpeg));
    expect(report.mediaType).toBe('image/jpeg');
    expect(report.metadata).toMatchObject({
      [PHOTO_METADATA_KEYS.taken]: '2024-02-29T23:59:58',
      [PHOTO_METADATA_KEYS.device]: 'OPPO CPH2239',
      [PHOTO_METADATA_KEYS.position]: '11.556400, 104.928200',
    });
  });

  it('WebP and BMP', async () => {
    const webp = await inspectFile('sticker.webp', file(files.webp));
    expect([webp.mediaType, webp.pages[0]?.width, webp.pages[0]?.height]).toEqual([
      'image/webp',
      320,
      100,
    ]);
    const bmp = await inspectFile('scan.bmp', file(files.bmp));
    expect(bmp.mediaType).toBe('image/bmp');
    expect(bmp.pages[0]).toMatchObject({
      dpi: { x: 600, y: 600 },
      ocrSize: { width: 60, height: 30 },
    });
  });

  it('a two-page fax TIFF, each page planned with square pixels', async () => {
    const report = await inspectFile('fax.tif', file(files.tiff));
    expect(report.pageCount).toBe(2);
    expect(
      report.pages.map((p) =>
        p.kind === 'image' ? [p.number, p.ocrSize.width, p.ocrSize.height] : [],
      ),
    ).toEqual([
      [1, 1728, 2244],
      [2, 1728, 2244],
    ]);
  });

  it('a PDF: text layer on page 1, OCR needed on page 2, document information, progress', async () => {
    const progress: IntakeProgress[] = [];
    const report: IntakeReport = await inspectFile('chat.pdf', file(files.pdf), {
      onProgress: (p) => progress.push(p),
    });
    expect(report.mediaType).toBe('application/pdf');
    expect(report.metadata[PDF_METADATA_KEYS.title]).toBe('Chat export');
    expect(report.pages.map((p) => p.needsOcr)).toEqual([false, true]);
    const first = report.pages[0];
    expect(first?.kind === 'pdf' && !first.needsOcr ? first.text.text : '').toBe(
      'Pick up at Poipet 06:00',
    );
    expect(progress.filter((p) => p.phase === 'parse')).toEqual([
      { phase: 'parse', done: 1, total: 2 },
      { phase: 'parse', done: 2, total: 2 },
    ]);
    expect(progress.find((p) => p.phase === 'hash')?.total).toBe(files.pdf?.length);
    expect(report.warnings).toEqual([]);
  });

  it('reports, without refusing, a name that says another type', async () => {
    const report = await inspectFile('receipt.jpg', file(files.png));
    expect(report.mediaType).toBe('image/png');
    expect(report.extension).toEqual({
      extension: 'jpg',
      extensionMediaType: 'image/jpeg',
      mismatch: true,
    });
    expect(report.warnings).toEqual([
      {
        code: 'extension-mismatch',
        message:
          'receipt.jpg: the name says .jpg (image/jpeg) but the content is a PNG image (image/png)',
      },
    ]);
  });

  it('does not call a missing or meaningless extension a mismatch', async () => {
    for (const name of ['IMG_0042', 'blob.dat']) {
      const report = await inspectFile(name, file(files.jpeg));
      expect(report.extension.mismatch).toBe(false);
      expect(report.warnings).toEqual([]);
    }
  });
});

describe('inspectFile refuses with a typed error naming the file', () => {
  it('a zero-byte file', async () => {
    const error = await refused('empty.jpg', new Uint8Array());
    expect([error.code, error.message]).toEqual([
      'empty',
      'empty.jpg: the file is empty (0 bytes)',
    ]);
  });

  it('a format it does not read, saying which', async () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;');
    const error = await refused('animation.png', gif);
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toMatch(/^animation\.png: it is a GIF image, which intake does not read/);
    const text = await refused('notes.txt', new TextEncoder().encode('meet at 6'));
    expect(text.message).toMatch(/^notes\.txt: its content is not a format intake reads/);
  });

  it('a truncated photo', async () => {
    const jpeg = files.jpeg ?? new Uint8Array();
    const error = await refused('IMG_0001.jpg', jpeg.subarray(0, jpeg.length - 200));
    expect(error.code).toBe('truncated');
    expect(error.fileName).toBe('IMG_0001.jpg');
  });

  it('an image whose header claims 100000 x 100000 pixels', async () => {
    const error = await refused(
      'bomb.png',
      pngWithClaimedSize(files.png ?? new Uint8Array(), 100_000, 100_000),
    );
    expect(error.code).toBe('too-many-pixels');
  });

  it('a password-protected PDF', async () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('../../../fixtures/evidence/password-protected.pdf', import.meta.url)),
    );
    const error = await refused('contract.pdf', bytes);
    expect(error.code).toBe('password-protected');
  });

  it('a PDF cut short', async () => {
    const pdf = files.pdf ?? new Uint8Array();
    for (const keep of [0.3, 0.9]) {
      const error = await refused('cut.pdf', pdf.subarray(0, Math.floor(pdf.length * keep)));
      expect(error.code).toBe('truncated');
      expect(error.message).toBe(
        'cut.pdf: the PDF ends without its %%EOF marker and cannot be read: it was most likely cut short',
      );
    }
  });

  it('but takes in, with a warning, a readable PDF that lacks only its end marker', async () => {
    const pdf = files.pdf ?? new Uint8Array();
    const end = new TextDecoder('latin1').decode(pdf).lastIndexOf('%%EOF');
    const report = await inspectFile('export.pdf', file(pdf.subarray(0, end)));
    expect(report.pageCount).toBe(2);
    expect(report.warnings.map((w) => w.code)).toEqual(['pdf-end-marker-missing']);
  });

  it('a job the user cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await inspectFile('big.pdf', file(files.pdf), {
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled', fileName: 'big.pdf' });
  });
});
