/**
 * Image headers read without decoding: size, resolution and frame count, and a structural check
 * that catches truncated and corrupt files before OCR wastes minutes on them. The pixel limit is
 * checked on the header's claim, so a 100000 x 100000 "decompression bomb" never gets decoded.
 */
import { OutOfBounds, ascii, crc32, i32le, u16be, u16le, u24le, u32be, u32le, u8 } from './bytes';
import { RangeReader } from './byteSource';
import type { ByteSource } from './byteSource';
import { IntakeError, UNNAMED_FILE } from './errors';
import type { ImageMediaType } from './mediaType';
import { bytesAt, crcOf, lastIndex, parseBytes, parseRanges } from './parse';
import type { Parse } from './parse';
import { TiffStructureError, walkTiff } from './tiffStructure';

/**
 * The most pixels intake accepts for one image or page: 120 MP is a 600 DPI scan of an A2 sheet
 * or a 108 MP phone photo, and still under 0.5 GB as RGBA. Beyond that, decoding would exhaust
 * a renderer's memory.
 */
export const MAX_IMAGE_PIXELS = 120_000_000;

export type Dpi = Readonly<{ x: number; y: number }>;

export type ImageFrame = Readonly<{
  width: number;
  height: number;
  /** Resolution stated in the file (pHYs, JFIF, BMP header, TIFF tags); absent when unstated. */
  dpi?: Dpi;
}>;

export type ImageInfo = Readonly<{
  mediaType: ImageMediaType;
  /** One frame per page: several only for multi-page TIFF. */
  frames: readonly ImageFrame[];
}>;

