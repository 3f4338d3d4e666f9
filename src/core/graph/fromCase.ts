import { displayName, type Entity, type Link } from '../model';
import type { GraphEdge, GraphInput, GraphNode } from './types';

/** The one display name lives with the model (core/model/names.ts). */
export { displayName };

/** Strips the case model down to what the analysis needs, so a worker gets little to copy. */
export function graphInputFromCase(
  entities: readonly Entity[],
  links: readonly Link[],
  /** Links that rest on at least one citation. */
  cited: ReadonlySet<string> = new Set(),
): GraphInput {
  const nodes: GraphNode[] = entities.map((e) => ({
    id: e.id,
    name: displayName(e),
    kind: e.kind,
    roles: e.roles,
    ...(e.posts !== undefined ? { posts: e.posts } : {}),
  }));
  const edges: GraphEdge[] = links.map((l) => ({
    id: l.id,
    source: l.source,
    target: l.target,
    type: l.type,
    directed: l.directed,
    ...(l.from !== undefined ? { from: l.from } : {}),
    ...(l.to !== undefined ? { to: l.to } : {}),
    reliability: l.reliability,
    credibility: l.credibility,
    ...(cited.has(l.id) ? { cited: true } : {}),
  }));
  return { nodes, edges };
}
