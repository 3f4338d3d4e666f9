import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import louvain from 'graphology-communities-louvain';
import type { EntityId } from '../model';
import type { GraphIndex } from './graphIndex';
import type { ProgressCallback } from './types';

/** The undirected simple graph of graphindex.ts as a graphology graph, keyed by entity id. */
export function toGraphology(index: GraphIndex): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of index.input.nodes) graph.addNode(node.id);
  const { offsets, neighbours } = index;
  for (let i = 0; i < index.order; i++) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const j = neighbours[k]!;
      if (j > i) graph.addEdge(index.input.nodes[i]!.id, index.input.nodes[j]!.id);
    }
  }
  return graph;
}

export function degrees(index: GraphIndex): Int32Array {
  return Int32Array.from(
    { length: index.order },
    (_, i) => index.offsets[i + 1]! - index.offsets[i]!,
  );
}

export function pageRanks(
  index: GraphIndex,
  graph: Graph,
  onProgress?: ProgressCallback,
): Float64Array {
  onProgress?.({ stage: 'pagerank', done: 0, total: 1 });
  // Unweighted on purpose: PageRank here answers "who sits at the centre of the network", and
  // grading says how sure we are of a link, not how strong the relationship is.
  const ranks =
    index.order === 0 ? {} : pagerank(graph, { getEdgeWeight: null, maxIterations: 1000 });
  onProgress?.({ stage: 'pagerank', done: 1, total: 1 });
  return Float64Array.from(index.input.nodes, (n) => ranks[n.id] ?? 0);
}

/** mulberry32: a small seeded generator, so that Louvain's random order is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Louvain communities: the rings. Same input and seed give the same communities. Isolated
 * entities form communities of one. Largest community first, ids sorted within each, and
 * equal-sized communities ordered by their first id, so the output does not depend on
 * Louvain's arbitrary labels.
 */
export function communities(
  index: GraphIndex,
  graph: Graph,
  options: Readonly<{ seed?: number; resolution?: number }> = {},
  onProgress?: ProgressCallback,
): EntityId[][] {
  onProgress?.({ stage: 'communities', done: 0, total: 1 });
  const labels =
    graph.size === 0
      ? {}
      : louvain(graph, {
          getEdgeWeight: null,
          resolution: options.resolution ?? 1,
          rng: seededRandom(options.seed ?? 1),
        });
  const groups = new Map<string, EntityId[]>();
  for (const node of index.input.nodes) {
    const label = labels[node.id] === undefined ? `single:${node.id}` : String(labels[node.id]);
    const group = groups.get(label);
    if (group === undefined) groups.set(label, [node.id]);
    else group.push(node.id);
  }
  onProgress?.({ stage: 'communities', done: 1, total: 1 });
  return [...groups.values()]
    .map((ids) => ids.sort())
    .sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

/**
 * The rings among the communities: those of two or more entities. An entity with no link to
 * anyone (or only to itself) is a community of one to Louvain, but not a ring; the partition
 * is sorted largest first, so a ring keeps its index (and its colour) in both lists.
 */
export function ringsOf<T>(communities: readonly (readonly T[])[]): readonly (readonly T[])[] {
  return communities.filter((members) => members.length >= 2);
}
