import { useEffect, useSyncExternalStore } from 'react';
import type { UnlockedVault } from '../../../../core/vault';
import { ocrQueueFor } from './ocrQueue';
import type { OcrQueue, QueueSnapshot } from '../../../../core/evidence';

/** The session's OCR queue and its live state; mounting starts any job left waiting. */
export function useOcrQueue(vault: UnlockedVault): [OcrQueue, QueueSnapshot] {
  const queue = ocrQueueFor(vault);
  const snapshot = useSyncExternalStore(queue.subscribe, queue.snapshot);
  useEffect(() => queue.kick(), [queue]);
  return [queue, snapshot];
}
