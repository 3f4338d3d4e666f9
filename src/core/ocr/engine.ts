/**
 * The OCR engine: tesseract.js workers in a pool of our own, one worker per core while pages are
 * queued; idle workers stay warm for `idleMs` and are then terminated.
 *
 * Why not tesseract.js's createScheduler: it cannot stop a page that is being recognised, cannot
 * retire a worker (to recycle it after N pages, or after a crash), and runs every job in every
 * worker's language, where documents here choose their languages one by one.
 *
 * Invariants:
 * - At most `workers` pages are decoded, downscaled or recognised at once, so memory is bounded
 *   by the pool, not by the size of the batch.
 * - A job reports a page through onPage only when the page is finished; after its signal aborts
 *   it reports nothing more, and its promise rejects with an AbortError at once.
 * - A worker that was interrupted, crashed or served `pagesPerWorker` pages is terminated and
 *   replaced, so a wasm heap that only ever grows is given back to the system.
 * - Pages given as pixels (RGBA, as a canvas's ImageData) reach tesseract as a grey PGM: no PNG
 *   encode in the caller and no PNG decode in the worker (measured: the grey page is recognised
 *   faster than the same page as PNG or as raw RGBA, with the same text).
 */
import Tesseract from 'tesseract.js';
import { OcrAbortError, OcrEngineError, OcrInputError } from './errors';
import { readImageInfo } from './imageInfo';
import type { ImageInfo } from './imageInfo';
import {
  DEFAULT_DOWNSCALE,
  areaAverage,
  canvasResizer,
  downscaleFactor,
  encodePgm,
  greyFromRgba,
  pngResizer,
} from './downscale';
import type { DownscalePolicy, ImageResizer } from './downscale';
import type { LanguageCode, LanguageStore } from './languages';
import { languageCode } from './languages';
import { toPageResult } from './results';
import type { OcrPageResult } from './results';

/**
 * How tesseract segments the page.
 * - 'rows' (tesseract PSM 6, one uniform block): every text line across the whole width is one
 *   line of output, so a ledger's or a table's row keeps its cells together. The default,
 *   because the rows are the transactions analysts need.
 * - 'auto' (PSM 3): tesseract finds columns and blocks itself; better for multi-column prose,
 *   but it may read a table column by column.
 */
export type PageLayout = 'rows' | 'auto';
const PSM: Record<PageLayout, string> = { rows: '6', auto: '3' };

export type OcrEngineOptions = Readonly<{
  /** Where the workers read language data. */
  languages: LanguageStore;
  /**
   * The worker script. Node: tesseract.js/src/worker-script/node/index.js (the default when
   * omitted in Node). Browser: the URL of tesseract.js/dist/worker.min.js served by the app.
   */
  workerPath?: string;
  /**
   * Browser: the URL of the directory holding tesseract.js-core's tesseract-core*.wasm.js files.
   * Node ignores it: the worker loads tesseract.js-core from node_modules.
   */
  corePath?: string;
  /**
   * Workers in the pool. Default: one per core. Workers start only when pages are queued for
   * them, so an idle app holds none; OCR threads do not block the UI thread.
   */
  workers?: number;
  /** An idle worker is kept warm this long (ms) for the next batch, then terminated. Default 30 s. */
  idleMs?: number;
  /** A worker is replaced after recognising this many pages. Default 25. */
  pagesPerWorker?: number;
  layout?: PageLayout;
  downscale?: DownscalePolicy;
  /** Tried in order until one can resize the image type. Default: canvas, then PNG in code. */
  resizers?: readonly ImageResizer[];
}>;

/** Page pixels as a canvas gives them (ImageData-like): RGBA, 4 bytes a pixel, row by row. */
export type RgbaPixels = Readonly<{
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}>;

/**
 * A page image to recognise, and a name for messages: PNG, JPEG, WebP or BMP bytes, or the page's
 * pixels (a rendered PDF page, a decoded TIFF page), which spares an encode and a decode.
 */
export type OcrImage =
  Readonly<{ bytes: Uint8Array; name?: string }> | Readonly<{ pixels: RgbaPixels; name?: string }>;

/** A page as the engine sees it: an image file's header, or the size of given pixels. */
type PageInfo = ImageInfo | Readonly<{ mediaType: 'pixels'; width: number; height: number }>;

