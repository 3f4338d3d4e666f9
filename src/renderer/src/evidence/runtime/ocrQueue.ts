/**
 * The window's OCR queue: core's queue (core/evidence/ocrQueue.ts) with this window's engine and
 * page pixels. One per vault session; a new session (after lock and unlock) gets a new queue.
 */
import { createOcrQueue } from '../../../../core/evidence';
import type { OcrQueue } from '../../../../core/evidence';
import type { UnlockedVault } from '../../../../core/vault';
import { forgetOriginals, ocrEngine, pagePixels } from './runtime';

let current: { vault: UnlockedVault; queue: OcrQueue } | undefined;

export function ocrQueueFor(vault: UnlockedVault): OcrQueue {
  if (current?.vault !== vault) {
    current?.queue.stop();
    current = {
      vault,
      queue: createOcrQueue({
        vault,
        engine: ocrEngine,
        pageImage: (item, number, signal) => pagePixels(vault, item, number, signal),
        onStop: forgetOriginals,
      }),
    };
  }
  return current.queue;
}
