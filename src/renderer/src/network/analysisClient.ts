import {
  runSplitAnalysis,
  type AnalysisHost,
  type AnalysisOptions,
  type AnalysisProgress,
  type AnalysisRun,
  type AnalysisWorker,
  type GraphInput,
} from '../../../core/graph';

export { AnalysisCancelled, type AnalysisRun } from '../../../core/graph';

/** Web Workers hosting src/core/graph/worker.ts, one per core the browser reports. */
function browserHost(): AnalysisHost {
  return {
    // Capped: beyond 8 the copies of the graph cost more memory than the split saves time.
    threads: Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1)),
    createWorker: () =>
      new Worker(new URL('./analysis.worker.ts', import.meta.url), {
        type: 'module',
      }) as AnalysisWorker,
  };
}

/**
 * Runs the analysis off the UI thread, betweenness split across the machine's cores (see
 * runSplitAnalysis). Cancelling terminates every worker at once.
 */
export function runAnalysis(
  input: GraphInput,
  options: AnalysisOptions,
  onProgress: (progress: AnalysisProgress) => void,
): AnalysisRun {
  return runSplitAnalysis(input, options, onProgress, browserHost());
}