export type OcrProgress = Readonly<{
  /** Index of the page this report is about, in the job's list. */
  page: number;
  /** That page's progress, 0 to 1. */
  pageProgress: number;
  pagesDone: number;
  pageCount: number;
  /** The whole job's progress, 0 to 1: finished pages plus the parts of pages under way. */
  overall: number;
}>;

export type RecognizeOptions = Readonly<{
  /** The document's languages, e.g. ['eng', 'tha']; each must be in the language store. */
  languages: readonly LanguageCode[];
  signal?: AbortSignal;
  onProgress?: (progress: OcrProgress) => void;
  /** Called as each page finishes, in the order they finish. */
  onPage?: (result: OcrPageResult, index: number) => void;
}>;

export interface OcrEngine {
  /** Recognises the pages in parallel; resolves with one result per page, in input order. */
  recognize(images: readonly OcrImage[], options: RecognizeOptions): Promise<OcrPageResult[]>;
  /** Adds (or replaces) a language from a .traineddata or .traineddata.gz file's bytes. */
  addLanguage(code: string, traineddata: Uint8Array): Promise<LanguageCode>;
  /** Forgets a language added from a file (a bundled one goes back to the bundled data). */
  removeLanguage(code: string): Promise<void>;
  /** Languages jobs may ask for; complete once ready() has resolved. */
  languages(): readonly LanguageCode[];
  /** Resolves once the engine knows every language it has (added ones are read at start). */
  ready(): Promise<void>;
  /** Workers the pool runs at most: pages a caller should keep ready to keep every one busy. */
  readonly workers: number;
  /** Workers running now (busy or kept warm); 0 once the pool has been idle for idleMs. */
  liveWorkers(): number;
  /** Stops every job (they reject with AbortError) and terminates the workers. */
  close(): Promise<void>;
}

type Job = {
  readonly images: readonly OcrImage[];
  readonly infos: readonly PageInfo[];
  readonly languages: string;
  readonly signal: AbortSignal | undefined;
  readonly options: RecognizeOptions;
  readonly results: Array<OcrPageResult | undefined>;
  readonly pageProgress: number[];
  pagesDone: number;
  settled: boolean;
  /** Rejects when the job is settled by abort or failure; running pages race against it. */
  readonly stopped: Promise<never>;
  fail(error: unknown): void;
};

type Task = Readonly<{ job: Job; index: number }>;

type Slot = {
  worker: Tesseract.Worker | undefined;
  languages: string;
  pages: number;
  busy: boolean;
  /** Set when a language the worker loaded was replaced: the worker must be renewed. */
  stale: boolean;
  /** Rejects if the worker thread dies. */
  crashed: Promise<never>;
  onProgress: ((progress: number) => void) | undefined;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
};

function allCores(): number {
  return typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0
    ? navigator.hardwareConcurrency
    : 2;
}

