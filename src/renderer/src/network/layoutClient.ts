/** Runs fcose in layout.worker.ts; see there for why. */
export type LayoutRequest = Readonly<{
  nodes: readonly string[];
  edges: ReadonlyArray<readonly [string, string]>;
  /** fcose options; plain data only, since they cross to the worker. */
  options: Readonly<Record<string, unknown>>;
}>;

export type LayoutResponse =
  | Readonly<{ ok: true; positions: Readonly<Record<string, { x: number; y: number }>> }>
  | Readonly<{ ok: false; message: string }>;

export type LayoutRun = Readonly<{
  positions: Promise<Readonly<Record<string, { x: number; y: number }>>>;
  /** Terminates the worker; `positions` then never settles, so nothing is applied. */
  cancel: () => void;
}>;

/**
 * Starts a layout worker ahead of need. Loading it (Cytoscape and fcose, parsed in the worker)
 * takes seconds on a busy machine; started while the case's rows are still being decrypted, it
 * is ready when the layout is asked for.
 */
export function startLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
}

/** Lays out in `worker` (from startLayoutWorker), or in a new one; the worker ends with it. */
export function layoutInWorker(request: LayoutRequest, warm?: Worker): LayoutRun {
  const worker = warm ?? startLayoutWorker();
  const positions = new Promise<Readonly<Record<string, { x: number; y: number }>>>(
    (resolve, reject) => {
      worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
        worker.terminate();
        if (event.data.ok) resolve(event.data.positions);
        else reject(new Error(event.data.message));
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(event.message || 'The layout worker failed to start.'));
      };
    },
  );
  worker.postMessage(request);
  return { positions, cancel: () => worker.terminate() };
}
