import { describe, expect, it } from 'vitest';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness';
import {
  betweennessCentrality,
  betweennessFromSources,
  normaliseBetweenness,
  indexGraph,
  toGraphology,
  type GraphInput,
} from '../../../../src/core/graph';
import { NetworkBuilder, randomNetwork } from './plantedNetwork';

function compareWithGraphology(input: GraphInput): void {
  const index = indexGraph(input);
  const ours = betweennessCentrality(index);
  const theirs = graphologyBetweenness(toGraphology(index), { getEdgeWeight: null });
  input.nodes.forEach((node, i) => {
    expect(ours[i]).toBeCloseTo(theirs[node.id] ?? Number.NaN, 10);
  });
}

describe('betweennessCentrality', () => {
  it('matches graphology-metrics on random graphs with parallel links, loops and isolates', () => {
    for (const [n, m, seed] of [
      [8, 12, 1],
      [30, 60, 2],
      [60, 90, 3], // sparse: several components
      [40, 400, 4], // dense
    ] as const) {
      compareWithGraphology(randomNetwork(n, m, seed));
    }
  });

  it('gives a path graph the textbook values', () => {
    // a - b - c - d: b and c each lie on 2 of the 3 pairs not involving them.
    const b = new NetworkBuilder();
    ['a', 'b', 'c', 'd'].forEach((id) => b.node(id));
    b.link('a', 'b');
    b.link('b', 'c');
    b.link('c', 'd');
    const values = [...betweennessCentrality(indexGraph(b.build()))];
    // Normalised by (n-1)(n-2) = 6 with each pair counted from both ends: 2 pairs x 2 / 6.
    expect(values).toEqual([0, 4 / 6, 4 / 6, 0]);
  });

  it('adds up from source ranges to the same values, so workers can share the job', () => {
    const index = indexGraph(randomNetwork(50, 120, 6));
    const halves = [betweennessFromSources(index, 0, 20), betweennessFromSources(index, 20, 50)];
    const summed = normaliseBetweenness(halves[0]!.map((v, i) => v + halves[1]![i]!));
    const whole = betweennessCentrality(index);
    summed.forEach((v, i) => expect(v).toBeCloseTo(whole[i]!, 12));
    expect(() => betweennessFromSources(index, 10, 60)).toThrow(/10\.\.60/);
  });

  it('reports progress up to the number of nodes', () => {
    const seen: number[] = [];
    betweennessCentrality(indexGraph(randomNetwork(250, 500, 5)), (p) => seen.push(p.done));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(250);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('handles empty and tiny graphs', () => {
    expect([...betweennessCentrality(indexGraph({ nodes: [], edges: [] }))]).toEqual([]);
    const b = new NetworkBuilder();
    b.node('a');
    b.node('b');
    b.link('a', 'b');
    expect([...betweennessCentrality(indexGraph(b.build()))]).toEqual([0, 0]);
  });
});
