/**
 * The analysis host (src/core/graph/parallel.ts, used by the Network view's analysisClient)
 * splits betweenness over several workers. These tests run the real
 * worker protocol (src/core/graph/worker.ts handleAnalysisMessage) behind an in-process worker
 * that delivers each message asynchronously, as a Web Worker does, and check that the split
 * gives exactly the single-thread analysis, that progress adds up, and that cancelling stops
 * every worker.
 */
import { describe, expect, test } from 'vitest';
import {
  analyzeGraph,
  handleAnalysisMessage,
  AnalysisCancelled,
  PARALLEL_FROM,
  runSplitAnalysis as runAnalysis,
  sourceRanges,
  type AnalysisHost,
  type AnalysisProgress,
  type AnalysisRequest,
  type AnalysisResponse,
  type AnalysisWorker,
} from '../../../../src/core/graph';
import { addRing, NetworkBuilder, randomNetwork } from '../../core/graph/plantedNetwork';

type Log = { requests: AnalysisRequest[]; terminated: number; created: number };

/** A worker whose messages cross a task boundary each way, like postMessage does. */
function inProcessHost(threads: number, log: Log): AnalysisHost {
  return {
    threads,
    createWorker: () => {
      log.created += 1;
      let dead = false;
      const worker: AnalysisWorker = {
        onmessage: null,
        onerror: null,
        postMessage: (message) => {
          log.requests.push(message);
          // Structured clone, as postMessage does: the worker never shares the caller's objects.
          const copy = structuredClone(message);
          setTimeout(() => {
            if (dead) return;
            handleAnalysisMessage(copy, (response: AnalysisResponse) => {
              const data = structuredClone(response);
              setTimeout(() => {
                if (!dead) worker.onmessage?.({ data });
              });
            });
          });
        },
        terminate: () => {
          if (!dead) log.terminated += 1;
          dead = true;
        },
      };
      return worker;
    },
  };
}

const freshLog = (): Log => ({ requests: [], terminated: 0, created: 0 });

describe('runAnalysis', () => {
  test('splits betweenness over the workers and gives the single-thread result', async () => {
    const input = randomNetwork(PARALLEL_FROM + 100, 1500, 7);
    const log = freshLog();
    const progress: AnalysisProgress[] = [];
    const run = runAnalysis(input, { maxHops: 2 }, (p) => progress.push(p), inProcessHost(3, log));
    const result = await run.result;
    const expected = analyzeGraph(input, { maxHops: 2 });

    expect(log.created).toBe(3);
    const ranges = log.requests
      .filter((r) => r.type === 'betweenness')
      .map((r) => (r.type === 'betweenness' ? [r.start, r.end] : []));
    expect(ranges).toEqual([
      [0, 166],
      [166, 333],
      [333, 500],
    ]);
    const analyze = log.requests.find((r) => r.type === 'analyze');
    expect(analyze?.type === 'analyze' && analyze.options?.betweenness?.length).toBe(500);

    expect(result.centrality.map((r) => r.id)).toEqual(expected.centrality.map((r) => r.id));
    result.centrality.forEach((row, i) => {
      expect(row.betweenness).toBeCloseTo(expected.centrality[i]!.betweenness, 12);
      expect(row.pagerank).toBe(expected.centrality[i]!.pagerank);
    });
    expect(result.communities).toEqual(expected.communities);
    expect(result.exposure).toEqual(expected.exposure);

    // Betweenness progress is the sum over workers: it never goes back and reaches the total.
    const between = progress.filter((p) => p.stage === 'betweenness');
    expect(between.every((p) => p.total === 500)).toBe(true);
    between.forEach((p, i) => expect(p.done).toBeGreaterThanOrEqual(between[i - 1]?.done ?? 0));
    expect(between.at(-1)?.done).toBe(500);
    expect(progress.some((p) => p.stage === 'pagerank')).toBe(true);
    // Every worker is gone once the result is in.
    expect(log.terminated).toBe(3);
  });

  test('finds the broker between two rings the same way when split', async () => {
    const b = new NetworkBuilder();
    const left = addRing(b, 'a', 250, 0.05, 1);
    const right = addRing(b, 'b', 250, 0.05, 2);
    b.node('broker');
    // Three ties into each ring, so no single ring member is the only way across.
    for (const i of [0, 80, 160]) {
      b.link('broker', left[i]!);
      b.link('broker', right[i]!);
    }
    const run = runAnalysis(b.build(), {}, () => undefined, inProcessHost(4, freshLog()));
    expect((await run.result).centrality[0]?.id).toBe('broker');
  });

  test('a small case runs in one worker', async () => {
    const log = freshLog();
    const run = runAnalysis(randomNetwork(30, 60, 3), {}, () => undefined, inProcessHost(4, log));
    await run.result;
    expect(log.created).toBe(1);
    expect(log.requests.map((r) => r.type)).toEqual(['analyze']);
  });

  test('cancel during betweenness terminates every worker and reports nothing more', async () => {
    const log = freshLog();
    const progress: AnalysisProgress[] = [];
    let cancel = (): void => undefined;
    const run = runAnalysis(
      randomNetwork(PARALLEL_FROM + 200, 2000, 11),
      {},
      (p) => {
        progress.push(p);
        cancel();
      },
      inProcessHost(3, log),
    );
    cancel = run.cancel;
    await expect(run.result).rejects.toBeInstanceOf(AnalysisCancelled);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.terminated).toBe(3);
    expect(progress).toHaveLength(1);
    expect(log.requests.some((r) => r.type === 'analyze')).toBe(false);
  });

  test('an error in one worker fails the run and stops the others', async () => {
    const log = freshLog();
    const input = randomNetwork(PARALLEL_FROM + 10, 800, 5);
    // A link to an entity that does not exist: the worker's indexGraph rejects it.
    const broken = {
      ...input,
      edges: [...input.edges, { ...input.edges[0]!, id: 'bad', target: 'nobody' }],
    } as typeof input;
    const run = runAnalysis(broken, {}, () => undefined, inProcessHost(2, log));
    await expect(run.result).rejects.toThrow(/nobody/);
    expect(log.terminated).toBe(2);
  });
});

describe('sourceRanges', () => {
  test('covers every source once, in nearly equal parts', () => {
    expect(sourceRanges(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(sourceRanges(2, 8)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