function pixelInfo(pixels: RgbaPixels, name: string): PageInfo {
  const { width, height, data } = pixels;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new OcrInputError(`${name}: page pixels of size ${width}x${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new OcrInputError(
      `${name}: ${data.length} bytes of pixels for a ${width}x${height} RGBA page (expected ${width * height * 4})`,
    );
  }
  return { mediaType: 'pixels', width, height };
}

/** Tesseract writes Thai SARA AM as NIKHAHIT + SARA AA; people type (and search for) U+0E33. */
const normaliseThai = (text: string): string => text.replace(/\u0E4D\u0E32/g, '\u0E33');

let jobCounter = 0;

export function createOcrEngine(options: OcrEngineOptions): OcrEngine {
  const store = options.languages;
  const size = options.workers ?? allCores();
  if (!Number.isInteger(size) || size < 1) {
    throw new OcrEngineError(`workers must be a whole number of at least 1, not ${size}`);
  }
  const pagesPerWorker = options.pagesPerWorker ?? 25;
  const idleMs = options.idleMs ?? 30_000;
  const layout = options.layout ?? 'rows';
  const policy = options.downscale ?? DEFAULT_DOWNSCALE;
  const resizers = options.resizers ?? [canvasResizer, pngResizer];
  const slots: Slot[] = Array.from({ length: size }, () => ({
    worker: undefined,
    languages: '',
    pages: 0,
    busy: false,
    stale: false,
    crashed: new Promise<never>(() => {}),
    onProgress: undefined,
    idleTimer: undefined,
  }));
  const queue: Task[] = [];
  const jobs = new Set<Job>();
  let closed = false;

  async function spawn(slot: Slot, languages: string): Promise<Tesseract.Worker> {
    let starting = true;
    const worker = await new Promise<Tesseract.Worker>((resolve, reject) => {
      Tesseract.createWorker(languages.split('+'), Tesseract.OEM.LSTM_ONLY, {
        ...(options.workerPath !== undefined ? { workerPath: options.workerPath } : {}),
        ...(options.corePath !== undefined ? { corePath: options.corePath } : {}),
        // Load the worker script from its own URL, not through a blob: URL that a strict
        // Content-Security-Policy (worker-src 'self') would refuse. Node ignores it.
        workerBlobURL: false,
        langPath: store.langPath,
        gzip: store.gzip,
        // Never write tesseract.js's cache (in Node the current directory, in the browser an
        // IndexedDB store in the clear). Read it only where the store keeps languages added
        // from files (the browser; see workerLanguageCache.ts), read-only so that a worker
        // never stores or deletes anything there itself.
        ...(store.cachePath !== undefined
          ? { cacheMethod: 'readOnly', cachePath: store.cachePath }
          : { cacheMethod: 'none' }),
        logger: (m) => {
          if (m.status === 'recognizing text') slot.onProgress?.(m.progress);
        },
        // Without a handler tesseract.js throws failures from its message listener, where no
        // one can catch them; with one, the failed call's promise rejects as it should.
        errorHandler: (error: unknown) => {
          if (starting) {
            reject(
              new OcrEngineError(`OCR worker failed to start for ${languages}: ${String(error)}`),
            );
          }
        },
      }).then(resolve, (error: unknown) =>
        reject(new OcrEngineError(`OCR worker failed to start: ${String(error)}`)),
      );
    });
    starting = false;
    await worker.setParameters({
      tessedit_pageseg_mode: PSM[layout] as Tesseract.PSM,
      // Keeps the gaps between a table's columns as runs of spaces in the text.
      preserve_interword_spaces: '1',
    });
    slot.crashed = watchThread(worker);
    return worker;
  }

  async function retire(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = undefined;
    slot.languages = '';
    slot.pages = 0;
    slot.stale = false;
    if (worker) await worker.terminate().catch(() => undefined);
  }

  async function workerFor(slot: Slot, languages: string): Promise<Tesseract.Worker> {
    if (slot.worker && (slot.stale || slot.pages >= pagesPerWorker)) await retire(slot);
    if (slot.worker && slot.languages !== languages) {
      try {
        await slot.worker.reinitialize(languages, Tesseract.OEM.LSTM_ONLY);
        await slot.worker.setParameters({
          tessedit_pageseg_mode: PSM[layout] as Tesseract.PSM,
          preserve_interword_spaces: '1',
        });
        slot.languages = languages;
      } catch {
        await retire(slot);
      }
    }
    if (!slot.worker) {
      slot.worker = await spawn(slot, languages);
      slot.languages = languages;
    }
    return slot.worker;
  }

  async function prepare(job: Job, index: number): Promise<{ bytes: Uint8Array; scale: number }> {
    const image = job.images[index];
    const info = job.infos[index];
    if (!image || !info) throw new OcrEngineError(`page ${index} is missing`);
    const factor = downscaleFactor(info, policy);
    if ('pixels' in image) {
      // The caller's pixels are read here, once: the grey copy is a quarter of their size.
      const grey = greyFromRgba(image.pixels);
      if (factor === 1) return { bytes: encodePgm(grey), scale: 1 };
      const width = Math.max(1, Math.round(info.width * factor));
      const height = Math.max(1, Math.round(info.height * factor));
      const smaller = { width, height, pixels: areaAverage(grey, width, height) };
      return { bytes: encodePgm(smaller), scale: width / info.width };
    }
    if (info.mediaType === 'pixels') throw new OcrEngineError(`page ${index} has no pixels`);
    if (factor === 1) return { bytes: image.bytes, scale: 1 };
    const width = Math.max(1, Math.round(info.width * factor));
    const height = Math.max(1, Math.round(info.height * factor));
    for (const resize of resizers) {
      let smaller: Uint8Array | undefined;
      try {
        smaller = await resize(image.bytes, info, width, height);
      } catch {
        // A decoder that cannot read this variant (an interlaced PNG...) leaves it to the next.
        smaller = undefined;
      }
      if (smaller) return { bytes: smaller, scale: width / info.width };
    }
    // No decoder for this type here (JPEG or WebP in Node): recognise at full size.
    return { bytes: image.bytes, scale: 1 };
  }

  function reportProgress(job: Job, index: number, value: number): void {
    if (job.settled) return;
    job.pageProgress[index] = Math.max(job.pageProgress[index] ?? 0, Math.min(1, value));
    const total = job.pageProgress.reduce((a, b) => a + b, 0);
    job.options.onProgress?.({
      page: index,
      pageProgress: job.pageProgress[index] ?? 0,
      pagesDone: job.pagesDone,
      pageCount: job.images.length,
      overall: total / job.images.length,
    });
  }

  async function runTask(slot: Slot, { job, index }: Task): Promise<void> {
    const name = job.images[index]?.name ?? `page ${index + 1}`;
    try {
      // Preparing and starting a worker are not raced against the job's end: they finish in
      // bounded time, and the slot must never run ahead of its own worker's state.
      const prepared = await prepare(job, index);
      const worker = await workerFor(slot, job.languages);
      if (job.settled) return;
      reportProgress(job, index, 0);
      slot.onProgress = (p) => reportProgress(job, index, p);
      const jobId = `ringtrace-${++jobCounter}`;
      let recognised: Tesseract.RecognizeResult;
      try {
        recognised = await Promise.race([
          worker.recognize(
            // Both of tesseract.js's loaders take plain bytes; its types only list Buffer.
            prepared.bytes as unknown as Tesseract.ImageLike,
            {},
            { text: true, blocks: true },
            jobId,
          ),
          job.stopped,
          slot.crashed,
        ]);
      } catch (error) {
        if (job.settled || error instanceof OcrEngineError) {
          // Interrupted mid-page, or dead: the worker's state is unknown, so it goes.
          await retire(slot);
          throw error;
        }
        throw new OcrInputError(`${name}: corrupt or unreadable image (${String(error)})`);
      } finally {
        slot.onProgress = undefined;
      }
      slot.pages++;
      const info = job.infos[index];
      if (job.settled || !info) return;
      const result = toPageResult(recognised.data, {
        width: info.width,
        height: info.height,
        scale: prepared.scale,
        languages: job.languages.split('+').map(languageCode),
        normalise: normaliseThai,
      });
      job.results[index] = result;
      job.pagesDone++;
      reportProgress(job, index, 1);
      job.options.onPage?.(result, index);
      if (job.pagesDone === job.images.length) finish(job);
    } catch (error) {
      // After the job ended (aborted, or another page failed) errors only retire the worker.
      if (!job.settled) job.fail(error);
    }
  }

  function takeTask(languages: string): Task | undefined {
    const i = queue.findIndex((t) => t.job.languages === languages);
    return queue.splice(i >= 0 ? i : 0, 1)[0];
  }

  async function runSlot(slot: Slot): Promise<void> {
    slot.busy = true;
    if (slot.idleTimer !== undefined) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    try {
      for (let task = takeTask(slot.languages); task; task = takeTask(slot.languages)) {
        if (!task.job.settled) await runTask(slot, task);
      }
    } finally {
      slot.busy = false;
      if (slot.worker && !closed) keepWarm(slot);
    }
  }

  /** Keeps the worker (and its loaded languages) for the next batch, for idleMs at most. */
  function keepWarm(slot: Slot): void {
    const timer = setTimeout(() => {
      if (slot.idleTimer !== timer) return;
      slot.idleTimer = undefined;
      if (!slot.busy) void retire(slot);
    }, idleMs);
    // In Node a warm worker must not keep the process (a test, the command line) alive.
    (timer as { unref?: () => void }).unref?.();
    slot.idleTimer = timer;
  }

  function pump(): void {
    for (const slot of slots) {
      if (!slot.busy && queue.length > 0) void runSlot(slot);
    }
  }

  let resolvers = new WeakMap<Job, (results: OcrPageResult[]) => void>();

  function finish(job: Job): void {
    job.settled = true;
    jobs.delete(job);
    resolvers.get(job)?.(job.results as OcrPageResult[]);
  }

  async function recognize(
    images: readonly OcrImage[],
    recognizeOptions: RecognizeOptions,
  ): Promise<OcrPageResult[]> {
    // The store may still be reading which languages were added (IndexedDB in the browser).
    await store.ready();
    return recognizeReady(images, recognizeOptions);
  }

  function recognizeReady(
    images: readonly OcrImage[],
    recognizeOptions: RecognizeOptions,
  ): Promise<OcrPageResult[]> {
    if (closed) return Promise.reject(new OcrEngineError('The OCR engine is closed'));
    const { signal } = recognizeOptions;
    if (signal?.aborted) return Promise.reject(new OcrAbortError());
    let infos: PageInfo[];
    let languages: string;
    try {
      if (recognizeOptions.languages.length === 0) {
        throw new OcrInputError('No language chosen for the document');
      }
      const missing = recognizeOptions.languages.filter((l) => !store.has(l));
      if (missing.length > 0) {
        throw new OcrInputError(
          `No language data for ${missing.join(', ')} (available: ${store.codes().join(', ')}; add a .traineddata file)`,
        );
      }
      languages = recognizeOptions.languages.join('+');
      infos = images.map((image, i) =>
        'pixels' in image
          ? pixelInfo(image.pixels, image.name ?? `page ${i + 1}`)
          : readImageInfo(image.bytes, image.name ?? `page ${i + 1}`),
      );
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new OcrInputError(String(error)));
    }
    if (images.length === 0) return Promise.resolve([]);

    return new Promise<OcrPageResult[]>((resolve, reject) => {
      let stop: (error: Error) => void = () => {};
      const stopped = new Promise<never>((_, rejectStopped) => {
        stop = rejectStopped;
      });
      stopped.catch(() => undefined);
      const job: Job = {
        images,
        infos,
        languages,
        signal,
        options: recognizeOptions,
        results: images.map(() => undefined),
        pageProgress: images.map(() => 0),
        pagesDone: 0,
        settled: false,
        stopped,
        fail(error) {
          if (job.settled) return;
          job.settled = true;
          jobs.delete(job);
          signal?.removeEventListener('abort', onAbort);
          for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.job === job) queue.splice(i, 1);
          const err = error instanceof Error ? error : new OcrEngineError(String(error));
          stop(err);
          reject(err);
        },
      };
      const onAbort = (): void => job.fail(new OcrAbortError());
      signal?.addEventListener('abort', onAbort, { once: true });
      resolvers.set(job, (results) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(results);
      });
      jobs.add(job);
      images.forEach((_, index) => queue.push({ job, index }));
      pump();
    });
  }

  return {
    recognize,
    async addLanguage(code, traineddata) {
      const lang = languageCode(code);
      await store.add(lang, traineddata);
      for (const slot of slots) if (slot.languages.split('+').includes(lang)) slot.stale = true;
      return lang;
    },
    async removeLanguage(code) {
      const lang = languageCode(code);
      await store.remove(lang);
      for (const slot of slots) if (slot.languages.split('+').includes(lang)) slot.stale = true;
    },
    languages: () => store.codes(),
    ready: () => store.ready(),
    workers: size,
    liveWorkers: () => slots.filter((slot) => slot.worker !== undefined).length,
    async close() {
      if (closed) return;
      closed = true;
      for (const slot of slots) {
        if (slot.idleTimer !== undefined) clearTimeout(slot.idleTimer);
        slot.idleTimer = undefined;
      }
      for (const job of [...jobs]) job.fail(new OcrAbortError('The OCR engine was closed'));
      await Promise.all(slots.map(retire));
      resolvers = new WeakMap();
    },
  };
}

/**
 * Rejects when the worker's thread dies (an out-of-memory abort in wasm, for instance). The
 * thread object is not in tesseract.js's types; it is a worker_threads Worker in Node and a
 * Web Worker in the browser.
 */
function watchThread(worker: Tesseract.Worker): Promise<never> {
  const thread = (worker as unknown as { worker?: unknown }).worker;
  const crashed = new Promise<never>((_, reject) => {
    const fail = (detail: unknown): void =>
      reject(new OcrEngineError(`The OCR worker stopped unexpectedly: ${String(detail)}`));
    if (thread && typeof (thread as { on?: unknown }).on === 'function') {
      const emitter = thread as { on: (event: string, listener: (arg: unknown) => void) => void };
      emitter.on('error', fail);
      emitter.on('exit', (code) => fail(`exit code ${String(code)}`));
    } else if (
      thread &&
      typeof (thread as { addEventListener?: unknown }).addEventListener === 'function'
    ) {
      (thread as Worker).addEventListener('error', (event) => fail(event.message));
    }
  });
  crashed.catch(() => undefined);
  return crashed;
}
