import type { EntityId } from '../model';
import { GraphInputError, type GraphInput } from './types';

/**
 * Integer-indexed view of a GraphInput, built once per analysis.
 *
 * Centrality and communities treat the network as undirected and simple: who can reach whom
 * matters to brokerage more than who called whom, and ten calls between two people are one
 * relationship, not ten. `neighbours` is that simple graph in compressed sparse rows (CSR).
 * Paths need every individual link (for its evidence), so `incident` keeps them all.
 */
export type GraphIndex = Readonly<{
  input: GraphInput;
  order: number;
  indexOf: ReadonlyMap<EntityId, number>;
  /** neighbours of node i are neighbours[offsets[i] .. offsets[i + 1]), sorted, no self. */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Edge indexes (into input.edges) touching each node; self-loops left out. */
  incident: readonly (readonly number[])[];
  /** Node indexes of each edge's ends: source at 2e, target at 2e + 1. */
  ends: Int32Array;
}>;

export function indexGraph(input: GraphInput): GraphIndex {
  const indexOf = new Map<EntityId, number>();
  input.nodes.forEach((node, i) => {
    if (typeof node.id !== 'string' || node.id === '')
      throw new GraphInputError(`Node at position ${i} has no id.`);
    if (indexOf.has(node.id)) throw new GraphInputError(`Duplicate node id "${node.id}".`);
    indexOf.set(node.id, i);
  });
  const order = input.nodes.length;
  const incident: number[][] = Array.from({ length: order }, () => []);
  const sets: Set<number>[] = Array.from({ length: order }, () => new Set<number>());
  const linkIds = new Set<string>();
  const ends = new Int32Array(input.edges.length * 2);
  input.edges.forEach((edge, e) => {
    if (linkIds.has(edge.id)) throw new GraphInputError(`Duplicate link id "${edge.id}".`);
    linkIds.add(edge.id);
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined)
      throw new GraphInputError(`Link "${edge.id}" starts at unknown entity "${edge.source}".`);
    if (t === undefined)
      throw new GraphInputError(`Link "${edge.id}" ends at unknown entity "${edge.target}".`);
    ends[2 * e] = s;
    ends[2 * e + 1] = t;
    if (s === t) return;
    incident[s]!.push(e);
    incident[t]!.push(e);
    sets[s]!.add(t);
    sets[t]!.add(s);
  });
  const offsets = new Int32Array(order + 1);
  for (let i = 0; i < order; i++) offsets[i + 1] = offsets[i]! + sets[i]!.size;
  const neighbours = new Int32Array(offsets[order]!);
  for (let i = 0; i < order; i++) {
    const sorted = [...sets[i]!].sort((a, b) => a - b);
    neighbours.set(sorted, offsets[i]);
  }
  return { input, order, indexOf, offsets, neighbours, incident, ends };
}

/** The node at the other end of edge `e` from node `i`. */
export function otherEnd(index: GraphIndex, e: number, i: number): number {
  const s = index.ends[2 * e]!;
  return s === i ? index.ends[2 * e + 1]! : s;
}
