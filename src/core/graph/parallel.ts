/*
 * Host side of the analysis worker protocol (worker.ts): runs a whole analysis on a pool of
 * workers, splitting betweenness by source. Environment-neutral: the UI passes Web Workers
 * (src/renderer/src/network/analysisClient.ts), tests pass in-process ones.
 */
import { normaliseBetweenness } from './betweenness';
import type { AnalysisOptions, AnalysisProgress, AnalysisResult, GraphInput } from './types';
import type { AnalysisRequest, AnalysisResponse } from './worker';

/** A running analysis: its result, and a way to stop it at once. */
export type AnalysisRun = Readonly<{
  result: Promise<AnalysisResult>;
  /** Terminates every worker of the run; `result` then rejects with AnalysisCancelled. */
  cancel: () => void;
}>;

export class AnalysisCancelled extends Error {
  override readonly name = 'AnalysisCancelled';
}

/**
 * The part of a Web Worker the host uses (a DOM Worker has it), so that tests can run the
 * protocol in-process.
 */
export type AnalysisWorker = {
  onmessage: ((event: { data: AnalysisResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  postMessage: (message: AnalysisRequest) => void;
  terminate: () => void;
};

export type AnalysisHost = Readonly<{
  /** How many workers may share betweenness; navigator.hardwareConcurrency in the app. */
  threads: number;
  createWorker: () => AnalysisWorker;
}>;

/**
 * Below this many entities one worker does everything: starting more workers and copying the
 * graph to each costs more than the few milliseconds betweenness takes on a small case.
 */
export const PARALLEL_FROM = 400;

/** Splits 0..n into `parts` contiguous ranges of nearly equal size (Brandes costs the same
 * for every source, so equal counts mean equal work). */
export function sourceRanges(n: number, parts: number): Array<readonly [number, number]> {
  const count = Math.max(1, Math.min(parts, n));
  return Array.from(
    { length: count },
    (_, i) => [Math.floor((i * n) / count), Math.floor(((i + 1) * n) / count)] as const,
  );
}

/**
 * Runs analyzeGraph off the UI thread. Betweenness is most of the work on a large case and is
 * a sum over sources, so it is split across `threads` workers ('betweenness' requests of
 * src/core/graph/worker.ts); their sums are added, normalised, and handed to one of them for
 * the rest of the analysis as options.betweenness. Progress of the split step is the sum of
 * every worker's. Cancelling terminates every worker at once, which is immediate even in the
 * middle of betweenness and leaves nothing behind, since the analysis has no side effects.
 */
export function runSplitAnalysis(
  input: GraphInput,
  options: AnalysisOptions,
  onProgress: (progress: AnalysisProgress) => void,
  host: AnalysisHost,
): AnalysisRun {
  const n = input.nodes.length;
  const split = host.threads > 1 && n >= PARALLEL_FROM;
  const ranges = split ? sourceRanges(n, host.threads) : [];
  const workers: AnalysisWorker[] = [];
  let finished = false;
  const stopAll = (): void => {
    finished = true;
    for (const w of workers) w.terminate();
  };
  let fail: (error: Error) => void = () => undefined;

  const result = new Promise<AnalysisResult>((resolve, reject) => {
    fail = (error) => {
      if (finished) return;
      stopAll();
      reject(error);
    };
    const start = (): AnalysisWorker => {
      const worker = host.createWorker();
      workers.push(worker);
      worker.onerror = (event) =>
        fail(
          new Error(
            event.message !== undefined && event.message !== ''
              ? event.message
              : 'The analysis worker failed to start.',
          ),
        );
      return worker;
    };

    const analyze = (worker: AnalysisWorker, betweenness?: readonly number[]): void => {
      const requestId = crypto.randomUUID();
      worker.onmessage = (event) => {
        const message = event.data;
        if (finished || message.requestId !== requestId) return;
        if (message.type === 'progress') onProgress(message.progress);
        else if (message.type === 'result') {
          stopAll();
          resolve(message.result);
        } else if (message.type === 'error') fail(new Error(message.message));
      };
      worker.postMessage({
        type: 'analyze',
        requestId,
        input,
        options: betweenness === undefined ? options : { ...options, betweenness },
      });
    };

    if (!split) {
      analyze(start());
      return;
    }

    const done = new Array<number>(ranges.length).fill(0);
    const sums = new Float64Array(n);
    let remaining = ranges.length;
    ranges.forEach(([from, to], i) => {
      const worker = start();
      const requestId = crypto.randomUUID();
      worker.onmessage = (event) => {
        const message = event.data;
        if (finished || message.requestId !== requestId) return;
        if (message.type === 'progress') {
          done[i] = message.progress.done;
          onProgress({ stage: 'betweenness', done: done.reduce((a, b) => a + b, 0), total: n });
        } else if (message.type === 'betweenness') {
          for (let k = 0; k < n; k++) sums[k] = sums[k]! + message.sums[k]!;
          done[i] = to - from;
          remaining -= 1;
          if (remaining > 0) return;
          // The rest (PageRank, rings, exposure) is cheap and runs on the first worker; the
          // others have nothing left to do.
          for (const other of workers.slice(1)) other.terminate();
          analyze(workers[0]!, Array.from(normaliseBetweenness(sums)));
        } else if (message.type === 'error') fail(new Error(message.message));
      };
      worker.postMessage({ type: 'betweenness', requestId, input, start: from, end: to });
    });
  });
  return {
    result,
    cancel: () => fail(new AnalysisCancelled('Analysis cancelled.')),
  };
}
