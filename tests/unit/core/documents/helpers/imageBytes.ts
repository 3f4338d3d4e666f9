/**
 * Byte-level builders for the evidence tests: files the browser cannot make (BMP, multi-page
 * TIFF, JPEG with EXIF) and damaged copies of real files. Written from the format specifications
 * independently of the code under test, so the two check each other.
 */
import UTIF from 'utif2';

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A copy with byte `at` inverted. */
export function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

const be32 = (v: number) => new Uint8Array([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat(new TextEncoder().encode(type), data);
  return concat(be32(data.length), typed, be32(crc32(typed)));
}

/** A copy of a PNG whose IHDR claims another size, with a valid checksum (a "PNG bomb"). */
export function pngWithClaimedSize(png: Uint8Array, width: number, height: number): Uint8Array {
  const copy = png.slice();
  copy.set(be32(width), 16);
  copy.set(be32(height), 20);
  copy.set(be32(crc32(copy.subarray(12, 29))), 29);
  return copy;
}

/** A copy of a PNG with a pHYs chunk stating `dpi` dots per inch, after IHDR. */
export function pngWithDpi(png: Uint8Array, dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const phys = pngChunk('pHYs', concat(be32(perMetre), be32(perMetre), new Uint8Array([1])));
  return concat(png.subarray(0, 33), phys, png.subarray(33));
}

/** An uncompressed 24-bit BMP, bottom-up, with a resolution of `dpi`. */
export function buildBmp(
  width: number,
  height: number,
  rgbAt: (x: number, y: number) => readonly [number, number, number],
  dpi = 300,
): Uint8Array {
  const rowBytes = Math.floor((24 * width + 31) / 32) * 4;
  const size = 54 + rowBytes * height;
  const b = new Uint8Array(size);
  const v = new DataView(b.buffer);
  b.set([0x42, 0x4d]);
  v.setUint32(2, size, true);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, width, true);
  v.setInt32(22, height, true);
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  v.setUint32(34, rowBytes * height, true);
  v.setInt32(38, Math.round(dpi / 0.0254), true);
  v.setInt32(42, Math.round(dpi / 0.0254), true);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, bl] = rgbAt(x, y);
      const at = 54 + (height - 1 - y) * rowBytes + x * 3;
      b[at] = bl;
      b[at + 1] = g;
      b[at + 2] = r;
    }
  return b;
}

export type TiffTestPage =
  | Readonly<{
      kind: 'rgb';
      width: number;
      height: number;
      dpi: number;
      rgb: readonly [number, number, number];
    }>
  /** 1 bit per pixel, WhiteIsZero, with different x and y resolution, as fax machines write. */
  | Readonly<{
      kind: 'fax';
      width: number;
      height: number;
      dpiX: number;
      dpiY: number;
      blackRows: number;
    }>;

/** A multi-page, uncompressed TIFF made with utif2's IFD writer. */
export function buildMultiPageTiff(pages: readonly TiffTestPage[]): Uint8Array {
  const pixels = pages.map((p) => {
    if (p.kind === 'rgb') {
      const data = new Uint8Array(p.width * p.height * 3);
      for (let i = 0; i < data.length; i += 3) data.set(p.rgb, i);
      return data;
    }
    const rowBytes = Math.ceil(p.width / 8);
    const data = new Uint8Array(rowBytes * p.height);
    data.fill(0xff, 0, rowBytes * p.blackRows); // WhiteIsZero: set bits are black
    return data;
  });
  const ifds = (offsets: readonly number[]) =>
    pages.map((p, i) => {
      const common = {
        t256: [p.width],
        t257: [p.height],
        t259: [1],
        t273: [offsets[i] ?? 0],
        t278: [p.height],
        t279: [pixels[i]?.length ?? 0],
        t296: [2],
      };
      return p.kind === 'rgb'
        ? {
            ...common,
            t258: [8, 8, 8],
            t262: [2],
            t277: [3],
            t282: [[p.dpi, 1]],
            t283: [[p.dpi, 1]],
          }
        : { ...common, t258: [1], t262: [0], t277: [1], t282: [[p.dpiX, 1]], t283: [[p.dpiY, 1]] };
    });
  // The directories' length does not depend on the offsets' values: encode once to measure.
  const encode = (o: readonly number[]) =>
    new Uint8Array(UTIF.encode(ifds(o) as unknown as UTIF.IFD[]));
  const headerLength = encode(pages.map(() => 0)).length;
  const offsets: number[] = [];
  let at = headerLength;
  for (const data of pixels) {
    offsets.push(at);
    at += data.length;
  }
  return concat(encode(offsets), ...pixels);
}

