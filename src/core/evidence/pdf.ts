/**
 * PDFs through pdf.js: document information, the text layer of each page with word boxes, and
 * which pages have no text layer and need OCR. Rendering those pages takes a canvas factory, so
 * the browser renders on its own canvases and nothing here touches the DOM.
 *
 * pdf.js is injected (PdfJsSetup): the browser passes the module it bundles, with workerSrc set
 * to a locally served worker file; Node and tests get the legacy build, loaded on first use.
 * Script evaluation inside PDFs is always off (isEvalSupported: false).
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentInitParameters, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { isByteSource } from './byteSource';
import type { ByteSource } from './byteSource';
import { pdfPageScale } from './downscale';
import { IntakeError, UNNAMED_FILE, throwIfAborted } from './errors';
import { pdfInfoToMetadata } from './pdfMetadata';
import type { TextLayerDoubt } from '../model';
import { doubtOfTextLayer, layoutPageText } from './textLayer';
import type { PageText, PdfTextItem, PdfTextStyle } from './textLayer';

export type PdfJsLib = typeof PdfJsModule;

export type PdfJsSetup = Readonly<{
  /** The pdf.js module, or a loader for it. Default: the legacy build (Node and browsers). */
  lib?: PdfJsLib | (() => Promise<PdfJsLib>);
  /** URL of pdf.worker.mjs, served locally; set on GlobalWorkerOptions before the first load. */
  workerSrc?: string;
  /** Local URLs of pdf.js's CMaps, standard fonts and wasm decoders: never a CDN. */
  cMapUrl?: string;
  standardFontDataUrl?: string;
  wasmUrl?: string;
}>;

export type PdfOptions = Readonly<{
  fileName?: string;
  pdfjs?: PdfJsSetup;
  signal?: AbortSignal;
}>;

type PageGeometry = Readonly<{
  /** 1-based. */
  number: number;
  /** Page size in PDF points (1/72 inch), after the page's rotation. */
  widthPt: number;
  heightPt: number;
  /** pdf.js scale of the pixel coordinates below: 300 DPI equivalent, capped (pdfPageScale). */
  scale: number;
  /** Page size in pixels at `scale`: the size renderPage produces, the space of word boxes. */
  width: number;
  height: number;
}>;

/**
 * A page with a text layer carries its text; a page without one needs OCR and has none; a page
 * whose text layer lies (doubtOfTextLayer) needs OCR too and carries that text and the doubt.
 */
export type PdfPage = PageGeometry &
  (
    | Readonly<{ needsOcr: false; source: 'pdf-text'; text: PageText }>
    | Readonly<{ needsOcr: true; source: 'none' }>
    | Readonly<{ needsOcr: true; source: 'unreliable-text'; text: PageText; doubt: TextLayerDoubt }>
  );

export type PdfContents = Readonly<{
  pageCount: number;
  /** pdf.title, pdf.author, pdf.creator, pdf.producer, pdf.created, pdf.modified, pdf.pages... */
  metadata: Readonly<Record<string, string>>;
  pages: readonly PdfPage[];
}>;

/** Anything with a 2D context pdf.js can draw on: HTMLCanvasElement, OffscreenCanvas, node canvas. */
export type RenderCanvas = { width: number; height: number; getContext(kind: '2d'): unknown };
export type CanvasFactory<C extends RenderCanvas> = (width: number, height: number) => C;

export type RenderedPage<C extends RenderCanvas> = PageGeometry & Readonly<{ canvas: C }>;

/** An open PDF. Close it when done: pdf.js keeps a worker and the document in memory. */
export type PdfFile = Readonly<{
  pageCount: number;
  metadata: Readonly<Record<string, string>>;
  readPage: (pageNumber: number) => Promise<PdfPage>;
  /**
   * Renders a page at its OCR scale (or `scale`) onto a canvas from the factory. `signal`
   * cancels this render only, so that one open file can serve several jobs in turn.
   */
  renderPage: <C extends RenderCanvas>(
    pageNumber: number,
    createCanvas: CanvasFactory<C>,
    scale?: number,
    signal?: AbortSignal,
  ) => Promise<RenderedPage<C>>;
  close: () => Promise<void>;
}>;

const configured = new WeakSet<object>();