/** Internal: a structural problem, turned into an IntakeError naming the file at the boundary. */
class Problem extends Error {
  constructor(
    readonly code: 'truncated' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

const truncated = (message: string) => new Problem('truncated', message);
const corrupt = (message: string) => new Problem('corrupt', message);

function checkPixels(frames: readonly ImageFrame[], label: string, fileName: string): void {
  frames.forEach((f, i) => {
    const pixels = f.width * f.height;
    if (pixels > MAX_IMAGE_PIXELS) {
      const where = frames.length > 1 ? `page ${i + 1} of this ${label}` : `this ${label}`;
      throw new IntakeError(
        'too-many-pixels',
        fileName,
        `${where} claims ${f.width} x ${f.height} pixels (${(pixels / 1e6).toFixed(0)} megapixels); ` +
          `intake decodes at most ${MAX_IMAGE_PIXELS / 1e6} megapixels`,
      );
    }
  });
}

/** Dots per inch from a per-metre density, rounded to what scanners state (300, not 299.9994). */
function dpiFromPerMetre(x: number, y: number): Dpi | undefined {
  if (x <= 0 || y <= 0) return undefined;
  return { x: Math.round(x * 0.0254 * 10) / 10, y: Math.round(y * 0.0254 * 10) / 10 };
}

const withDpi = (width: number, height: number, dpi: Dpi | undefined): ImageFrame =>
  dpi === undefined ? { width, height } : { width, height, dpi };

// ---- PNG: chunks with CRCs; IHDR first, IEND last. -------------------------------------------

function* pngHeader(): Parse<ImageFrame> {
  // Signature's end, then IHDR: length, type, 13 bytes of data, CRC.
  const h = yield* bytesAt(8, 25);
  if (u32be(h, 0) !== 13 || ascii(h, 4, 4) !== 'IHDR') throw corrupt('the PNG has no IHDR header');
  if (crc32(h, 4, 21) !== u32be(h, 21)) throw corrupt('the PNG header fails its checksum');
  const width = u32be(h, 8);
  const height = u32be(h, 12);
  if (width === 0 || height === 0) throw corrupt('the PNG header says the image is empty');
  return { width, height };
}

function* pngRest(size: number, header: ImageFrame): Parse<ImageFrame> {
  let at = 8;
  let dpi: Dpi | undefined;
  let sawData = false;
  for (;;) {
    if (at + 12 > size) throw truncated(`the PNG ends at byte ${size} without its IEND chunk`);
    const head = yield* bytesAt(at, 8);
    const length = u32be(head, 0);
    const type = ascii(head, 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw corrupt(`the PNG has a broken chunk at byte ${at}`);
    const end = at + 8 + length;
    if (end + 4 > size)
      throw truncated(`the PNG's ${type} chunk runs past the end of the file (byte ${size})`);
    // The CRC of a 400 MB IDAT chunk is computed over ranges read in turn, never held whole.
    const stated = u32be(yield* bytesAt(end, 4), 0);
    if ((yield* crcOf(at + 4, end)) !== stated)
      throw corrupt(`the PNG's ${type} chunk at byte ${at} fails its checksum`);
    if (type === 'pHYs' && length === 9) {
      const p = yield* bytesAt(at + 8, 9);
      if (u8(p, 8) === 1) dpi = dpiFromPerMetre(u32be(p, 0), u32be(p, 4));
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') break;
    at = end + 4;
  }
  if (!sawData) throw corrupt('the PNG has no image data');
  return withDpi(header.width, header.height, dpi);
}

// ---- JPEG: marker segments up to the scan, then an EOI after it. ------------------------------

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

type JpegHead = { frame?: ImageFrame; jfifDpi?: Dpi; scanAt: number };

function* byteAt(at: number): Parse<number> {
  return u8(yield* bytesAt(at, 1), 0);
}

function* jpegHead(size: number): Parse<JpegHead> {
  let at = 2;
  let frame: ImageFrame | undefined;
  let jfifDpi: Dpi | undefined;
  for (;;) {
    if (at >= size) throw truncated('the JPEG ends before its image data');
    if ((yield* byteAt(at)) !== 0xff) throw corrupt(`the JPEG has a broken marker at byte ${at}`);
    let marker = yield* byteAt(at + 1);
    while (marker === 0xff) marker = yield* byteAt(++at + 1); // fill bytes
    if (marker === 0xd8 || marker === 0xd9 || marker === 0x00)
      throw corrupt(`the JPEG has a misplaced marker at byte ${at}`);
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(yield* bytesAt(at + 2, 2), 0);
    if (length < 2) throw corrupt(`the JPEG has a segment of impossible length at byte ${at}`);
    if (at + 2 + length > size) throw truncated('the JPEG ends inside a header segment');
    if (SOF.has(marker)) {
      const s = yield* bytesAt(at, Math.min(9, 2 + length));
      const height = u16be(s, 5);
      const width = u16be(s, 7);
      if (width === 0 || height === 0)
        throw corrupt(`the JPEG frame header says ${width} x ${height} pixels`);
      frame = { width, height };
    } else if (marker === 0xe0 && length >= 16) {
      const s = yield* bytesAt(at, 16);
      if (ascii(s, 4, 5) === 'JFIF\0') {
        const units = u8(s, 11);
        const x = u16be(s, 12);
        const y = u16be(s, 14);
        if (x > 0 && y > 0 && units === 1) jfifDpi = { x, y };
        if (x > 0 && y > 0 && units === 2) jfifDpi = { x: x * 2.54, y: y * 2.54 };
      }
    }
    if (marker === 0xda)
      return { ...(frame && { frame }), ...(jfifDpi && { jfifDpi }), scanAt: at };
    at += 2 + length;
  }
}

function* jpegRest(head: JpegHead): Parse<ImageFrame> {
  if (head.frame === undefined) throw corrupt('the JPEG has image data but no frame header');
  // In entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so FF D9 after the
  // scan start can only be the end-of-image marker. Data appended after it (motion photos,
  // vendor trailers) is allowed; a file cut short has no EOI at all. The search runs backwards
  // from the end, so a whole file is one read of its last megabyte.
  if ((yield* lastIndex([0xff, 0xd9], head.scanAt)) < 0)
    throw truncated('the JPEG image data stops before its end-of-image marker');
  return withDpi(head.frame.width, head.frame.height, head.jfifDpi);
}

// ---- WebP: a RIFF container whose first chunk says lossy, lossless or extended. --------------

function* webpHeader(size: number): Parse<ImageFrame> {
  // Every header field lies in the first 30 bytes; a shorter file fails on the field it lacks.
  const b = yield* bytesAt(0, Math.min(30, size));
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > size)
    throw truncated(`the WebP says it is ${riffEnd} bytes long but the file has ${size}`);
  const kind = ascii(b, 12, 4);
  const data = 20;
  if (kind === 'VP8X') return { width: 1 + u24le(b, data + 4), height: 1 + u24le(b, data + 7) };
  if (kind === 'VP8L') {
    if (u8(b, data) !== 0x2f) throw corrupt('the lossless WebP has a bad signature');
    const bits = u32le(b, data + 1);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (kind === 'VP8 ') {
    if (u8(b, data + 3) !== 0x9d || u8(b, data + 4) !== 0x01 || u8(b, data + 5) !== 0x2a)
      throw corrupt('the lossy WebP has a bad start code');
    return { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff };
  }
  throw corrupt(`the WebP starts with an unknown chunk "${kind}"`);
}

function* webpRest(header: ImageFrame): Parse<ImageFrame> {
  const riffEnd = 8 + u32le(yield* bytesAt(0, 8), 4);
  let at = 12;
  let sawImage = false;
  while (at + 8 <= riffEnd) {
    const head = yield* bytesAt(at, 8);
    const type = ascii(head, 0, 4);
    const size = u32le(head, 4);
    const end = at + 8 + size + (size & 1);
    if (at + 8 + size > riffEnd) throw truncated(`the WebP's ${type} chunk runs past its end`);
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') sawImage = true;
    at = end;
  }
  if (!sawImage) throw corrupt('the WebP has no image data');
  return header;
}

// ---- BMP: header sizes must agree with the file's length. ------------------------------------

type BmpHeader = ImageFrame & {
  declared: number;
  rowBytes: number;
  pixelsAt: number;
  compressed: number;
};

function* bmpHeader(size: number): Parse<BmpHeader> {
  // File header and the largest field read (the resolution at 42-45) fit in 46 bytes.
  const b = yield* bytesAt(0, Math.min(46, size));
  const dib = u32le(b, 14);
  const core = dib === 12;
  const width = core ? u16le(b, 18) : i32le(b, 18);
  const rawHeight = core ? u16le(b, 20) : i32le(b, 22);
  const bpp = core ? u16le(b, 24) : u16le(b, 28);
  const compressed = core ? 0 : u32le(b, 30);
  const height = Math.abs(rawHeight); // negative height means rows stored top-down
  if (width <= 0 || height === 0)
    throw corrupt(`the BMP header says ${width} x ${rawHeight} pixels`);
  if (![1, 4, 8, 16, 24, 32].includes(bpp))
    throw corrupt(`the BMP header says ${bpp} bits per pixel`);
  const dpi = core ? undefined : dpiFromPerMetre(i32le(b, 38), i32le(b, 42));
  return {
    ...withDpi(width, height, dpi),
    declared: u32le(b, 2),
    rowBytes: Math.floor((bpp * width + 31) / 32) * 4,
    pixelsAt: u32le(b, 10),
    compressed,
  };
}

function bmpRest(size: number, h: BmpHeader): ImageFrame {
  if (h.declared > size)
    throw truncated(`the BMP says it is ${h.declared} bytes long but the file has ${size}`);
  // Only uncompressed rows have a size known from the header; RLE data is checked by its decoder.
  const uncompressed = h.compressed === 0 || h.compressed === 3 || h.compressed === 6;
  const needed = h.pixelsAt + (uncompressed ? h.rowBytes * h.height : 1);
  if (needed > size)
    throw truncated(`the BMP's pixel rows need ${needed} bytes but the file has ${size}`);
  return withDpi(h.width, h.height, h.dpi);
}

// ---- TIFF: directory chain (see tiffStructure.ts). --------------------------------------------

function* tiffFrames(size: number): Parse<ImageFrame[]> {
  try {
    return (yield* walkTiff(size)).map((p) => withDpi(p.width, p.height, p.dpi));
  } catch (error) {
    if (error instanceof TiffStructureError)
      throw new Problem(error.kind, `the TIFF: ${error.message}`);
    throw error;
  }
}

/** The header first, the pixel limit on its claim, then the structure end to end. */
function* imageInfo(
  size: number,
  mediaType: ImageMediaType,
  label: string,
  fileName: string,
): Parse<ImageInfo> {
  let frames: ImageFrame[];
  switch (mediaType) {
    case 'image/png': {
      const header = yield* pngHeader();
      checkPixels([header], label, fileName);
      frames = [yield* pngRest(size, header)];
      break;
    }
    case 'image/jpeg': {
      const head = yield* jpegHead(size);
      if (head.frame) checkPixels([head.frame], label, fileName);
      frames = [yield* jpegRest(head)];
      break;
    }
    case 'image/webp': {
      const header = yield* webpHeader(size);
      checkPixels([header], label, fileName);
      frames = [yield* webpRest(header)];
      break;
    }
    case 'image/bmp': {
      const header = yield* bmpHeader(size);
      checkPixels([header], label, fileName);
      frames = [bmpRest(size, header)];
      break;
    }
    case 'image/tiff':
      frames = yield* tiffFrames(size);
      checkPixels(frames, label, fileName);
      break;
  }
  return { mediaType, frames };
}

function asIntakeError(error: unknown, label: string, fileName: string): unknown {
  if (error instanceof Problem) return new IntakeError(error.code, fileName, error.message);
  if (error instanceof OutOfBounds)
    return new IntakeError('truncated', fileName, `the ${label} file ends inside its header`);
  return error;
}

const labelOf = (mediaType: ImageMediaType) => mediaType.slice('image/'.length).toUpperCase();

/**
 * Reads an image's header, refuses it when it claims more than MAX_IMAGE_PIXELS, then checks
 * its structure end to end. Throws IntakeError ('truncated', 'corrupt', 'too-many-pixels').
 */
export function readImageInfo(
  bytes: Uint8Array,
  mediaType: ImageMediaType,
  fileName: string = UNNAMED_FILE,
): ImageInfo {
  const label = labelOf(mediaType);
  try {
    return parseBytes(imageInfo(bytes.length, mediaType, label, fileName), bytes);
  } catch (error) {
    throw asIntakeError(error, label, fileName);
  }
}

/**
 * readImageInfo over ranges of a file that is not in memory: the header fields, chunk and
 * segment headers and directories are read where they lie, and checksums and the end-of-image
 * search go through the file a megabyte at a time.
 */
export async function readImageInfoFrom(
  source: ByteSource,
  mediaType: ImageMediaType,
  fileName: string = UNNAMED_FILE,
): Promise<ImageInfo> {
  const label = labelOf(mediaType);
  try {
    return await parseRanges(
      imageInfo(source.size, mediaType, label, fileName),
      new RangeReader(source),
    );
  } catch (error) {
    throw asIntakeError(error, label, fileName);
  }
}
