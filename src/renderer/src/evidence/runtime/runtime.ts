/**
 * The browser side of evidence work: where the OCR and PDF runtime files are served (vendor/,
 * copied there at build time by electron.vite.config.ts), the one OCR engine of the window, and
 * page images made from an item's encrypted original for OCR and for the viewer.
 */
import { cachedSource, decodeTiffPagesLazily, openPdf } from '../../../../core/documents';
import type { ByteSource, PdfFile, PdfJsSetup } from '../../../../core/documents';
import type { EvidenceRow } from '../../../../core/db';
import type { FileId } from '../../../../core/model';
import {
  createOcrEngine,
  createUrlLanguageStore,
  createWorkerLanguageCache,
} from '../../../../core/ocr';
import type { OcrEngine, RgbaPixels } from '../../../../core/ocr';
import type { UnlockedVault } from '../../../../core/vault';

/** A runtime file's URL inside the app: never a CDN, so OCR works offline and leaks nothing. */
export function vendorUrl(path: string): string {
  return new URL(`vendor/${path}`, document.baseURI).href;
}

export const PDFJS: PdfJsSetup = {
  lib: () => import('pdfjs-dist'),
  workerSrc: vendorUrl('pdfjs/pdf.worker.min.mjs'),
};

let engine: OcrEngine | undefined;

/** One engine (a pool of tesseract.js workers) per window, created on first use. */
export function ocrEngine(): OcrEngine {
  engine ??= createOcrEngine({
    languages: createUrlLanguageStore(vendorUrl('tesseract/lang'), {
      cache: createWorkerLanguageCache(indexedDB),
    }),
    workerPath: vendorUrl('tesseract/worker.min.js'),
    corePath: vendorUrl('tesseract/core'),
  });
  return engine;
}

/** Types the browser shows and tesseract reads as they are. */
const DIRECT_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/bmp']);

// The last image original read, so that OCR of a 40-page TIFF decrypts the file once, not 40
// times. Images are decoded whole (utif2 and the browser's decoders want the whole file), and
// their size is bounded by the pixel limit intake enforces; PDFs are never held whole (below).
let cached: { vault: UnlockedVault; fileId: FileId; bytes: Promise<Uint8Array> } | undefined;

function original(vault: UnlockedVault, fileId: FileId): Promise<Uint8Array> {
  if (cached?.vault !== vault || cached.fileId !== fileId) {
    const bytes = vault.files.readAll(fileId);
    cached = { vault, fileId, bytes };
    bytes.catch(() => {
      if (cached?.bytes === bytes) cached = undefined;
    });
  }
  return cached.bytes;
}

/**
 * An encrypted original as ranges: pdf.js asks for the bytes of the objects a page needs, and
 * only the 1 MiB chunks holding them are decrypted. The last few chunks are kept, because pdf.js
 * asks for neighbouring ranges one after another.
 */
function vaultSource(vault: UnlockedVault, size: number, fileId: FileId): ByteSource {
  return cachedSource({ size, read: (start, end) => vault.files.readRange(fileId, start, end) });
}

// The PDFs last opened, kept open so that OCR of a 300-page scan parses its cross-reference
// table once. Several, because the viewer may show one item while OCR works through another:
// closing the other's document would break its render. Each holds only the ranges pdf.js has
// read, not its file.
const OPEN_PDFS = 3;
let openedPdfs: { vault: UnlockedVault; files: Map<FileId, Promise<PdfFile>> } | undefined;

function pdfOf(vault: UnlockedVault, item: EvidenceRow): Promise<PdfFile> {
  if (openedPdfs?.vault !== vault) {
    forgetPdfs();
    openedPdfs = { vault, files: new Map() };
  }
  const files = openedPdfs.files;
  const open = files.get(item.fileId);
  if (open !== undefined) {
    // Most recently used last.
    files.delete(item.fileId);
    files.set(item.fileId, open);
    return open;
  }
  const file = openPdf(vaultSource(vault, item.size, item.fileId), {
    fileName: item.fileName,
    pdfjs: PDFJS,
  });
  files.set(item.fileId, file);
  file.catch(() => {
    if (files.get(item.fileId) === file) files.delete(item.fileId);
  });
  for (const [fileId, oldest] of files) {
    if (files.size <= OPEN_PDFS) break;
    files.delete(fileId);
    void oldest.then((f) => f.close()).catch(() => undefined);
  }
  return file;
}

