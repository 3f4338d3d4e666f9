/**
 * Runs one OCR job: the item's unfinished pages, a few at a time, through the engine, each page
 * stored as it finishes. Page images come from the caller (the browser renders PDF pages and
 * decodes TIFF on canvases; Node tests hand over PNG bytes), so core stays free of the DOM.
 *
 * Resuming is the same call: pages already stored are skipped, so a job interrupted by a crash
 * or a restart picks up where it stopped, and a cancelled one keeps the pages it finished.
 */
import type { OcrJobRow } from '../db';
import type { EvidenceRow } from '../db';
import { isAbortError, languageCode } from '../ocr';
import type { OcrEngine, OcrImage, RgbaPixels } from '../ocr';
import type { EvidenceStore } from './evidenceStore';

/**
 * The image of page `number` (1-based) of the item: PNG, JPEG, WebP or BMP bytes, or the page's
 * RGBA pixels (a rendered PDF page, a decoded TIFF page), which the engine takes without any
 * encoding.
 */
export type PageImageSource = (
  number: number,
  signal: AbortSignal,
) => Promise<Uint8Array | RgbaPixels>;

export type JobProgress = Readonly<{
  pagesDone: number;
  pageCount: number;
  /** The page under way and its progress, 0 to 1. */
  page?: number;
  pageProgress?: number;
  /** The whole item, 0 to 1. */
  overall: number;
}>;

export type JobOutcome = 'done' | 'cancelled' | 'failed';

export type RunJobOptions = Readonly<{
  store: EvidenceStore;
  engine: OcrEngine;
  job: OcrJobRow;
  item: EvidenceRow;
  pageImage: PageImageSource;
  signal: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
  /**
   * Pages rendered or recognised at once; memory grows with it. Default: one per engine worker
   * and one more, so that the next page is rendered while every worker recognises one.
   */
  batch?: number;
}>;

/**
 * Settles with the promise, or rejects as soon as the signal aborts: Cancel must stop the job at
 * once even while a page is still being rendered (pdf.js may finish a render it was asked to drop).
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('cancelled', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('cancelled', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function runOcrJob(
  options: RunJobOptions,
): Promise<Readonly<{ outcome: JobOutcome; error?: string }>> {
  const { store, engine, job, item, pageImage } = options;
  // One page failing stops the others: the job fails with that page's error.
  const inner = new AbortController();
  const signal = inner.signal;
  const outer = options.signal;
  const forward = (): void => inner.abort();
  if (outer.aborted) inner.abort();
  else outer.addEventListener('abort', forward, { once: true });
  const inFlight = Math.max(1, options.batch ?? engine.workers + 1);
  const pageCount = item.pageCount;
  const missing = await store.missingPages(item.id);
  let pagesDone = pageCount - missing.length;
  const partial = new Map<number, number>();
  const report = (extra: Partial<JobProgress> = {}): void => {
    let under = 0;
    for (const p of partial.values()) under += p;
    options.onProgress?.({
      pagesDone,
      pageCount,
      overall: pageCount === 0 ? 1 : Math.min(1, (pagesDone + under) / pageCount),
      ...extra,
    });
  };
  await store.startJob(job.id);
  report();
  const saving: Promise<unknown>[] = [];
  // Pages are rendered one at a time (the renderer draws on its one thread) but recognised
  // side by side: while every worker reads a page, the next one is being rendered.
  let rendering: Promise<unknown> = Promise.resolve();
  const languages = job.languages.map(languageCode);
  async function onePage(n: number): Promise<void> {
    const turn = rendering.then(async () => {
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
      return untilAborted(pageImage(n, signal), signal);
    });
    rendering = turn.catch(() => undefined);
    const source = await turn;
    const name = `${item.fileName} page ${n}`;
    const image: OcrImage =
      source instanceof Uint8Array ? { bytes: source, name } : { pixels: source, name };
    await engine.recognize([image], {
      languages,
      signal,
      onProgress: (p) => {
        partial.set(n, p.pageProgress);
        report({ page: n, pageProgress: p.pageProgress });
      },
      onPage: (result) => {
        saving.push(
          store.saveOcrPage(job.id, n, result).then(() => {
            partial.delete(n);
            pagesDone++;
            report();
          }),
        );
      },
    });
  }
  try {
    let next = 0;
    const lanes = Array.from({ length: Math.min(inFlight, missing.length) }, async () => {
      for (let i = next++; i < missing.length; i = next++) {
        if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
        await onePage(missing[i] as number);
      }
    });
    let firstError: Error | undefined;
    await Promise.all(
      lanes.map((lane) =>
        lane.catch((error: unknown) => {
          if (firstError === undefined && !isAbortError(error)) {
            firstError = error instanceof Error ? error : new Error(String(error));
          }
          inner.abort();
        }),
      ),
    );
    if (firstError !== undefined) throw firstError;
    // Cancelled by the caller, or every page stopped (the engine was closed): not done.
    if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    await Promise.all(saving);
    await store.finishJob(job.id);
    return { outcome: 'done' };
  } catch (error) {
    // Pages that finished before the stop are kept; wait for their rows before the verdict.
    await Promise.allSettled(saving);
    if (outer.aborted || isAbortError(error)) {
      await store.cancelJob(job.id);
      return { outcome: 'cancelled' };
    }
    const message = error instanceof Error ? error.message : String(error);
    await store.failJob(job.id, message);
    return { outcome: 'failed', error: message };
  } finally {
    outer.removeEventListener('abort', forward);
  }
}
