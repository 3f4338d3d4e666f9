/**
 * Multi-page TIFF (fax and scanner output) decoded page by page to RGBA with utif2, after the
 * directory walk in tiffStructure.ts has checked bounds and page sizes: utif2 itself would loop
 * forever on a cyclic directory chain and allocate whatever a header claims.
 */
import UTIF from 'utif2';
import { IntakeError, UNNAMED_FILE } from './errors';
import { readImageInfo } from './imageInfo';
import type { Dpi } from './imageInfo';

export type TiffPage = Readonly<{
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  dpi?: Dpi;
  /** width * height * 4 bytes, row by row from the top, 8 bits per channel. */
  rgba: Uint8Array;
}>;

export type TiffSummary = Readonly<{
  pageCount: number;
  pages: ReadonlyArray<Readonly<{ number: number; width: number; height: number; dpi?: Dpi }>>;
}>;

/** Page count and sizes without decoding any pixels. */
export function readTiffSummary(bytes: Uint8Array, fileName: string = UNNAMED_FILE): TiffSummary {
  const { frames } = readImageInfo(bytes, 'image/tiff', fileName);
  return { pageCount: frames.length, pages: frames.map((f, i) => ({ number: i + 1, ...f })) };
}

/**
 * Decodes pages one at a time: only the page being consumed is held in memory, so a 300-page fax
 * can be OCRed page by page. Throws IntakeError for a bad file or an undecodable page.
 */
export function* decodeTiffPagesLazily(
  bytes: Uint8Array,
  fileName: string = UNNAMED_FILE,
): Generator<TiffPage, void, undefined> {
  const summary = readTiffSummary(bytes, fileName);
  // utif2 wants an ArrayBuffer of exactly the file.
  const buffer = bytes.slice().buffer;
  const ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined);
  if (ifds.length !== summary.pageCount)
    throw new IntakeError(
      'corrupt',
      fileName,
      `the TIFF lists ${summary.pageCount} pages but ${ifds.length} can be decoded`,
    );
  for (const [i, ifd] of ifds.entries()) {
    const meta = summary.pages[i];
    if (meta === undefined) break;
    let rgba: Uint8Array;
    try {
      UTIF.decodeImage(buffer, ifd);
      rgba = UTIF.toRGBA8(ifd);
    } catch (error) {
      throw new IntakeError('corrupt', fileName, `page ${i + 1} of the TIFF cannot be decoded`, {
        cause: error,
      });
    }
    if (rgba.length !== meta.width * meta.height * 4)
      throw new IntakeError(
        'corrupt',
        fileName,
        `page ${i + 1} of the TIFF decoded to ${rgba.length} bytes, not ${meta.width} x ${meta.height} RGBA`,
      );
    yield { ...meta, rgba };
  }
}

/** All pages decoded to RGBA. Prefer decodeTiffPagesLazily for long documents. */
export function decodeTiffPages(bytes: Uint8Array, fileName: string = UNNAMED_FILE): TiffPage[] {
  return [...decodeTiffPagesLazily(bytes, fileName)];
}
