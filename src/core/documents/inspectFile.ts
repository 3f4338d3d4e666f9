/**
 * Intake of one dropped file: what it really is, its SHA-256, the metadata inside it, and its
 * pages, each either with a text layer or flagged for OCR with the size to OCR it at. A file
 * that cannot be taken in throws one IntakeError naming the file and the problem.
 */
import { blobSource } from './byteSource';
import { lastIndexOf } from './bytes';
import { planDownscale } from './downscale';
import type { DownscalePlan } from './downscale';
import { IntakeError, throwIfAborted } from './errors';
import { readImageInfoFrom } from './imageInfo';
import type { Dpi } from './imageInfo';
import { SNIFF_BYTES, checkExtension, identifyFormat } from './mediaType';
import type { ExtensionCheck, SupportedMediaType } from './mediaType';
import { readPdf } from './pdf';
import type { PdfJsSetup, PdfPage } from './pdf';
import { readPhotoMetadataFrom } from './photoMetadata';
import { sha256Blob } from './sha256';

/**
 * Files above this are refused. Nothing here holds a file whole any more: hashing and storing
 * stream, image structure is read from ranges, and pdf.js reads a PDF's ranges on demand. What
 * grows with the size is pdf.js's worker: it reserves one array of the file's length for the
 * ranges it reads (memory is committed only for those), and a PDF whose cross-reference table
 * is lost is rebuilt by scanning all of it into that array. 2 GiB keeps that array within what
 * every browser allows for one ArrayBuffer and a rebuild within a desktop's memory; seizures
 * beyond it are split first (and are then also quicker to review).
 */
export const MAX_PARSE_BYTES = 2 * 1024 * 1024 * 1024;

/** An image page: always OCRed, at `ocrSize`. */
export type ImagePage = Readonly<{
  kind: 'image';
  /** 1-based; several only for multi-page TIFF. */
  number: number;
  width: number;
  height: number;
  dpi?: Dpi;
  needsOcr: true;
  ocrSize: DownscalePlan;
}>;

export type PdfIntakePage = Readonly<{ kind: 'pdf' }> & PdfPage;

export type IntakePage = ImagePage | PdfIntakePage;

export type IntakeWarning = Readonly<{
  code: 'extension-mismatch' | 'pdf-end-marker-missing';
  message: string;
}>;

export type IntakeReport = Readonly<{
  fileName: string;
  /** Bytes, as hashed. */
  size: number;
  /** SHA-256 of the original bytes, lower-case hex. */
  sha256: string;
  /** From the content's magic bytes, never from the name. */
  mediaType: SupportedMediaType;
  /** "PNG image", "PDF document"... */
  label: string;
  extension: ExtensionCheck;
  warnings: readonly IntakeWarning[];
  /** Flat display strings under stable keys (exif.*, gps.*, pdf.*). */
  metadata: Readonly<Record<string, string>>;
  pageCount: number;
  pages: readonly IntakePage[];
}>;

export type IntakeProgress = Readonly<{ phase: 'hash' | 'parse'; done: number; total: number }>;

export type InspectOptions = Readonly<{
  pdfjs?: PdfJsSetup;
  signal?: AbortSignal;
  onProgress?: (progress: IntakeProgress) => void;
}>;

const SUPPORTED_LIST = 'PNG, JPEG, TIFF, WebP, BMP or PDF';

async function sniff(fileName: string, blob: Blob) {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const found = identifyFormat(head);
  if (found === undefined)
    throw new IntakeError(
      'unsupported-type',
      fileName,
      `its content is not a format intake reads (${SUPPORTED_LIST})`,
    );
  if (!found.supported)
    throw new IntakeError(
      'unsupported-type',
      fileName,
      `it is a ${found.label}, which intake does not read (it reads ${SUPPORTED_LIST})`,
    );
  return found;
}

/** Inspects one file. Throws IntakeError for any file that cannot be taken in. */
export async function inspectFile(
  fileName: string,
  blob: Blob,
  options: InspectOptions = {},
): Promise<IntakeReport> {
  if (blob.size === 0) throw new IntakeError('empty', fileName, 'the file is empty (0 bytes)');
  const format = await sniff(fileName, blob);
  if (blob.size > MAX_PARSE_BYTES)
    throw new IntakeError(
      'too-large',
      fileName,
      `the file is ${(blob.size / 2 ** 20).toFixed(0)} MiB; intake reads at most ${MAX_PARSE_BYTES / 2 ** 20} MiB ` +
        'per file (split the document first)',
    );
  const { sha256, size } = await sha256Blob(blob, {
    fileName,
    ...(options.signal && { signal: options.signal }),
    onProgress: (done) => options.onProgress?.({ phase: 'hash', done, total: blob.size }),
  });
  if (size !== blob.size)
    throw new IntakeError('truncated', fileName, `the file changed size while it was read`);
  throwIfAborted(options.signal, fileName);

  const extension = checkExtension(fileName, format.mediaType);
  const warnings: IntakeWarning[] = [];
  if (extension.mismatch)
    warnings.push({
      code: 'extension-mismatch',
      message:
        `${fileName}: the name says .${extension.extension} (${extension.extensionMediaType ?? '?'}) ` +
        `but the content is a ${format.label} (${format.mediaType})`,
    });
  const base = {
    fileName,
    size,
    sha256,
    mediaType: format.mediaType,
    label: format.label,
    extension,
  };

  if (format.mediaType === 'application/pdf') {
    // The last %%EOF must be near the end; without it the file was most likely cut short.
    // pdf.js often recovers such files, so this refuses nothing by itself. Only the tail is read.
    const tail = new Uint8Array(await blob.slice(Math.max(0, blob.size - 1024)).arrayBuffer());
    const endMarker = lastIndexOf(tail, [0x25, 0x25, 0x45, 0x4f, 0x46]);
    let contents;
    try {
      // pdf.js reads the ranges each page needs from the Blob: never the whole file.
      contents = await readPdf(blobSource(blob), {
        fileName,
        ...(options.pdfjs && { pdfjs: options.pdfjs }),
        ...(options.signal && { signal: options.signal }),
        onPage: (done, total) => options.onProgress?.({ phase: 'parse', done, total }),
      });
    } catch (error) {
      if (error instanceof IntakeError && error.code === 'corrupt' && endMarker < 0)
        throw new IntakeError(
          'truncated',
          fileName,
          'the PDF ends without its %%EOF marker and cannot be read: it was most likely cut short',
          { cause: error },
        );
      throw error;
    }
    if (endMarker < 0)
      warnings.push({
        code: 'pdf-end-marker-missing',
        message: `${fileName}: the PDF has no %%EOF marker at its end, so it may be truncated; pages may be missing`,
      });
    return {
      ...base,
      warnings,
      metadata: contents.metadata,
      pageCount: contents.pageCount,
      pages: contents.pages.map((p) => ({ kind: 'pdf', ...p })),
    };
  }

  // Images too are read where their structure points, never whole (see imageInfo.ts).
  const source = blobSource(blob);
  const info = await readImageInfoFrom(source, format.mediaType, fileName);
  const metadata = await readPhotoMetadataFrom(source, format.mediaType);
  options.onProgress?.({ phase: 'parse', done: info.frames.length, total: info.frames.length });
  return {
    ...base,
    warnings,
    metadata,
    pageCount: info.frames.length,
    pages: info.frames.map((frame, i): ImagePage => ({
      kind: 'image',
      number: i + 1,
      ...frame,
      needsOcr: true,
      ocrSize: planDownscale(frame),
    })),
  };
}
