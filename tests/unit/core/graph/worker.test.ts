import { describe, expect, it } from 'vitest';
import {
  analyzeGraph,
  handleAnalysisMessage,
  normaliseBetweenness,
  installAnalysisWorker,
  type AnalysisResponse,
  type WorkerScope,
} from '../../../../src/core/graph';
import { addRing, NetworkBuilder } from './plantedNetwork';

function input() {
  const b = new NetworkBuilder();
  addRing(b, 'a', 10, 0.5, 1);
  addRing(b, 'b', 10, 0.5, 2);
  b.link('a0', 'b0');
  return b.build();
}

describe('analysis worker protocol', () => {
  it('answers an analyze request with progress messages and one result', () => {
    const out: AnalysisResponse[] = [];
    // Through structured clone, as a real worker message would arrive.
    const message = structuredClone({
      type: 'analyze',
      requestId: 'r1',
      input: input(),
      options: { seed: 3 },
    });
    handleAnalysisMessage(message, (r) => out.push(structuredClone(r)));
    const last = out.at(-1)!;
    expect(last.type).toBe('result');
    expect(out.every((r) => r.requestId === 'r1')).toBe(true);
    const stages = new Set(out.flatMap((r) => (r.type === 'progress' ? [r.progress.stage] : [])));
    expect([...stages]).toEqual(['betweenness', 'pagerank', 'communities']);
    if (last.type !== 'result') throw new Error('unreachable');
    expect(last.result.centrality).toHaveLength(20);
    expect(last.result.communities).toHaveLength(2);
  });

  it('splits betweenness over several workers and gives the same analysis', () => {
    const graph = input();
    const sums = [
      [0, 7],
      [7, 20],
    ].map(([start, end], i) => {
      const out: AnalysisResponse[] = [];
      handleAnalysisMessage(
        structuredClone({ type: 'betweenness', requestId: `part-${i}`, input: graph, start, end }),
        (r) => out.push(structuredClone(r)),
      );
      const last = out.at(-1)!;
      if (last.type !== 'betweenness') throw new Error(JSON.stringify(last));
      return last.sums;
    });
    const betweenness = [...normaliseBetweenness(sums[0]!.map((v, i) => v + sums[1]![i]!))];
    const out: AnalysisResponse[] = [];
    handleAnalysisMessage(
      { type: 'analyze', requestId: 'whole', input: graph, options: { betweenness } },
      (r) => out.push(r),
    );
    const last = out.at(-1)!;
    if (last.type !== 'result') throw new Error(JSON.stringify(last));
    // No betweenness progress: the precomputed values were used.
    expect(out.some((r) => r.type === 'progress' && r.progress.stage === 'betweenness')).toBe(
      false,
    );
    const direct = analyzeGraph(graph);
    expect(last.result.centrality.map((r) => r.id)).toEqual(direct.centrality.map((r) => r.id));
    last.result.centrality.forEach((r, i) =>
      expect(r.betweenness).toBeCloseTo(direct.centrality[i]!.betweenness, 12),
    );
    expect(() => analyzeGraph(graph, { betweenness: [1, 2] })).toThrow(/2 values for 20 entities/);
  });

  it('reports bad requests and bad input as error messages', () => {
    const out: AnalysisResponse[] = [];
    handleAnalysisMessage({ type: 'explode', requestId: 'r2' }, (r) => out.push(r));
    expect(out).toEqual([
      {
        type: 'error',
        requestId: 'r2',
        message: expect.stringMatching(/Not an analysis request/) as string,
      },
    ]);
    const bad = input();
    handleAnalysisMessage(
      {
        type: 'analyze',
        requestId: 'r3',
        input: { nodes: bad.nodes, edges: [{ ...bad.edges[0]!, target: 'ghost' }] },
      },
      (r) => out.push(r),
    );
    expect(out.at(-1)).toMatchObject({
      type: 'error',
      requestId: 'r3',
      message: expect.stringMatching(/ghost/) as string,
    });
  });

  it('installs on a worker scope', () => {
    const posted: AnalysisResponse[] = [];
    const scope: WorkerScope = { onmessage: null, postMessage: (m) => posted.push(m) };
    installAnalysisWorker(scope);
    scope.onmessage!(
      new MessageEvent('message', { data: { type: 'analyze', requestId: 'r4', input: input() } }),
    );
    expect(posted.at(-1)!.type).toBe('result');
  });
});