// ---- EXIF (TIFF structure inside a JPEG APP1 segment) ------------------------------------------

type Entry = Readonly<{ tag: number; type: 1 | 2 | 3 | 4 | 5; values: readonly number[] | string }>;

const ascii = (tag: number, text: string): Entry => ({ tag, type: 2, values: text });
const rationals = (tag: number, values: readonly number[]): Entry => ({ tag, type: 5, values });

function ifdSize(entries: readonly Entry[]): number {
  let size = 2 + entries.length * 12 + 4;
  for (const e of entries) {
    const n = valueBytes(e).length;
    if (n > 4) size += n + (n & 1);
  }
  return size;
}

function valueBytes(e: Entry): Uint8Array {
  if (e.type === 2) return new TextEncoder().encode(`${e.values as string}\0`);
  const nums = e.values as readonly number[];
  const width = { 1: 1, 3: 2, 4: 4, 5: 8 }[e.type];
  const out = new Uint8Array(nums.length * width);
  const v = new DataView(out.buffer);
  nums.forEach((n, i) => {
    if (e.type === 1) v.setUint8(i, n);
    else if (e.type === 3) v.setUint16(i * 2, n);
    else if (e.type === 4) v.setUint32(i * 4, n);
    else {
      // Rationals with a denominator of 10000 keep four decimals, as cameras write seconds.
      v.setUint32(i * 8, Math.round(n * 10000));
      v.setUint32(i * 8 + 4, 10000);
    }
  });
  return out;
}

/** Writes one big-endian IFD at `offset` (relative to the TIFF header) into `out`. */
function writeIfd(out: DataView, offset: number, entries: readonly Entry[]): void {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  out.setUint16(offset, sorted.length);
  let data = offset + 2 + sorted.length * 12 + 4;
  sorted.forEach((e, i) => {
    const at = offset + 2 + i * 12;
    const bytes = valueBytes(e);
    out.setUint16(at, e.tag);
    out.setUint16(at + 2, e.type);
    out.setUint32(at + 4, e.type === 2 ? bytes.length : (e.values as readonly number[]).length);
    const target = bytes.length > 4 ? data : at + 8;
    if (bytes.length > 4) {
      out.setUint32(at + 8, data);
      data += bytes.length + (bytes.length & 1);
    }
    bytes.forEach((b, k) => out.setUint8(target + k, b));
  });
  out.setUint32(offset + 2 + sorted.length * 12, 0);
}

export type ExifFields = Readonly<{
  make: string;
  model: string;
  /** "YYYY:MM:DD HH:MM:SS" as cameras write it. */
  dateTimeOriginal: string;
  offsetTimeOriginal?: string;
  latitude: number;
  longitude: number;
  altitude?: number;
  gpsDate?: string;
  gpsTime?: readonly [number, number, number];
  serialNumber?: string;
}>;

function dms(decimal: number): number[] {
  const abs = Math.abs(decimal);
  const deg = Math.floor(abs);
  const min = Math.floor((abs - deg) * 60);
  const sec = (abs - deg - min / 60) * 3600;
  return [deg, min, sec];
}

