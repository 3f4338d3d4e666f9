import { analyzeGraph } from './analyze';
import { betweennessFromSources } from './betweenness';
import { indexGraph } from './graphIndex';
import type { AnalysisOptions, AnalysisProgress, AnalysisResult, GraphInput } from './types';

/**
 * Message protocol for running the analysis in Web Workers. The UI's worker entry is two lines:
 *
 *   import { installAnalysisWorker } from '../core/graph/worker';
 *   installAnalysisWorker(self);
 *
 * The UI posts a request and receives any number of progress messages, then exactly one result
 * or error, all with the request's id:
 *
 * - {type: 'analyze', requestId, input, options} -> result: AnalysisResult.
 * - {type: 'betweenness', requestId, input, start, end} -> result: the un-normalised sums from
 *   sources start..end-1 (betweennessFromSources). Betweenness is most of the work on a large
 *   case and splits by source, so the UI can give each of navigator.hardwareConcurrency workers
 *   a range, add the arrays, normalise (normaliseBetweenness), and pass the values to 'analyze'
 *   as options.betweenness so it is not computed again.
 *
 * Each computation is synchronous inside its worker; to cancel, the UI terminates the worker,
 * which is immediate and leaves nothing half-written since the analysis has no side effects.
 */
export type AnalyzeRequest = Readonly<{
  type: 'analyze';
  requestId: string;
  input: GraphInput;
  options?: AnalysisOptions;
}>;

export type BetweennessRequest = Readonly<{
  type: 'betweenness';
  requestId: string;
  input: GraphInput;
  start: number;
  end: number;
}>;

export type AnalysisRequest = AnalyzeRequest | BetweennessRequest;

export type AnalysisResponse =
  | Readonly<{ type: 'progress'; requestId: string; progress: AnalysisProgress }>
  | Readonly<{ type: 'result'; requestId: string; result: AnalysisResult }>
  | Readonly<{ type: 'betweenness'; requestId: string; sums: Float64Array }>
  | Readonly<{ type: 'error'; requestId: string; message: string }>;

function isRequest(message: unknown): message is AnalysisRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  const input = m['input'] as Record<string, unknown> | null | undefined;
  const hasInput =
    typeof input === 'object' &&
    input !== null &&
    Array.isArray(input['nodes']) &&
    Array.isArray(input['edges']);
  if (typeof m['requestId'] !== 'string' || !hasInput) return false;
  return (
    m['type'] === 'analyze' ||
    (m['type'] === 'betweenness' && typeof m['start'] === 'number' && typeof m['end'] === 'number')
  );
}

/** Handles one message; `post` receives the responses. Never throws: errors become messages. */
export function handleAnalysisMessage(
  message: unknown,
  post: (response: AnalysisResponse) => void,
): void {
  const requestId =
    typeof message === 'object' &&
    message !== null &&
    typeof (message as Record<string, unknown>)['requestId'] === 'string'
      ? ((message as Record<string, unknown>)['requestId'] as string)
      : '';
  if (!isRequest(message)) {
    post({
      type: 'error',
      requestId,
      message:
        'Not an analysis request: expected {type: "analyze", requestId, input: {nodes, edges}} ' +
        'or {type: "betweenness", requestId, input, start, end}.',
    });
    return;
  }
  const progress = (p: AnalysisProgress) => post({ type: 'progress', requestId, progress: p });
  try {
    if (message.type === 'betweenness') {
      const sums = betweennessFromSources(
        indexGraph(message.input),
        message.start,
        message.end,
        progress,
      );
      post({ type: 'betweenness', requestId, sums });
    } else {
      const result = analyzeGraph(message.input, message.options ?? {}, progress);
      post({ type: 'result', requestId, result });
    }
  } catch (error) {
    post({
      type: 'error',
      requestId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The part of a worker's global scope the protocol needs (DedicatedWorkerGlobalScope has it). */
export type WorkerScope = {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage: (message: AnalysisResponse) => void;
};

export function installAnalysisWorker(scope: WorkerScope): void {
  scope.onmessage = (event) =>
    handleAnalysisMessage(event.data, (response) => scope.postMessage(response));
}
