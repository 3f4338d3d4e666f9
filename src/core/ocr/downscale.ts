/**
 * Downscaling before recognition. A 600-DPI scan or a 48-megapixel phone photo gains nothing
 * over 300 DPI for OCR, but costs the worker four times the memory and time; so pages are
 * brought down to about 300 DPI first, and word boxes are mapped back to the original's pixels.
 */
import { unzlibSync, zlibSync } from 'fflate';
import { OcrInputError } from './errors';
import type { ImageInfo } from './imageInfo';
import { crc32 } from '../checksum';
import { MAX_OCR_LONG_EDGE, OCR_TARGET_DPI } from '../documents/downscale';

export type DownscalePolicy = Readonly<{
  /** Resolution to bring pages down to when the file states a higher one. */
  targetDpi: number;
  /**
   * Longest side, in pixels, for files that state no resolution: 300 DPI over 14 inches (US
   * legal; A4 is 11.7), so a full page at 300 DPI is never touched.
   */
  maxLongSide: number;
}>;

/** The one rule for page size before OCR (core/documents/downscale.ts): 300 DPI, 4,200 px. */
export const DEFAULT_DOWNSCALE: DownscalePolicy = {
  targetDpi: OCR_TARGET_DPI,
  maxLongSide: MAX_OCR_LONG_EDGE,
};

/** The factor (<= 1) to apply to a page before recognition. */
export function downscaleFactor(
  info: Readonly<{ width: number; height: number; dpi?: number }>,
  policy: DownscalePolicy,
): number {
  const byDpi =
    info.dpi !== undefined && info.dpi > policy.targetDpi ? policy.targetDpi / info.dpi : 1;
  const bySize = Math.min(1, policy.maxLongSide / Math.max(info.width, info.height));
  const factor = Math.min(byDpi, bySize);
  // Within 5% of full size the saving is not worth a decode and re-encode.
  return factor > 0.95 ? 1 : factor;
}

/** Turns an image into a smaller PNG, or answers undefined when it cannot decode that type. */
export type ImageResizer = (
  bytes: Uint8Array,
  info: ImageInfo,
  width: number,
  height: number,
) => Promise<Uint8Array | undefined>;

/**
 * Resizes with the platform's image decoder (createImageBitmap and OffscreenCanvas), present in
 * browsers, Electron's renderer and web workers; answers undefined elsewhere (Node).
 */
export const canvasResizer: ImageResizer = async (bytes, info, width, height) => {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    return undefined;
  }
  // Image bytes are never in a SharedArrayBuffer, which is all the narrower type rules out.
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.mediaType });
  const bitmap = await createImageBitmap(blob, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    bitmap.close();
  }
};

/**
 * Resizes PNGs in plain TypeScript, for Node where no image decoder is at hand: decodes to grey
 * (tesseract binarises anyway, and grey is a quarter of the memory of RGBA), averages each
 * target pixel's source area, and writes a grey PNG.
 */
export const pngResizer: ImageResizer = (bytes, info, width, height) => {
  if (info.mediaType !== 'image/png') return Promise.resolve(undefined);
  const source = decodePngGrey(bytes);
  return Promise.resolve(encodePngGrey(areaAverage(source, width, height), width, height));
};

export type Grey = Readonly<{ width: number; height: number; pixels: Uint8Array }>;

const u32 = (b: Uint8Array, o: number): number =>
  (((b[o] ?? 0) << 24) + ((b[o + 1] ?? 0) << 16) + ((b[o + 2] ?? 0) << 8) + (b[o + 3] ?? 0)) >>> 0;

function decodePngGrey(b: Uint8Array): Grey {
  const width = u32(b, 16);
  const height = u32(b, 20);
  const depth = b[24] ?? 0;
  const colour = b[25] ?? 0;
  if (b[28] !== 0) throw new OcrInputError('interlaced PNGs are not downscaled');
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (channels === undefined || (depth !== 8 && depth !== 16 && !(colour === 3 && depth <= 8))) {
    throw new OcrInputError(`PNG colour type ${colour} at depth ${depth} is not downscaled`);
  }
  const idat: Uint8Array[] = [];
  let palette: Uint8Array | undefined;
  for (let o = 8; o + 8 <= b.length;) {
    const length = u32(b, o);
    const type = String.fromCharCode(...b.subarray(o + 4, o + 8));
    if (type === 'IDAT') idat.push(b.subarray(o + 8, o + 8 + length));
    if (type === 'PLTE') palette = b.subarray(o + 8, o + 8 + length);
    if (type === 'IEND') break;
    o += 12 + length;
  }
  const joined = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  idat.reduce((at, c) => (joined.set(c, at), at + c.length), 0);
  const raw = unzlibSync(joined);
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  if (raw.length < (stride + 1) * height) throw new OcrInputError('corrupt PNG (data cut short)');
  const pixels = new Uint8Array(width * height);
  let prior = new Uint8Array(stride);
  let line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const input = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    unfilter(filter, input, line, prior, bpp);
    greyLine(line, pixels, y * width, width, colour, depth, palette ?? new Uint8Array(0));
    [prior, line] = [line, prior];
  }
  return { width, height, pixels };
}

