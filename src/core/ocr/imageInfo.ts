/**
 * What an image is and how big, read from its header alone: the engine needs the page size to
 * decide on downscaling and to map word boxes back to the original's pixels, and a file that is
 * not an image it can read must be refused with a message, not handed to the OCR core.
 */
import { OcrInputError } from './errors';

/** The formats tesseract.js decodes itself. TIFF and PDF go through the evidence module. */
export const OCR_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/bmp'] as const;
export type OcrImageType = (typeof OCR_IMAGE_TYPES)[number];

export type ImageInfo = Readonly<{
  mediaType: OcrImageType;
  /** Width and height as the OCR core sees the page, after any EXIF rotation it applies. */
  width: number;
  height: number;
  /** Resolution stated in the file, when it states one (PNG pHYs, JFIF density). */
  dpi?: number;
}>;

const u16be = (b: Uint8Array, o: number): number => ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
const u16le = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, o: number): number => u16be(b, o) * 65536 + u16be(b, o + 2);
const u32le = (b: Uint8Array, o: number): number => u16le(b, o) + u16le(b, o + 2) * 65536;
const i32le = (b: Uint8Array, o: number): number => u32le(b, o) | 0;
const ascii = (b: Uint8Array, o: number, n: number): string =>
  String.fromCharCode(...b.subarray(o, o + n));

/** Names the formats the evidence module, not the OCR engine, should be given. */
function otherKind(b: Uint8Array): string | undefined {
  if (ascii(b, 0, 5) === '%PDF-') return 'PDF';
  if (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*') return 'TIFF';
  if (ascii(b, 0, 4) === 'GIF8') return 'GIF';
  if (ascii(b, 4, 4) === 'ftyp') return 'HEIF/MP4';
  if (ascii(b, 0, 2) === 'PK') return 'ZIP';
  return undefined;
}

function png(b: Uint8Array, name: string): ImageInfo {
  if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') {
    throw new OcrInputError(`${name}: corrupt PNG (no image header)`);
  }
  let dpi: number | undefined;
  // pHYs must come before the first IDAT; walk the chunks until then.
  for (let o = 8; o + 8 <= b.length;) {
    const length = u32be(b, o);
    const type = ascii(b, o + 4, 4);
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'pHYs' && length >= 9 && b[o + 16] === 1) {
      dpi = Math.round(u32be(b, o + 8) * 0.0254);
    }
    o += 12 + length;
  }
  return withDpi({ mediaType: 'image/png', width: u32be(b, 16), height: u32be(b, 20) }, dpi);
}

/** The EXIF orientation as tesseract.js finds it (it reads only a little-endian tag 0x0112). */
function exifOrientation(b: Uint8Array): number {
  const head = Array.from(b.subarray(0, 500)).join(' ');
  const match = /1 18 0 3 0 0 0 1 0 (\d)/.exec(head);
  return match?.[1] ? Number(match[1]) : 1;
}

function jpeg(b: Uint8Array, name: string): ImageInfo {
  let dpi: number | undefined;
  for (let o = 2; o + 4 <= b.length;) {
    if (b[o] !== 0xff) throw new OcrInputError(`${name}: corrupt JPEG (bad marker at ${o})`);
    const marker = b[o + 1] ?? 0;
    if (marker === 0xff) {
      o += 1;
      continue;
    }
    const length = u16be(b, o + 2);
    if (marker === 0xe0 && ascii(b, o + 4, 5) === 'JFIF\0') {
      const unit = b[o + 11];
      const density = u16be(b, o + 12);
      if (unit === 1) dpi = density;
      else if (unit === 2) dpi = Math.round(density * 2.54);
    }
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = u16be(b, o + 5);
      const width = u16be(b, o + 7);
      if (width === 0 || height === 0) throw new OcrInputError(`${name}: corrupt JPEG (size 0)`);
      const swapped = exifOrientation(b) >= 5;
      return withDpi(
        {
          mediaType: 'image/jpeg',
          width: swapped ? height : width,
          height: swapped ? width : height,
        },
        dpi,
      );
    }
    if (marker === 0xda || marker === 0xd9) break;
    o += 2 + length;
  }
  throw new OcrInputError(`${name}: corrupt JPEG (no frame header)`);
}

function webp(b: Uint8Array, name: string): ImageInfo {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) {
    return { mediaType: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = u32le(b, 21);
    return {
      mediaType: 'image/webp',
      width: (bits & 0x3fff) + 1,
      height: ((bits >>> 14) & 0x3fff) + 1,
    };
  }
  if (chunk === 'VP8X' && b.length >= 30) {
    const w = (b[24] ?? 0) | ((b[25] ?? 0) << 8) | ((b[26] ?? 0) << 16);
    const h = (b[27] ?? 0) | ((b[28] ?? 0) << 8) | ((b[29] ?? 0) << 16);
    return { mediaType: 'image/webp', width: w + 1, height: h + 1 };
  }
  throw new OcrInputError(`${name}: corrupt WebP (unknown chunk "${chunk}")`);
}

function bmp(b: Uint8Array, name: string): ImageInfo {
  if (b.length < 26) throw new OcrInputError(`${name}: corrupt BMP (header cut short)`);
  const headerSize = u32le(b, 14);
  if (headerSize === 12) {
    return { mediaType: 'image/bmp', width: u16le(b, 18), height: u16le(b, 20) };
  }
  if (b.length < 30) throw new OcrInputError(`${name}: corrupt BMP (header cut short)`);
  // A negative height means the rows are stored top-down.
  return { mediaType: 'image/bmp', width: i32le(b, 18), height: Math.abs(i32le(b, 22)) };
}

function withDpi(info: ImageInfo, dpi: number | undefined): ImageInfo {
  return dpi !== undefined && dpi > 0 ? { ...info, dpi } : info;
}

/**
 * Identifies a PNG, JPEG, WebP or BMP by its signature and reads its size. Throws OcrInputError
 * naming the file and the problem for anything else, and for headers that make no sense.
 */
export function readImageInfo(bytes: Uint8Array, name = 'image'): ImageInfo {
  if (bytes.length === 0) throw new OcrInputError(`${name}: the file is empty`);
  let info: ImageInfo;
  if (u32be(bytes, 0) === 0x89504e47 && u32be(bytes, 4) === 0x0d0a1a0a) info = png(bytes, name);
  else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) info = jpeg(bytes, name);
  else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    info = webp(bytes, name);
  } else if (ascii(bytes, 0, 2) === 'BM') info = bmp(bytes, name);
  else {
    const other = otherKind(bytes);
    throw new OcrInputError(
      other
        ? `${name}: ${other} is not an image type OCR reads directly (PNG, JPEG, WebP, BMP)`
        : `${name}: unsupported file type (not a PNG, JPEG, WebP or BMP image)`,
    );
  }
  if (!(info.width > 0 && info.height > 0)) {
    throw new OcrInputError(`${name}: corrupt image (size ${info.width}x${info.height})`);
  }
  return info;
}