async function loadPdfJs(setup: PdfJsSetup | undefined): Promise<PdfJsLib> {
  const given = setup?.lib;
  const lib =
    given === undefined
      ? await import('pdfjs-dist/legacy/build/pdf.mjs')
      : typeof given === 'function'
        ? await given()
        : given;
  if (setup?.workerSrc !== undefined && !configured.has(lib)) {
    lib.GlobalWorkerOptions.workerSrc = setup.workerSrc;
    configured.add(lib);
  }
  return lib;
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

/**
 * pdf.js asks for ranges of this size (rounded out to whole chunks, neighbours grouped into one
 * request). Big enough that parsing the cross-reference table and a page's objects takes a
 * handful of reads, small enough that a text page costs a few hundred KB, not the file.
 */
export const PDF_RANGE_CHUNK_BYTES = 256 * 1024;

/** The first bytes handed to pdf.js up front: the header, and for linearized files more. */
const PDF_INITIAL_BYTES = 64 * 1024;

/** A PDF whole in memory (small files, tests) or as ranges read on demand (any size). */
export type PdfInput = Uint8Array | ByteSource;

/**
 * Feeds pdf.js the ranges it asks for from a ByteSource. pdf.js waits for every range it asks
 * for, so a failed read must not be dropped: it goes to `onFailure` (see openPdf).
 */
function rangeTransport(
  lib: PdfJsLib,
  source: ByteSource,
  initial: Uint8Array,
  onFailure: (error: unknown) => void,
): InstanceType<PdfJsLib['PDFDataRangeTransport']> {
  const transport = new lib.PDFDataRangeTransport(source.size, initial);
  transport.requestDataRange = (begin: number, end: number) => {
    source.read(begin, end).then(
      (chunk) => transport.onDataRange(begin, chunk),
      (error: unknown) => onFailure(error),
    );
  };
  return transport;
}

/**
 * Opens a PDF. Throws IntakeError 'password-protected', 'corrupt' or 'truncated'.
 *
 * From a ByteSource, pdf.js reads only the ranges it needs (the cross-reference table, then the
 * objects of each page asked for): a 500 MB scan opens and shows page 1 with a few MB read.
 * pdf.js's worker reserves an array of the file's length for the ranges, but memory is only
 * committed for the pages of it that are written, which are the ranges read.
 */
export async function openPdf(input: PdfInput, options: PdfOptions = {}): Promise<PdfFile> {
  const fileName = options.fileName ?? UNNAMED_FILE;
  throwIfAborted(options.signal, fileName);
  const lib = await loadPdfJs(options.pdfjs);
  // pdf.js waits for every range it asks for and is not told when a read fails, so a failed
  // read settles this promise instead: every wait on pdf.js races it, and the caller gets the
  // read's own error rather than a wait that never ends.
  let failed = false;
  let fail: (error: unknown) => void = () => undefined;
  const readFailure = new Promise<never>((_, reject) => {
    fail = (error) => {
      failed = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
  });
  readFailure.catch(() => undefined);
  const source = isByteSource(input) ? input : undefined;
  const data =
    source === undefined
      ? // pdf.js transfers the buffer to its worker, which would empty the caller's array.
        { data: (input as Uint8Array).slice() }
      : {
          range: rangeTransport(
            lib,
            source,
            await source.read(0, Math.min(source.size, PDF_INITIAL_BYTES)),
            fail,
          ),
          rangeChunkSize: PDF_RANGE_CHUNK_BYTES,
        };
  /** pdf.js's error for anything whose bytes could not be read is the read's own error. */
  const explained = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await Promise.race([work(), readFailure]);
    } catch (error) {
      if (failed) await readFailure;
      throw error;
    }
  };
  const params: DocumentInitParameters = {
    ...data,
    isEvalSupported: false,
    // Nothing may reach the network: no font or CMap fetches unless the caller gave local URLs.
    // For ranged input this also keeps pdf.js from fetching the rest of the file on its own
    // (autofetch) or streaming it from the start: only the ranges a page needs are read.
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
    ...(options.pdfjs?.cMapUrl === undefined
      ? {}
      : { cMapUrl: options.pdfjs.cMapUrl, cMapPacked: true }),
    ...(options.pdfjs?.standardFontDataUrl === undefined
      ? {}
      : { standardFontDataUrl: options.pdfjs.standardFontDataUrl }),
    ...(options.pdfjs?.wasmUrl === undefined ? {} : { wasmUrl: options.pdfjs.wasmUrl }),
  };
  const loading = lib.getDocument(params);
  const abort = () => void loading.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  let doc: PDFDocumentProxy;
  try {
    doc = await Promise.race([loading.promise, readFailure]);
  } catch (error) {
    throwIfAborted(options.signal, fileName);
    if (failed) {
      void loading.destroy();
      await readFailure;
    }
    if (errorName(error) === 'PasswordException')
      throw new IntakeError(
        'password-protected',
        fileName,
        'the PDF is protected by a password; ask for the password or an unprotected copy',
        { cause: error },
      );
    const detail = error instanceof Error ? error.message : String(error);
    throw new IntakeError('corrupt', fileName, `pdf.js cannot read the PDF (${detail})`, {
      cause: error,
    });
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  const { info } = await explained(() => doc.getMetadata());
  const metadata = pdfInfoToMetadata(info, doc.numPages);

  const checkPage = (n: number) => {
    if (!Number.isInteger(n) || n < 1 || n > doc.numPages)
      throw new RangeError(`${fileName}: page ${n} does not exist (the PDF has ${doc.numPages})`);
  };

  const geometry = (
    page: Awaited<ReturnType<PDFDocumentProxy['getPage']>>,
    n: number,
    scale?: number,
  ) => {
    const unscaled = page.getViewport({ scale: 1 });
    const s = scale ?? pdfPageScale(unscaled.width, unscaled.height);
    const viewport = page.getViewport({ scale: s });
    return {
      viewport,
      geometry: {
        number: n,
        widthPt: unscaled.width,
        heightPt: unscaled.height,
        scale: s,
        // Rounding error must not add a pixel row (792 pt x 300/72 is 3300.0000000001).
        width: Math.ceil(viewport.width - 1e-6),
        height: Math.ceil(viewport.height - 1e-6),
      } satisfies PageGeometry,
    };
  };

  /**
   * pdf.js's own errors on a page (a page tree that loops, a broken page object) become one
   * IntakeError naming the file and the page, as a bad file on open does: hostile structure is
   * refused with a message, never an unexplained exception. Read failures, cancellation and an
   * out-of-range page number keep their own errors.
   */
  const explainPage = (n: number, error: unknown): never => {
    if (failed || error instanceof IntakeError || error instanceof RangeError) throw error;
    throwIfAborted(options.signal, fileName);
    if (errorName(error) === 'AbortError' || errorName(error) === 'RenderingCancelledException')
      throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new IntakeError('corrupt', fileName, `pdf.js cannot read page ${n} (${detail})`, {
      cause: error,
    });
  };

  const readPage = (n: number): Promise<PdfPage> =>
    explained(() => readPageOnce(n)).catch((error: unknown) => explainPage(n, error));
  const readPageOnce = async (n: number): Promise<PdfPage> => {
    checkPage(n);
    throwIfAborted(options.signal, fileName);
    const page = await doc.getPage(n);
    try {
      const { viewport, geometry: g } = geometry(page, n);
      const content = await page.getTextContent();
      const items = content.items.filter(
        (i): i is PdfTextItem & (typeof content.items)[number] => 'str' in i,
      );
      const styles = content.styles as Readonly<Record<string, PdfTextStyle>>;
      const text = layoutPageText(items, styles, viewport.transform, g.scale);
      // A page whose text layer holds no visible character is a scan (or a photo): OCR it.
      if (text.words.length === 0) return { ...g, needsOcr: true, source: 'none' };
      const doubt = doubtOfTextLayer(text);
      if (doubt !== undefined)
        return { ...g, needsOcr: true, source: 'unreliable-text', text, doubt };
      return { ...g, needsOcr: false, source: 'pdf-text', text };
    } finally {
      page.cleanup();
    }
  };

  const renderPage = <C extends RenderCanvas>(
    n: number,
    createCanvas: CanvasFactory<C>,
    scale?: number,
    signal?: AbortSignal,
  ): Promise<RenderedPage<C>> =>
    explained(() => renderPageOnce(n, createCanvas, scale, signal ?? options.signal)).catch(
      (error: unknown) => explainPage(n, error),
    );
  const renderPageOnce = async <C extends RenderCanvas>(
    n: number,
    createCanvas: CanvasFactory<C>,
    scale: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<RenderedPage<C>> => {
    checkPage(n);
    throwIfAborted(signal, fileName);
    const page = await doc.getPage(n);
    try {
      const { viewport, geometry: g } = geometry(page, n, scale);
      const canvas = createCanvas(g.width, g.height);
      const context = canvas.getContext('2d');
      if (context === null || context === undefined)
        throw new Error(`${fileName}: the canvas factory gave a canvas without a 2D context`);
      const render = page.render({
        canvasContext: context as CanvasRenderingContext2D,
        canvas: canvas as unknown as HTMLCanvasElement,
        viewport,
        // OCR reads text on white: transparent pixels would read as black in some decoders.
        background: 'rgb(255,255,255)',
      });
      const cancel = () => render.cancel();
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        await render.promise;
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
      throwIfAborted(signal, fileName);
      return { ...g, canvas };
    } finally {
      page.cleanup();
    }
  };

  return {
    pageCount: doc.numPages,
    metadata,
    readPage,
    renderPage,
    close: () => doc.destroy(),
  };
}

/** Reads a whole PDF: metadata, and per page its text layer or the flag that it needs OCR. */
export async function readPdf(
  input: PdfInput,
  options: PdfOptions & Readonly<{ onPage?: (done: number, total: number) => void }> = {},
): Promise<PdfContents> {
  const file = await openPdf(input, options);
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= file.pageCount; n++) {
      pages.push(await file.readPage(n));
      options.onPage?.(n, file.pageCount);
    }
    return { pageCount: file.pageCount, metadata: file.metadata, pages };
  } finally {
    await file.close();
  }
}
