/**
 * "An OCR job was queued", announced by the evidence store and heard by the vault session's OCR
 * queue, so that taking a file in or retrying a job needs no reference to the queue.
 */
import type { UnlockedVault } from '../vault';

const listeners = new WeakMap<UnlockedVault, Set<() => void>>();

export function onJobQueued(vault: UnlockedVault, listener: () => void): () => void {
  let set = listeners.get(vault);
  if (!set) {
    set = new Set();
    listeners.set(vault, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

export function announceJobQueued(vault: UnlockedVault): void {
  for (const listener of [...(listeners.get(vault) ?? [])]) listener();
}
