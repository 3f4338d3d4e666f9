import type { Role } from '../model';
import { postSpans, type Span } from './dates';
import type { GraphIndex } from './graphIndex';
import { otherEnd } from './graphIndex';
import { edgeSpans, edgeWeights, pathFromEdges, preferredIncident, timeFilter } from './paths';
import { HOP_DECAY } from './strength';
import {
  GraphInputError,
  type ExposedSuspect,
  type OfficialExposure,
  type ProgressCallback,
} from './types';

/** Roles that make an entity a suspect for the exposure report. */
export const SUSPECT_ROLES: readonly Role[] = [
  'suspect',
  'recruiter',
  'broker',
  'transporter',
  'financier',
];

export type ExposureOptions = Readonly<{
  /** Horizon in links; default 2. */
  maxHops?: number;
  /** Keep only links dated inside the official's posts when both are known; default true. */
  timeAware?: boolean;
}>;

type Reach = { strength: number; edge: number; prev: number; hops: number };

/**
 * For every official, the suspects within `maxHops` links, each with the strongest path to them
 * (strength.ts), strongest first. Of several links between the same two entities, each step
 * takes a cited one before an uncited one, then the better graded (paths.ts preferredIncident).
 *
 * Layered search: layer h holds, for each node, the strongest way to reach it in exactly h links.
 * Keeping layers apart (rather than one best value per node) matters because a strong path that
 * uses up the hop budget must not hide a weaker, shorter one that can still be extended. Link
 * weights are at most 1, so a path through a repeated node is never stronger than the same path
 * without the loop: the strongest walks found are simple paths.
 */
export function officialExposure(
  index: GraphIndex,
  options: ExposureOptions = {},
  onProgress?: ProgressCallback,
): OfficialExposure[] {
  const maxHops = options.maxHops ?? 2;
  if (!Number.isInteger(maxHops) || maxHops < 1)
    throw new GraphInputError(`maxHops must be a whole number of at least 1, not ${maxHops}.`);
  const timeAware = options.timeAware ?? true;
  const { nodes } = index.input;
  const isSuspect = nodes.map((n) => n.roles.some((r) => SUSPECT_ROLES.includes(r)));
  const officials = nodes.flatMap((n, i) => (n.roles.includes('official') ? [i] : []));
  const weights = edgeWeights(index);
  const linkSpans = timeAware && officials.length > 0 ? edgeSpans(index) : [];
  const result: OfficialExposure[] = [];

  officials.forEach((official, done) => {
    let spans: Span[] | undefined;
    try {
      spans = timeAware ? postSpans(nodes[official]!.posts) : undefined;
    } catch (error) {
      throw new GraphInputError(
        `Posts of official "${nodes[official]!.id}": ${(error as Error).message}`,
      );
    }
    const allowed = timeFilter(linkSpans, spans);
    const layers: Map<number, Reach>[] = [
      new Map([[official, { strength: 1, edge: -1, prev: -1, hops: 0 }]]),
    ];
    for (let h = 1; h <= maxHops; h++) {
      const next = new Map<number, Reach>();
      const decay = h > 1 ? HOP_DECAY : 1;
      for (const [v, reach] of layers[h - 1]!) {
        for (const e of preferredIncident(index, v, allowed, weights)) {
          const w = otherEnd(index, e, v);
          if (w === official) continue;
          const strength = reach.strength * weights[e]! * decay;
          const current = next.get(w);
          if (current === undefined || strength > current.strength)
            next.set(w, { strength, edge: e, prev: v, hops: h });
        }
      }
      layers.push(next);
    }
    const best = new Map<number, Reach>();
    for (let h = 1; h <= maxHops; h++) {
      for (const [v, reach] of layers[h]!) {
        if (!isSuspect[v]) continue;
        const current = best.get(v);
        if (current === undefined || reach.strength > current.strength) best.set(v, reach);
      }
    }
    const suspects: ExposedSuspect[] = [...best].map(([v, reach]) => {
      const edges: number[] = [];
      let at = v;
      for (let h = reach.hops; h > 0; h--) {
        const r = layers[h]!.get(at)!;
        edges.push(r.edge);
        at = r.prev;
      }
      return {
        id: nodes[v]!.id,
        name: nodes[v]!.name,
        hops: reach.hops,
        path: pathFromEdges(index, official, edges.reverse(), weights, allowed),
      };
    });
    suspects.sort(
      (a, b) => b.path.strength - a.path.strength || a.hops - b.hops || a.id.localeCompare(b.id),
    );
    result.push({
      official: nodes[official]!.id,
      name: nodes[official]!.name,
      timeAware: spans !== undefined,
      suspects,
    });
    onProgress?.({ stage: 'exposure', done: done + 1, total: officials.length });
  });
  return result;
}