function unfilter(f: number, src: Uint8Array, out: Uint8Array, up: Uint8Array, bpp: number): void {
  for (let i = 0; i < src.length; i++) {
    const a = i >= bpp ? (out[i - bpp] ?? 0) : 0;
    const b = up[i] ?? 0;
    const c = i >= bpp ? (up[i - bpp] ?? 0) : 0;
    let predictor = 0;
    if (f === 1) predictor = a;
    else if (f === 2) predictor = b;
    else if (f === 3) predictor = (a + b) >> 1;
    else if (f === 4) {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    } else if (f !== 0) throw new OcrInputError(`corrupt PNG (filter type ${f})`);
    out[i] = ((src[i] ?? 0) + predictor) & 0xff;
  }
}

/** Converts one unfiltered scanline to grey. No closures per pixel: this runs for every one. */
function greyLine(
  line: Uint8Array,
  out: Uint8Array,
  at: number,
  width: number,
  colour: number,
  depth: number,
  palette: Uint8Array,
): void {
  if (colour === 3) {
    const perByte = 8 / depth;
    const mask = (1 << depth) - 1;
    for (let x = 0; x < width; x++) {
      const byte = line[Math.floor(x / perByte)] ?? 0;
      const index = (byte >> ((perByte - 1 - (x % perByte)) * depth)) & mask;
      out[at + x] = luma(
        palette[index * 3] ?? 0,
        palette[index * 3 + 1] ?? 0,
        palette[index * 3 + 2] ?? 0,
      );
    }
    return;
  }
  // Only the high byte of 16-bit samples matters for 8-bit grey output.
  const bytes = depth / 8;
  const channels = colour === 0 ? 1 : colour === 4 ? 2 : colour === 2 ? 3 : 4;
  const step = channels * bytes;
  for (let x = 0, i = 0; x < width; x++, i += step) {
    const first = line[i] ?? 0;
    let v: number;
    if (colour === 0) v = first;
    else if (colour === 4) v = blendWhite(first, line[i + bytes] ?? 0);
    else {
      v = luma(first, line[i + bytes] ?? 0, line[i + 2 * bytes] ?? 0);
      if (colour === 6) v = blendWhite(v, line[i + 3 * bytes] ?? 0);
    }
    out[at + x] = v;
  }
}

const luma = (r: number, g: number, b: number): number =>
  ((r * 299 + g * 587 + b * 114 + 500) / 1000) | 0;
// Transparent parts of a screenshot are paper, not ink: composite over white.
const blendWhite = (v: number, alpha: number): number =>
  ((v * alpha + 255 * (255 - alpha)) / 255) | 0;

/** Grey (luma, composited over white) from RGBA pixels, as pngResizer makes from a PNG. */
export function greyFromRgba(
  rgba: Readonly<{ data: ArrayLike<number>; width: number; height: number }>,
): Grey {
  const { data, width, height } = rgba;
  const pixels = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < pixels.length; i += 4, j++) {
    pixels[j] = blendWhite(
      luma(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0),
      data[i + 3] ?? 0,
    );
  }
  return { width, height, pixels };
}

/**
 * A grey page as a binary PGM (P5): a header and the pixels as they are. Leptonica reads it
 * with no decompression, so the worker spends its time recognising, not decoding.
 */
export function encodePgm(grey: Grey): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${grey.width} ${grey.height}\n255\n`);
  const out = new Uint8Array(header.length + grey.pixels.length);
  out.set(header);
  out.set(grey.pixels, header.length);
  return out;
}

/** Brings a grey image to width x height, each target pixel the mean of its source area. */
export function areaAverage(src: Grey, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(src.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(src.width, Math.floor((x + 1) * sx)));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) {
        const row = yy * src.width;
        for (let xx = x0; xx < x1; xx++) sum += src.pixels[row + xx] ?? 0;
      }
      out[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function encodePngGrey(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const parts = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 3 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}
