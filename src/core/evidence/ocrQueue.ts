/**
 * A vault session's OCR queue: runs queued jobs one item at a time (the engine spreads an item's
 * pages over its workers), reports progress per page and overall, and cancels on request. The
 * caller supplies only the engine and page pixels (the browser renders PDF pages and decodes
 * TIFF on canvases), so the loop itself is core, tested in Node. It hears of new jobs from the
 * evidence store (jobEvents.ts) and stops when the vault locks.
 *
 * The queue's truth is the ocrJobs table, not this object: a job is 'running' in the table only
 * while this queue works on it, so after a crash or a restart resumeInterrupted() puts such jobs
 * back to 'queued' and the next run picks up with the pages still missing.
 */
import type { EvidenceRow, OcrJobId } from '../db';
import type { OcrEngine, RgbaPixels } from '../ocr';
import type { UnlockedVault } from '../vault';
import { createEvidenceStore } from './evidenceStore';
import type { EvidenceStore } from './evidenceStore';
import { onJobQueued } from './jobEvents';
import { runOcrJob } from './ocrRunner';
import type { JobProgress } from './ocrRunner';

export type QueueSnapshot = Readonly<{
  /** The job under way, if any. */
  running?: OcrJobId;
  progress: ReadonlyMap<OcrJobId, JobProgress>;
  /** Jobs that ended while this window was open, with their outcome's message when failed. */
  errors: ReadonlyMap<OcrJobId, string>;
  /** Bumped whenever a job's status changed in the table, so that views re-read it. */
  revision: number;
}>;

export type OcrQueue = Readonly<{
  store: EvidenceStore;
  /** Starts the next queued job if none runs. Safe to call any time. */
  kick: () => void;
  cancel: (jobId: OcrJobId) => void;
  subscribe: (listener: () => void) => () => void;
  snapshot: () => QueueSnapshot;
  stop: () => void;
}>;

export type OcrQueueOptions = Readonly<{
  vault: UnlockedVault;
  /** The engine, asked for when the first job runs. */
  engine: () => OcrEngine;
  /** Page `number` of the item: its image file's bytes, or its RGBA pixels. */
  pageImage: (
    item: EvidenceRow,
    number: number,
    signal: AbortSignal,
  ) => Promise<Uint8Array | RgbaPixels>;
  /** Called once when the queue stops (lock, or a new session): forget decrypted pages. */
  onStop?: () => void;
}>;

export function createOcrQueue(options: OcrQueueOptions): OcrQueue {
  const { vault } = options;
  const store = createEvidenceStore(vault);
  const listeners = new Set<() => void>();
  let state: QueueSnapshot = { progress: new Map(), errors: new Map(), revision: 0 };
  let controller: AbortController | undefined;
  let busy = false;
  let stopped = false;
  let again = false;

  const set = (patch: Partial<QueueSnapshot>): void => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  const bump = (): void => set({ revision: state.revision + 1 });

  async function loop(): Promise<void> {
    // Jobs a previous session left 'running' have no one working on them any more.
    if (state.revision === 0 && (await store.resumeInterrupted()) > 0) bump();
    for (;;) {
      if (stopped || vault.locked) return;
      again = false;
      const [job] = await store.queuedJobs();
      if (!job) {
        if (again) continue;
        return;
      }
      const item = await store.item(job.evidenceId);
      controller = new AbortController();
      const signal = controller.signal;
      set({
        running: job.id,
        progress: new Map(state.progress).set(job.id, {
          pagesDone: 0,
          pageCount: item.pageCount,
          overall: 0,
        }),
      });
      const outcome = await runOcrJob({
        store,
        engine: options.engine(),
        job,
        item,
        signal,
        pageImage: (n, s) => options.pageImage(item, n, s),
        onProgress: (p) => set({ progress: new Map(state.progress).set(job.id, p) }),
      });
      controller = undefined;
      const errors = new Map(state.errors);
      if (outcome.error !== undefined) errors.set(job.id, outcome.error);
      else errors.delete(job.id);
      const progress = new Map(state.progress);
      progress.delete(job.id);
      const { running: _done, ...rest } = state;
      state = { ...rest, progress, errors };
      bump();
    }
  }

  function kick(): void {
    again = true;
    if (busy || stopped) return;
    busy = true;
    loop()
      .catch((error: unknown) => {
        // A locked vault ends the loop by throwing from its next read: that is not an error.
        if (!vault.locked) console.error('OCR queue stopped:', error);
      })
      .finally(() => {
        busy = false;
        controller = undefined;
      });
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    controller?.abort();
    unsubscribeQueued();
    unsubscribeLock();
    options.onStop?.();
  }
  let unsubscribeLock: () => void = () => undefined;
  const unsubscribeQueued = onJobQueued(vault, kick);
  // Locking wipes the keys; OCR holding decrypted page images stops with them.
  unsubscribeLock = vault.onLock(stop);

  return {
    store,
    kick,
    cancel(jobId) {
      if (state.running === jobId) controller?.abort();
      else
        void store
          .cancelJob(jobId)
          .then(bump)
          .catch(() => undefined);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => state,
    stop,
  };
}