function forgetPdfs(): void {
  const previous = openedPdfs;
  openedPdfs = undefined;
  for (const file of previous?.files.values() ?? [])
    void file.then((f) => f.close()).catch(() => undefined);
}

/** Forgets the decrypted originals held for page rendering (on lock). */
export function forgetOriginals(): void {
  cached = undefined;
  forgetPdfs();
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('The page could not be encoded as PNG'));
        return;
      }
      blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
    }, 'image/png');
  });
}

export type PageImage = Readonly<{ bytes: Uint8Array; mediaType: string }>;

/**
 * Page `number` of the item as an image: the original itself for a photo or scan, a decoded
 * TIFF page, or a PDF page rendered at its OCR scale (the scale its word boxes are in).
 */
export async function pageImage(
  vault: UnlockedVault,
  item: EvidenceRow,
  number: number,
  signal?: AbortSignal,
): Promise<PageImage> {
  if (item.mediaType === 'application/pdf') {
    const pdf = await pdfOf(vault, item);
    const rendered = await pdf.renderPage(
      number,
      (width, height) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        return canvas;
      },
      undefined,
      signal,
    );
    try {
      return { bytes: await canvasToPng(rendered.canvas), mediaType: 'image/png' };
    } finally {
      // A 300 DPI page is 35 MB of pixels: give them back now, not at the next collection.
      rendered.canvas.width = 0;
      rendered.canvas.height = 0;
    }
  }
  const bytes = await original(vault, item.fileId);
  if (DIRECT_TYPES.has(item.mediaType)) return { bytes, mediaType: item.mediaType };
  if (item.mediaType === 'image/tiff') {
    for (const page of decodeTiffPagesLazily(bytes, item.fileName)) {
      if (page.number !== number) continue;
      const canvas = document.createElement('canvas');
      canvas.width = page.width;
      canvas.height = page.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('No 2D canvas in this browser');
      context.putImageData(
        new ImageData(new Uint8ClampedArray(page.rgba), page.width, page.height),
        0,
        0,
      );
      return { bytes: await canvasToPng(canvas), mediaType: 'image/png' };
    }
    throw new RangeError(`${item.fileName} has no page ${number}`);
  }
  throw new RangeError(`${item.fileName} is a ${item.mediaType}, which has no page images`);
}

/**
 * Page `number` of the item for OCR: the original's bytes for a photo or scan the engine reads
 * itself, else the page's RGBA pixels (a PDF page rendered at its OCR scale, a decoded TIFF
 * page), with no PNG encoded here and decoded again in the worker.
 */
export async function pagePixels(
  vault: UnlockedVault,
  item: EvidenceRow,
  number: number,
  signal?: AbortSignal,
): Promise<Uint8Array | RgbaPixels> {
  if (item.mediaType === 'application/pdf') {
    const pdf = await pdfOf(vault, item);
    const rendered = await pdf.renderPage(
      number,
      (width, height) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        return canvas;
      },
      undefined,
      signal,
    );
    try {
      const { width, height } = rendered.canvas;
      const context = rendered.canvas.getContext('2d');
      if (!context) throw new Error('No 2D canvas in this browser');
      const { data } = context.getImageData(0, 0, width, height);
      return { data, width, height };
    } finally {
      // A 300 DPI page is 35 MB of pixels: give the canvas's back now, not at the next collection.
      rendered.canvas.width = 0;
      rendered.canvas.height = 0;
    }
  }
  const bytes = await original(vault, item.fileId);
  if (DIRECT_TYPES.has(item.mediaType)) return bytes;
  if (item.mediaType === 'image/tiff') {
    for (const page of decodeTiffPagesLazily(bytes, item.fileName)) {
      if (page.number === number)
        return { data: page.rgba, width: page.width, height: page.height };
    }
    throw new RangeError(`${item.fileName} has no page ${number}`);
  }
  throw new RangeError(`${item.fileName} is a ${item.mediaType}, which has no page images`);
}
