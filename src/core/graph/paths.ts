import type { EntityId } from '../model';
import { linkSpan, withinPosts, type Span } from './dates';
import { indexGraph, otherEnd, type GraphIndex } from './graphIndex';
import { linkWeight, pathStrength } from './strength';
import { GraphInputError, type GraphInput, type GraphPath, type PathStep } from './types';

/** Which links a path may use: all of them, or only those inside the given time spans. */
export type EdgeFilter = (edgeIndex: number) => boolean;

/** Each link's span, parsed once per analysis rather than once per official. */
export function edgeSpans(index: GraphIndex): (Span | undefined)[] {
  return index.input.edges.map((e) => {
    try {
      return linkSpan(e.from, e.to);
    } catch (error) {
      throw new GraphInputError(`Link "${e.id}": ${(error as Error).message}`);
    }
  });
}

/** Decides lazily: an official's search touches a few links, not all of them. */
export function timeFilter(
  linkSpans: readonly (Span | undefined)[],
  spans: readonly Span[] | undefined,
): EdgeFilter {
  if (spans === undefined) return () => true;
  const decided = new Map<number, boolean>();
  return (e) => {
    let keep = decided.get(e);
    if (keep === undefined) {
      keep = withinPosts(linkSpans[e], spans);
      decided.set(e, keep);
    }
    return keep;
  };
}

export function edgeWeights(index: GraphIndex): Float64Array {
  return Float64Array.from(index.input.edges, (e) => linkWeight(e.reliability, e.credibility));
}

/**
 * Whether link `a` is preferred over link `b` joining the same two entities: a cited link before
 * an uncited one, then the better graded (strength.ts), then the earlier in the input. A path
 * then rests on the best evidence there is for each of its steps.
 */
function preferred(index: GraphIndex, weights: Float64Array, a: number, b: number): boolean {
  const ca = index.input.edges[a]!.cited === true;
  const cb = index.input.edges[b]!.cited === true;
  if (ca !== cb) return ca;
  if (weights[a] !== weights[b]) return weights[a]! > weights[b]!;
  return a < b;
}

/**
 * The links from node `v` that a path may take: those `allowed`, and of several joining `v` to
 * the same entity only the preferred one (see preferred above).
 */
export function preferredIncident(
  index: GraphIndex,
  v: number,
  allowed: EdgeFilter,
  weights: Float64Array,
): readonly number[] {
  const incident = index.incident[v]!;
  const chosen = new Map<number, number>();
  for (const e of incident) {
    if (!allowed(e)) continue;
    const w = otherEnd(index, e, v);
    const current = chosen.get(w);
    if (current === undefined || preferred(index, weights, e, current)) chosen.set(w, e);
  }
  return chosen.size === incident.length ? incident : [...chosen.values()];
}

export function makeStep(
  index: GraphIndex,
  e: number,
  from: number,
  allowed: EdgeFilter = () => true,
): PathStep {
  const edge = index.input.edges[e]!;
  const to = otherEnd(index, e, from);
  let passedOver = 0;
  for (const other of index.incident[from]!)
    if (other !== e && allowed(other) && otherEnd(index, other, from) === to) passedOver++;
  const forward = index.ends[2 * e] === from;
  return {
    from: index.input.nodes[from]!.id,
    to: index.input.nodes[to]!.id,
    linkId: edge.id,
    type: edge.type,
    direction: !edge.directed ? 'undirected' : forward ? 'forward' : 'backward',
    ...(edge.from !== undefined ? { linkFrom: edge.from } : {}),
    ...(edge.to !== undefined ? { linkTo: edge.to } : {}),
    reliability: edge.reliability,
    credibility: edge.credibility,
    ...(edge.cited === true ? { cited: true as const } : {}),
    ...(passedOver > 0 ? { passedOver } : {}),
  };
}

export function pathFromEdges(
  index: GraphIndex,
  start: number,
  edges: readonly number[],
  weights: Float64Array,
  allowed: EdgeFilter = () => true,
): GraphPath {
  const steps: PathStep[] = [];
  const nodes: EntityId[] = [index.input.nodes[start]!.id];
  let at = start;
  for (const e of edges) {
    const step = makeStep(index, e, at, allowed);
    steps.push(step);
    nodes.push(step.to);
    at = otherEnd(index, e, at);
  }
  return { nodes, steps, strength: pathStrength(edges.map((e) => weights[e]!)) };
}

export type ShortestPathOptions = Readonly<{
  /** Only links overlapping these spans (see dates.ts); e.g. an official's time in post. */
  within?: readonly Span[];
}>;

/**
 * A shortest path (fewest links) from `from` to `to`, or null when none exists. Among the
 * shortest paths it returns the strongest one (strength.ts), so that the path shown rests on
 * the best-graded evidence; of several links between the same two entities a cited one is taken
 * before an uncited one (preferredIncident); ties go to the earlier link in the input.
 */
export function shortestPath(
  input: GraphInput | GraphIndex,
  from: EntityId,
  to: EntityId,
  options: ShortestPathOptions = {},
): GraphPath | null {
  const index = 'order' in input ? input : indexGraph(input);
  const s = index.indexOf.get(from);
  const t = index.indexOf.get(to);
  if (s === undefined) throw new GraphInputError(`Unknown entity "${from}".`);
  if (t === undefined) throw new GraphInputError(`Unknown entity "${to}".`);
  const allowed = timeFilter(edgeSpans(index), options.within);
  const weights = edgeWeights(index);
  const distance = new Int32Array(index.order).fill(-1);
  const best = new Float64Array(index.order);
  const via = new Int32Array(index.order).fill(-1);
  distance[s] = 0;
  best[s] = 1;
  const queue = [s];
  // Breadth-first by levels: every node of level d is final before level d + 1 is expanded,
  // so `best` (the max product of link weights over shortest paths) is exact when read.
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    if (v === t) break;
    for (const e of preferredIncident(index, v, allowed, weights)) {
      const w = otherEnd(index, e, v);
      if (distance[w] === -1) {
        distance[w] = distance[v]! + 1;
        queue.push(w);
      }
      if (distance[w] === distance[v]! + 1) {
        const candidate = best[v]! * weights[e]!;
        if (candidate > best[w]!) {
          best[w] = candidate;
          via[w] = e;
        }
      }
    }
  }
  if (distance[t] === -1) return null;
  const edges: number[] = [];
  for (let at = t; at !== s;) {
    const e = via[at]!;
    edges.push(e);
    at = otherEnd(index, e, at);
  }
  return pathFromEdges(index, s, edges.reverse(), weights, allowed);
}
