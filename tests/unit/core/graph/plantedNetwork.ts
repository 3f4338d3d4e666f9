/**
 * Builders for graph inputs with a planted structure: the tests know the answer because they
 * put it there, and check that the analysis finds it.
 */
import type {
  EntityId,
  InformationCredibility,
  LinkId,
  LinkType,
  OfficialPost,
  Role,
  SourceReliability,
} from '../../../../src/core/model';
import type { GraphEdge, GraphInput, GraphNode } from '../../../../src/core/graph';
import { seededRandom } from '../../../../src/core/graph';

export class NetworkBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];

  node(id: string, roles: readonly Role[] = [], posts?: readonly OfficialPost[]): EntityId {
    this.nodes.push({
      id: id as EntityId,
      name: `Name of ${id}`,
      kind: 'person',
      roles,
      ...(posts !== undefined ? { posts } : {}),
    });
    return id as EntityId;
  }

  link(
    source: string,
    target: string,
    extra: Partial<{
      id: string;
      type: LinkType;
      from: string;
      to: string;
      reliability: SourceReliability;
      credibility: InformationCredibility;
      directed: boolean;
      cited: boolean;
    }> = {},
  ): LinkId {
    const id = (extra.id ?? `L${this.edges.length}:${source}-${target}`) as LinkId;
    this.edges.push({
      id,
      source: source as EntityId,
      target: target as EntityId,
      type: extra.type ?? 'associate',
      directed: extra.directed ?? false,
      ...(extra.from !== undefined ? { from: extra.from } : {}),
      ...(extra.to !== undefined ? { to: extra.to } : {}),
      reliability: extra.reliability ?? 'B',
      credibility: extra.credibility ?? 2,
      ...(extra.cited === true ? { cited: true } : {}),
    });
    return id;
  }

  build(): GraphInput {
    return { nodes: [...this.nodes], edges: [...this.edges] };
  }
}

/** A dense ring: every member linked to each other member with probability `density`. */
export function addRing(
  b: NetworkBuilder,
  prefix: string,
  size: number,
  density: number,
  seed: number,
  roles: readonly Role[] = ['suspect'],
): string[] {
  const rand = seededRandom(seed);
  const ids = Array.from({ length: size }, (_, i) => b.node(`${prefix}${i}`, roles));
  for (let i = 0; i < size; i++)
    for (let j = i + 1; j < size; j++) if (rand() < density) b.link(ids[i]!, ids[j]!);
  // A cycle through the ring keeps it connected whatever the random draw.
  for (let i = 0; i < size; i++) {
    const j = (i + 1) % size;
    if (
      !b.edges.some(
        (e) =>
          (e.source === ids[i] && e.target === ids[j]) ||
          (e.source === ids[j] && e.target === ids[i]),
      )
    )
      b.link(ids[i]!, ids[j]!);
  }
  return ids;
}

/** A random graph with n nodes and about m links (Erdős–Rényi style, seeded). */
export function randomNetwork(n: number, m: number, seed: number): GraphInput {
  const rand = seededRandom(seed);
  const b = new NetworkBuilder();
  for (let i = 0; i < n; i++) b.node(`n${i}`);
  for (let k = 0; k < m; k++) {
    const s = Math.floor(rand() * n);
    const t = Math.floor(rand() * n);
    b.link(`n${s}`, `n${t}`);
  }
  return b.build();
}
