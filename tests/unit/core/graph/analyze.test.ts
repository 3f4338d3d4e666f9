import { describe, expect, it } from 'vitest';
import { analyzeGraph, GraphInputError, ringsOf } from '../../../../src/core/graph';
import type { EntityId } from '../../../../src/core/model';
import { addRing, NetworkBuilder, randomNetwork } from './plantedNetwork';

/**
 * Two rings joined only through one broker; a leader at the centre of ring A; a colluding
 * official linked to a recruiter of ring A and, through a driver, to ring B.
 */
function plantedCase() {
  const b = new NetworkBuilder();
  const ringA = addRing(b, 'a', 12, 0.6, 11);
  const ringB = addRing(b, 'b', 12, 0.6, 22);
  const ringC = addRing(b, 'c', 8, 0.8, 33);
  b.node('broker', ['broker']);
  for (const id of [ringA[0]!, ringA[5]!, ringB[1]!, ringB[6]!]) b.link('broker', id);
  // Ring C hangs off ring B by one link, so the broker also carries A <-> C traffic.
  b.link(ringB[3]!, ringC[0]!);
  return { b, ringA, ringB, ringC };
}

describe('analyzeGraph on a planted network', () => {
  it('ranks the broker between the rings first by betweenness', () => {
    const { b } = plantedCase();
    const result = analyzeGraph(b.build());
    expect(result.centrality[0]!.id).toBe('broker');
    expect(result.centrality[0]!.degree).toBe(4);
    const values = result.centrality.map((r) => r.betweenness);
    expect(values).toEqual([...values].sort((x, y) => y - x));
  });

  it('gives the leader of a star the highest PageRank and degree', () => {
    const b = new NetworkBuilder();
    b.node('boss', ['suspect']);
    for (let i = 0; i < 15; i++) {
      b.node(`m${i}`);
      b.link('boss', `m${i}`);
      if (i > 0) b.link(`m${i}`, `m${i - 1}`);
    }
    const { centrality } = analyzeGraph(b.build());
    const byRank = [...centrality].sort((x, y) => y.pagerank - x.pagerank);
    expect(byRank[0]!.id).toBe('boss');
    expect(byRank[0]!.degree).toBe(15);
    const total = centrality.reduce((s, r) => s + r.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('finds the planted rings as communities, the same way every run', () => {
    const { b, ringA, ringB, ringC } = plantedCase();
    const input = b.build();
    const first = analyzeGraph(input, { seed: 7 });
    const communityOf = (id: string) =>
      first.communities.findIndex((c) => c.includes(id as EntityId));
    for (const ring of [ringA, ringB, ringC]) {
      const labels = new Set(ring.map(communityOf));
      expect(labels.size).toBe(1);
    }
    expect(
      new Set([communityOf(ringA[0]!), communityOf(ringB[0]!), communityOf(ringC[0]!)]).size,
    ).toBe(3);
    expect(first.communities.flat().sort()).toEqual(input.nodes.map((n) => n.id).sort());
    for (let run = 0; run < 3; run++)
      expect(analyzeGraph(input, { seed: 7 }).communities).toEqual(first.communities);
  });

  it('makes Louvain reproducible on an ambiguous network through the seed', () => {
    // A sparse random graph has many near-equal partitions: the visiting order decides.
    const input = randomNetwork(300, 450, 9);
    const partition = (seed: number) => JSON.stringify(analyzeGraph(input, { seed }).communities);
    const first = partition(7);
    expect(partition(7)).toBe(first);
    expect(partition(7)).toBe(first);
    const seeds = new Set([1, 2, 3, 4, 5, 6].map(partition));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('puts isolated entities in communities of their own', () => {
    const b = new NetworkBuilder();
    b.node('x');
    b.node('y');
    b.node('z');
    b.link('x', 'y');
    const { communities } = analyzeGraph(b.build());
    expect(communities).toContainEqual(['z']);
    expect(communities.flat().sort()).toEqual(['x', 'y', 'z']);
  });

  it('counts as rings only communities of two or more: an isolated entity or a self-link is none', () => {
    const b = new NetworkBuilder();
    for (const n of ['a', 'b', 'c', 'd', 'e', 'alone', 'self']) b.node(n);
    b.link('a', 'b');
    b.link('b', 'c');
    b.link('c', 'a');
    b.link('d', 'e');
    b.link('self', 'self');
    const { communities } = analyzeGraph(b.build());
    expect(communities).toHaveLength(4);
    expect(ringsOf(communities).map((r) => [...r].sort())).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('rejects links to entities that are not in the input, naming the link', () => {
    const b = new NetworkBuilder();
    b.node('x');
    b.link('x', 'ghost', { id: 'link-7' });
    expect(() => analyzeGraph(b.build())).toThrow(GraphInputError);
    expect(() => analyzeGraph(b.build())).toThrow(/link-7.*ghost/);
  });

  it('rejects duplicate entity ids', () => {
    const b = new NetworkBuilder();
    b.node('x');
    b.node('x');
    expect(() => analyzeGraph(b.build())).toThrow(/Duplicate node id "x"/);
  });
});