/** An APP1 "Exif" segment holding IFD0, the Exif IFD and the GPS IFD. */
export function exifSegment(f: ExifFields): Uint8Array {
  const exif: Entry[] = [ascii(0x9003, f.dateTimeOriginal)];
  if (f.offsetTimeOriginal !== undefined) exif.push(ascii(0x9011, f.offsetTimeOriginal));
  if (f.serialNumber !== undefined) exif.push(ascii(0xa431, f.serialNumber));
  const gps: Entry[] = [
    { tag: 0, type: 1, values: [2, 3, 0, 0] },
    ascii(1, f.latitude >= 0 ? 'N' : 'S'),
    rationals(2, dms(f.latitude)),
    ascii(3, f.longitude >= 0 ? 'E' : 'W'),
    rationals(4, dms(f.longitude)),
  ];
  if (f.altitude !== undefined)
    gps.push({ tag: 5, type: 1, values: [0] }, rationals(6, [f.altitude]));
  if (f.gpsTime !== undefined) gps.push(rationals(7, f.gpsTime));
  if (f.gpsDate !== undefined) gps.push(ascii(0x1d, f.gpsDate));
  const ifd0 = (exifAt: number, gpsAt: number): Entry[] => [
    ascii(0x010f, f.make),
    ascii(0x0110, f.model),
    { tag: 0x8769, type: 4, values: [exifAt] },
    { tag: 0x8825, type: 4, values: [gpsAt] },
  ];
  const exifAt = 8 + ifdSize(ifd0(0, 0));
  const gpsAt = exifAt + ifdSize(exif);
  const tiffLength = gpsAt + ifdSize(gps);
  const tiff = new Uint8Array(tiffLength);
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]);
  writeIfd(view, 8, ifd0(exifAt, gpsAt));
  writeIfd(view, exifAt, exif);
  writeIfd(view, gpsAt, gps);
  const payload = concat(new TextEncoder().encode('Exif\0\0'), tiff);
  const length = payload.length + 2;
  return concat(new Uint8Array([0xff, 0xe1, length >>> 8, length & 255]), payload);
}

/** A copy of a JPEG with an EXIF segment right after its start-of-image marker. */
export function jpegWithExif(jpeg: Uint8Array, fields: ExifFields): Uint8Array {
  return concat(jpeg.subarray(0, 2), exifSegment(fields), jpeg.subarray(2));
}

/** A copy of a JPEG whose first frame header (SOF) claims another size. */
export function jpegWithClaimedSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const copy = jpeg.slice();
  for (let at = 2; at < copy.length - 9;) {
    const marker = copy[at + 1] ?? 0;
    const length = ((copy[at + 2] ?? 0) << 8) | (copy[at + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xc2) {
      copy.set([height >>> 8, height & 255, width >>> 8, width & 255], at + 5);
      return copy;
    }
    at += 2 + length;
  }
  throw new Error('no SOF0-2 segment in this JPEG');
}

/**
 * A simple-format WebP (a lone VP8 or VP8L chunk) made from the image chunk of an extended
 * (VP8X) one, as Chromium writes: the same picture without the ICC profile.
 */
export function simpleWebp(extended: Uint8Array): Uint8Array {
  const view = new DataView(extended.buffer, extended.byteOffset, extended.byteLength);
  for (let at = 12; at + 8 <= extended.length;) {
    const type = String.fromCharCode(...extended.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (type === 'VP8 ' || type === 'VP8L') {
      const chunk = extended.subarray(at, at + 8 + size + (size & 1));
      const header = new Uint8Array(12);
      header.set(new TextEncoder().encode('RIFF'));
      new DataView(header.buffer).setUint32(4, 4 + chunk.length, true);
      header.set(new TextEncoder().encode('WEBP'), 8);
      return concat(header, chunk);
    }
    at += 8 + size + (size & 1);
  }
  throw new Error('no VP8 or VP8L chunk in this WebP');
}

/** The FourCC of a WebP's first chunk: 'VP8 ', 'VP8L' or 'VP8X'. */
export const webpKind = (webp: Uint8Array): string => String.fromCharCode(...webp.subarray(12, 16));
