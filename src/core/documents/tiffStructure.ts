/**
 * Walks a TIFF's chain of image directories (IFDs) without decoding pixels: page count, sizes,
 * resolution, and where each page's strips or tiles lie, so that a truncated file, a cyclic
 * chain (which would loop a decoder forever) or a gigantic page is caught before decoding.
 */
import { OutOfBounds, u16be, u16le, u32be, u32le } from './bytes';
import type { RangeReader } from './byteSource';
import { bytesAt, parseBytes, parseRanges } from './parse';
import type { Parse } from './parse';

/** A hostile file could chain millions of directories; no real scan has this many pages. */
export const MAX_TIFF_PAGES = 10_000;

export type TiffPageLayout = Readonly<{
  width: number;
  height: number;
  /** Pixels per inch, when the file states a resolution in inches or centimetres. */
  dpi?: Readonly<{ x: number; y: number }>;
  compression: number;
  /** [offset, byteCount] of every strip or tile holding this page's pixels. */
  segments: ReadonlyArray<readonly [offset: number, byteCount: number]>;
}>;

export class TiffStructureError extends Error {
  override readonly name = 'TiffStructureError';
  constructor(
    readonly kind: 'truncated' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

const TYPE_SIZES: Readonly<Record<number, number>> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

/** The tags the layout needs; the values of all others are bounds-checked but never read. */
const USED_TAGS = new Set([256, 257, 259, 273, 279, 282, 283, 296, 324, 325]);

type Order = Readonly<{
  u16: (b: Uint8Array, at: number) => number;
  u32: (b: Uint8Array, at: number) => number;
}>;

/** The values of the directory entry at `entry` of `dir`; [] for a tag the layout does not use. */
function* readValues(dir: Uint8Array, entry: number, size: number, o: Order): Parse<number[]> {
  const tag = o.u16(dir, entry);
  const type = o.u16(dir, entry + 2);
  const count = o.u32(dir, entry + 4);
  const width = TYPE_SIZES[type];
  if (width === undefined) return [];
  const total = width * count;
  if (count > size) throw new TiffStructureError('corrupt', `a tag claims ${count} values`);
  const inline = total <= 4;
  const at = inline ? -1 : o.u32(dir, entry + 8);
  if (!inline && at + total > size)
    throw new TiffStructureError(
      'truncated',
      `tag values at byte ${at} lie past the end of the file`,
    );
  if (!USED_TAGS.has(tag)) return [];
  const b = inline ? dir.subarray(entry + 8, entry + 8 + total) : yield* bytesAt(at, total);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = i * width;
    if (type === 3 || type === 8) out.push(o.u16(b, p));
    else if (type === 4 || type === 9 || type === 13) out.push(o.u32(b, p));
    else if (type === 5 || type === 10) {
      const den = o.u32(b, p + 4);
      out.push(den === 0 ? 0 : o.u32(b, p) / den);
    } else if (width === 1) out.push(b[p] ?? 0);
  }
  return out;
}

const asStructureError = (error: unknown): unknown =>
  error instanceof OutOfBounds
    ? new TiffStructureError('truncated', 'a directory lies past the end of the file')
    : error;

export function readTiffLayout(b: Uint8Array): TiffPageLayout[] {
  try {
    return parseBytes(walkTiff(b.length), b);
  } catch (error) {
    throw asStructureError(error);
  }
}

/** The same walk over ranges: only the header, the directories and their tag values are read. */
export async function readTiffLayoutFrom(reader: RangeReader): Promise<TiffPageLayout[]> {
  try {
    return await parseRanges(walkTiff(reader.size), reader);
  } catch (error) {
    throw asStructureError(error);
  }
}

/** The directory chain of a TIFF of `size` bytes, as a parser (see parse.ts). */
export function* walkTiff(size: number): Parse<TiffPageLayout[]> {
  const head = yield* bytesAt(0, 8);
  const little = head[0] === 0x49;
  const o: Order = little ? { u16: u16le, u32: u32le } : { u16: u16be, u32: u32be };
  const pages: TiffPageLayout[] = [];
  const seen = new Set<number>();
  let ifd = o.u32(head, 4);
  if (ifd === 0) throw new TiffStructureError('corrupt', 'the file has no image directory');
  while (ifd !== 0) {
    if (seen.has(ifd)) throw new TiffStructureError('corrupt', 'its directories form a loop');
    if (pages.length >= MAX_TIFF_PAGES)
      throw new TiffStructureError('corrupt', `it has more than ${MAX_TIFF_PAGES} pages`);
    seen.add(ifd);
    const count = o.u16(yield* bytesAt(ifd, 2), 0);
    // The entries and the offset of the next directory, in one read.
    const dir = yield* bytesAt(ifd + 2, count * 12 + 4);
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const entry = i * 12;
      tags.set(o.u16(dir, entry), yield* readValues(dir, entry, size, o));
    }
    const width = tags.get(256)?.[0];
    const height = tags.get(257)?.[0];
    if (width === undefined || height === undefined || width === 0 || height === 0)
      throw new TiffStructureError('corrupt', `page ${pages.length + 1} has no width or height`);
    const offsets = tags.get(273) ?? tags.get(324) ?? [];
    const counts = tags.get(279) ?? tags.get(325) ?? [];
    if (offsets.length === 0 || offsets.length !== counts.length)
      throw new TiffStructureError('corrupt', `page ${pages.length + 1} has no valid strip table`);
    const segments = offsets.map((at, i) => [at, counts[i] ?? 0] as const);
    for (const [at, n] of segments)
      if (at + n > size)
        throw new TiffStructureError(
          'truncated',
          `page ${pages.length + 1}'s image data runs to byte ${at + n} but the file has ${size}`,
        );
    const unit = tags.get(296)?.[0] ?? 2; // TIFF default: inches
    const xRes = tags.get(282)?.[0];
    const yRes = tags.get(283)?.[0] ?? xRes;
    const perInch = unit === 2 ? 1 : unit === 3 ? 2.54 : 0;
    const dpi =
      perInch > 0 && xRes !== undefined && yRes !== undefined && xRes > 0 && yRes > 0
        ? { x: xRes * perInch, y: yRes * perInch }
        : undefined;
    pages.push({
      width,
      height,
      compression: tags.get(259)?.[0] ?? 1,
      segments,
      ...(dpi === undefined ? {} : { dpi }),
    });
    ifd = o.u32(dir, count * 12);
  }
  return pages;
}
