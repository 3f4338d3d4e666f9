/**
 * A large seized PDF, written at test time: a few statement pages with a text layer, then a
 * stream object of random bytes as big as the test asks (a scanned bundle's image data does not
 * compress either), then one scanned-style page (a JPEG of printed text) after it, so that
 * reading that page means reading near the end of the file. Written piece by piece to a temp
 * directory: the test process never holds the file either.
 */
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';

export type LargePdf = Readonly<{
  path: string;
  fileName: string;
  size: number;
  pageCount: number;
  /** Lines of each text-layer page, pages 1..n. */
  textPages: ReadonlyArray<readonly string[]>;
  /** The page drawn as an image (no text layer), and the words printed on it. */
  scanPage: number;
  scanText: string;
  /** Deletes the file and its directory. */
  remove: () => void;
}>;

export type LargePdfSpec = Readonly<{
  /** Default seized-statements.pdf. */
  fileName?: string;
  /** Bytes of the random stream object between the text pages and the scanned page. */
  paddingBytes: number;
  textPages: ReadonlyArray<readonly string[]>;
  scanText: string;
}>;

const root = resolve(import.meta.dirname, '..', '..');

/** PDF literal string: only ASCII here, with the three characters that need escaping escaped. */
const literal = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A US Letter page (612 x 792 pt) scanned at 150 DPI: printed text on white, as JPEG. */
function scannedPage(text: string): Buffer {
  GlobalFonts.registerFromPath(
    join(root, 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2'),
    'Scan Latin',
  );
  const canvas = createCanvas(1275, 1650);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 1275, 1650);
  context.fillStyle = '#111111';
  context.font = '44px "Scan Latin"';
  context.fillText(text, 120, 260);
  return canvas.toBuffer('image/jpeg', 90);
}

export function writeLargePdf(spec: LargePdfSpec): LargePdf {
  const dir = mkdtempSync(join(tmpdir(), 'ringtrace-large-pdf-'));
  const fileName = spec.fileName ?? 'seized-statements.pdf';
  const path = join(dir, fileName);
  const fd = openSync(path, 'w');
  let at = 0;
  const offsets: number[] = [];
  const write = (data: string | Uint8Array): void => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    writeSync(fd, bytes);
    at += bytes.length;
  };
  const object = (n: number, body: string | (() => void)): void => {
    offsets[n] = at;
    write(`${n} 0 obj\n`);
    if (typeof body === 'string') write(body);
    else body();
    write('\nendobj\n');
  };
  try {
    const textCount = spec.textPages.length;
    // 1 catalog, 2 pages, 3 font; per text page a page and its content; then padding, the scan
    // page, its image and its content.
    const textPageObj = (i: number) => 4 + 2 * i;
    const padObj = 4 + 2 * textCount;
    const scanPageObj = padObj + 1;
    const imageObj = padObj + 2;
    const scanContentObj = padObj + 3;
    const infoObj = padObj + 4;
    const kids = [...spec.textPages.map((_, i) => textPageObj(i)), scanPageObj];

    write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    object(1, '<< /Type /Catalog /Pages 2 0 R >>');
    object(
      2,
      `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>`,
    );
    object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    spec.textPages.forEach((lines, i) => {
      const content =
        'BT /F1 14 Tf 72 720 Td 18 TL\n' +
        lines.map((l) => `${literal(l)} Tj T*`).join('\n') +
        '\nET';
      object(
        textPageObj(i),
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${textPageObj(i) + 1} 0 R >>`,
      );
      object(textPageObj(i) + 1, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    });
    object(padObj, () => {
      write(`<< /Length ${spec.paddingBytes} >>\nstream\n`);
      const piece = Buffer.alloc(8 * 1024 * 1024);
      for (let left = spec.paddingBytes; left > 0; left -= piece.length) {
        const n = Math.min(left, piece.length);
        randomFillSync(piece, 0, n);
        write(piece.subarray(0, n));
      }
      write('\nendstream');
    });
    const jpeg = scannedPage(spec.scanText);
    const scanContent = 'q 612 0 0 792 0 0 cm /Im1 Do Q';
    object(
      scanPageObj,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 ${imageObj} 0 R >> >> /Contents ${scanContentObj} 0 R >>`,
    );
    object(imageObj, () => {
      write(
        `<< /Type /XObject /Subtype /Image /Width 1275 /Height 1650 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      );
      write(jpeg);
      write('\nendstream');
    });
    object(
      scanContentObj,
      `<< /Length ${scanContent.length} >>\nstream\n${scanContent}\nendstream`,
    );
    object(
      infoObj,
      `<< /Title ${literal('Seized statements (large)')} /Producer (Ringtrace tests) >>`,
    );

    const xrefAt = at;
    const count = infoObj + 1;
    let xref = `xref\n0 ${count}\n0000000000 65535 f\r\n`;
    for (let n = 1; n < count; n++)
      xref += `${String(offsets[n] ?? 0).padStart(10, '0')} 00000 n\r\n`;
    write(xref);
    write(
      `trailer\n<< /Size ${count} /Root 1 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
    );
    return {
      path,
      fileName,
      size: at,
      pageCount: kids.length,
      textPages: spec.textPages,
      scanPage: kids.length,
      scanText: spec.scanText,
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of a file, streamed from disk: computed independently of the app. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 }))
    hash.update(piece as Buffer);
  return hash.digest('hex');
}
