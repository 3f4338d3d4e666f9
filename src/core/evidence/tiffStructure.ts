/**
 * Walks a TIFF's chain of image directories (IFDs) without decoding pixels: page count, sizes,
 * resolution, and where each page's strips or tiles lie, so that a truncated file, a cyclic
 * chain (which would loop a decoder forever) or a gigantic page is caught before decoding.
 */
import { OutOfBounds, u16be, u16le, u32be, u32le } from './bytes';

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

type Reader = Readonly<{ u16: (at: number) => number; u32: (at: number) => number }>;

function readValues(b: Uint8Array, r: Reader, entry: number): number[] {
  const type = r.u16(entry + 2);
  const count = r.u32(entry + 4);
  const size = TYPE_SIZES[type];
  if (size === undefined) return [];
  const total = size * count;
  if (count > b.length) throw new TiffStructureError('corrupt', `a tag claims ${count} values`);
  const at = total <= 4 ? entry + 8 : r.u32(entry + 8);
  if (at + total > b.length)
    throw new TiffStructureError(
      'truncated',
      `tag values at byte ${at} lie past the end of the file`,
    );
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = at + i * size;
    if (type === 3 || type === 8) out.push(r.u16(p));
    else if (type === 4 || type === 9 || type === 13) out.push(r.u32(p));
    else if (type === 5 || type === 10) {
      const den = r.u32(p + 4);
      out.push(den === 0 ? 0 : r.u32(p) / den);
    } else if (size === 1) out.push(b[p] ?? 0);
  }
  return out;
}

export function readTiffLayout(b: Uint8Array): TiffPageLayout[] {
  try {
    return walk(b);
  } catch (error) {
    if (error instanceof OutOfBounds)
      throw new TiffStructureError('truncated', 'a directory lies past the end of the file');
    throw error;
  }
}

function walk(b: Uint8Array): TiffPageLayout[] {
  const little = b[0] === 0x49;
  const r: Reader = little
    ? { u16: (at) => u16le(b, at), u32: (at) => u32le(b, at) }
    : { u16: (at) => u16be(b, at), u32: (at) => u32be(b, at) };
  const pages: TiffPageLayout[] = [];
  const seen = new Set<number>();
  let ifd = r.u32(4);
  if (ifd === 0) throw new TiffStructureError('corrupt', 'the file has no image directory');
  while (ifd !== 0) {
    if (seen.has(ifd)) throw new TiffStructureError('corrupt', 'its directories form a loop');
    if (pages.length >= MAX_TIFF_PAGES)
      throw new TiffStructureError('corrupt', `it has more than ${MAX_TIFF_PAGES} pages`);
    seen.add(ifd);
    const count = r.u16(ifd);
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      tags.set(r.u16(entry), readValues(b, r, entry));
    }
    const width = tags.get(256)?.[0];
    const height = tags.get(257)?.[0];
    if (width === undefined || height === undefined || width === 0 || height === 0)
      throw new TiffStructureError('corrupt', `page ${pages.length + 1} has no width or height`);
    const offsets = tags.get(273) ?? tags.get(324) ?? [];
    const counts = tags.get(279) ?? tags.get(325) ?? [];
    if (offsets.length === 0 || offsets.length !== counts.length)
      throw new TiffStructureError('corrupt', `page ${pages.length + 1} has no valid strip table`);
    const segments = offsets.map((o, i) => [o, counts[i] ?? 0] as const);
    for (const [o, n] of segments)
      if (o + n > b.length)
        throw new TiffStructureError(
          'truncated',
          `page ${pages.length + 1}'s image data runs to byte ${o + n} but the file has ${b.length}`,
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
    ifd = r.u32(ifd + 2 + count * 12);
  }
  return pages;
}
