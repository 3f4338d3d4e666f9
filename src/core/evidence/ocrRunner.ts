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
import type { OcrEngine } from '../ocr';
import type { EvidenceStore } from './evidenceStore';

/** The image of page `number` (1-based) of the item, as PNG, JPEG, WebP or BMP bytes. */
export type PageImageSource = (number: number, signal: AbortSignal) => Promise<Uint8Array>;

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
  /** Pages rendered and recognised at once; memory grows with it. Default 2. */
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
  const { store, engine, job, item, pageImage, signal } = options;
  const batchSize = options.batch ?? 2;
  const pageCount = item.pageCount;
  const missing = await store.missingPages(item.id);
  let pagesDone = pageCount - missing.length;
  const report = (extra: Partial<JobProgress> = {}, partial = 0): void =>
    options.onProgress?.({
      pagesDone,
      pageCount,
      overall: pageCount === 0 ? 1 : (pagesDone + partial) / pageCount,
      ...extra,
    });
  await store.startJob(job.id);
  report();
  const saving: Promise<unknown>[] = [];
  try {
    const languages = job.languages.map(languageCode);
    for (let i = 0; i < missing.length; i += batchSize) {
      const numbers = missing.slice(i, i + batchSize);
      const images = [];
      for (const n of numbers) {
        if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
        images.push({
          bytes: await untilAborted(pageImage(n, signal), signal),
          name: `${item.fileName} page ${n}`,
        });
      }
      await engine.recognize(images, {
        languages,
        signal,
        onProgress: (p) => {
          const page = numbers[p.page];
          report(
            page === undefined ? {} : { page, pageProgress: p.pageProgress },
            p.overall * numbers.length - p.pagesDone,
          );
        },
        onPage: (result, index) => {
          const number = numbers[index];
          if (number === undefined) return;
          saving.push(
            store.saveOcrPage(job.id, number, result).then(() => {
              pagesDone++;
              report();
            }),
          );
        },
      });
      await Promise.all(saving);
    }
    await store.finishJob(job.id);
    return { outcome: 'done' };
  } catch (error) {
    // Pages that finished before the stop are kept; wait for their rows before the verdict.
    await Promise.allSettled(saving);
    if (signal.aborted || isAbortError(error)) {
      await store.cancelJob(job.id);
      return { outcome: 'cancelled' };
    }
    const message = error instanceof Error ? error.message : String(error);
    await store.failJob(job.id, message);
    return { outcome: 'failed', error: message };
  }
}
