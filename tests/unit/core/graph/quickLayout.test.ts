/**
 * The quick first picture of a large case (src/core/graph/quickLayout.ts): what the
 * analyst sees for the seconds before the force-directed layout arrives. It must place every
 * entity, keep rings together and apart from each other, never stack two entities on one spot,
 * and give the same picture for the same case every time.
 */
import { describe, expect, test } from 'vitest';
import { quickGroups, quickLayout, seededRandom, type Point } from '../../../../src/core/graph';

type Edge = readonly [string, string];

/**
 * Rings of `size` entities (a dense circle of ties inside each) and one tie between
 * consecutive rings, like a trafficking case's groups joined by brokers.
 */
function rings(
  count: number,
  size: number,
): { nodes: string[]; edges: Edge[]; ringOf: Map<string, number> } {
  const nodes: string[] = [];
  const edges: Edge[] = [];
  const ringOf = new Map<string, number>();
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < size; i++) {
      const id = `r${r}n${i}`;
      nodes.push(id);
      ringOf.set(id, r);
      edges.push([id, `r${r}n${(i + 1) % size}`], [id, `r${r}n${(i + 2) % size}`]);
    }
    if (r > 0) edges.push([`r${r - 1}n0`, `r${r}n0`]);
  }
  return { nodes, edges, ringOf };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function centre(points: readonly Point[]): Point {
  const x = points.reduce((s, p) => s + p.x, 0) / points.length;
  const y = points.reduce((s, p) => s + p.y, 0) / points.length;
  return { x, y };
}

describe('quickGroups', () => {
  test('finds the rings of a case as its groups, largest first', () => {
    const { nodes, edges, ringOf } = rings(6, 12);
    // One ring larger than the rest, to check the order.
    const big = rings(1, 30);
    const allNodes = [...nodes, ...big.nodes.map((n) => `big-${n}`)];
    const allEdges: Edge[] = [
      ...edges,
      ...big.edges.map(([a, b]) => [`big-${a}`, `big-${b}`] as const),
      ['r0n3', 'big-r0n0'],
    ];
    const groups = quickGroups(allNodes, allEdges);
    expect(groups).toHaveLength(7);
    expect(groups[0]!.map((i) => allNodes[i]).every((id) => id!.startsWith('big-'))).toBe(true);
    for (const group of groups.slice(1)) {
      expect(group).toHaveLength(12);
      const ids = group.map((i) => allNodes[i]!);
      expect(new Set(ids.map((id) => ringOf.get(id))).size).toBe(1);
    }
  });

  test('keeps entities without ties as groups of one, and ignores self-ties and unknown ends', () => {
    const groups = quickGroups(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['c', 'c'],
        ['d', 'nobody'],
      ],
    );
    const sorted = groups.map((g) => [...g].sort()).sort((x, y) => y.length - x.length);
    expect(sorted).toEqual([[0, 1], [2], [3]]);
  });
});

describe('quickLayout', () => {
  test('places every entity exactly once, at a finite point', () => {
    const { nodes, edges } = rings(20, 25);
    const isolated = ['lone-1', 'lone-2', 'lone-3'];
    const positions = quickLayout([...nodes, ...isolated], edges);
    expect(Object.keys(positions).sort()).toEqual([...nodes, ...isolated].sort());
    for (const p of Object.values(positions)) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
  });

  test('never puts two entities closer than a node is wide (26 px), in rings and in large groups', () => {
    const { nodes, edges } = rings(8, 25);
    // A group well above the circle limit (40), drawn as a filled disc.
    const hub = Array.from({ length: 300 }, (_, i) => `hub${i}`);
    const hubEdges: Edge[] = hub.slice(1).map((id) => ['hub0', id] as const);
    const positions = quickLayout([...nodes, ...hub], [...edges, ...hubEdges]);
    const points = Object.values(positions);
    let closest = Infinity;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        closest = Math.min(closest, distance(points[i]!, points[j]!));
    expect(closest).toBeGreaterThanOrEqual(26);
  });

  test('draws each ring apart: every entity is nearer its own ring than any other ring', () => {
    const { nodes, edges, ringOf } = rings(12, 20);
    const positions = quickLayout(nodes, edges);
    const centres = Array.from({ length: 12 }, (_, r) =>
      centre(nodes.filter((id) => ringOf.get(id) === r).map((id) => positions[id]!)),
    );
    for (const id of nodes) {
      const own = ringOf.get(id)!;
      const p = positions[id]!;
      const nearest = centres
        .map((c, r) => [distance(p, c), r] as const)
        .sort((a, b) => a[0] - b[0])[0]![1];
      expect(nearest).toBe(own);
    }
  });

  test('packs the groups into a picture about as wide as it is tall', () => {
    const { nodes, edges } = rings(200, 25);
    const points = Object.values(quickLayout(nodes, edges));
    const width = Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x));
    const height = Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y));
    expect(width / height).toBeGreaterThan(0.5);
    expect(width / height).toBeLessThan(2);
  });

  test('gives the same picture for the same case, whatever order the links come in', () => {
    const rand = seededRandom(11);
    const { nodes, edges } = rings(30, 25);
    for (let k = 0; k < 400; k++) {
      edges.push([
        nodes[Math.floor(rand() * nodes.length)]!,
        nodes[Math.floor(rand() * nodes.length)]!,
      ]);
    }
    const first = quickLayout(nodes, edges);
    expect(quickLayout([...nodes], [...edges])).toEqual(first);
    // Label propagation reads each node's neighbours as a multiset, so the links' order does not
    // change the groups, nor therefore the picture.
    const shuffled = [...edges].sort((a, b) => (a[1] + a[0] < b[1] + b[0] ? -1 : 1));
    expect(quickLayout(nodes, shuffled)).toEqual(first);
  });

  test('lays out the benchmark-sized case (5,000 entities, 15,000 links) in well under a second', () => {
    const rand = seededRandom(6);
    const nodes = Array.from({ length: 5000 }, (_, i) => `e${i}`);
    const edges: Edge[] = Array.from({ length: 15000 }, () => {
      const s = Math.floor(rand() * 5000);
      const ring = Math.floor(s / 25);
      const t = rand() < 0.85 ? ring * 25 + Math.floor(rand() * 25) : Math.floor(rand() * 5000);
      return [`e${s}`, `e${t}`] as const;
    });
    const started = performance.now();
    const positions = quickLayout(nodes, edges);
    // Generous for a shared test machine; it takes a few tens of milliseconds on one core.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(Object.keys(positions)).toHaveLength(5000);
  });
});
