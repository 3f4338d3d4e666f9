/**
 * A cheap first picture of a large case, drawn while fcose still runs in its worker: nodes are
 * grouped by a few sweeps of label propagation (rings of a trafficking case come out as groups),
 * each group is drawn as a circle (or a filled disc when it is large), and the groups are packed
 * in rows, largest first. Linear in nodes and links and deterministic (no randomness, a fixed
 * sweep order), so the same case always gives the same first picture.
 */
export type Point = { x: number; y: number };

/** Distance between neighbours on a group's circle: the 26 px node plus room around it. */
const SPACING = 40;
/** Room between groups. */
const GAP = 60;
/** Sweeps of label propagation: enough for groups of tens to settle, cheap on 15,000 links. */
const SWEEPS = 5;
/** Above this a group is a filled disc (sunflower pattern) rather than a wide empty circle. */
const CIRCLE_MAX = 40;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Groups of node indexes, by label propagation over the undirected links. */
export function quickGroups(
  nodes: readonly string[],
  edges: ReadonlyArray<readonly [string, string]>,
): number[][] {
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((id, i) => index.set(id, i));
  // Adjacency in compressed rows: two typed arrays instead of 5,000 small arrays.
  const degree = new Int32Array(n + 1);
  const pairs: number[] = [];
  for (const [s, t] of edges) {
    const a = index.get(s);
    const b = index.get(t);
    if (a === undefined || b === undefined || a === b) continue;
    pairs.push(a, b);
    degree[a]! += 1;
    degree[b]! += 1;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + degree[i]!;
  const fill = start.slice(0, n);
  const adjacent = new Int32Array(start[n]!);
  for (let k = 0; k < pairs.length; k += 2) {
    const a = pairs[k]!;
    const b = pairs[k + 1]!;
    adjacent[fill[a]!++] = b;
    adjacent[fill[b]!++] = a;
  }

  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) label[i] = i;
  const count = new Map<number, number>();
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      if (start[i] === start[i + 1]) continue;
      count.clear();
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const l = label[adjacent[k]!]!;
        count.set(l, (count.get(l) ?? 0) + 1);
      }
      // The most frequent label among the neighbours; ties go to the smallest, for determinism.
      let best = label[i]!;
      let bestCount = count.get(best) ?? 0;
      for (const [l, c] of count) {
        if (c > bestCount || (c === bestCount && l < best)) {
          best = l;
          bestCount = c;
        }
      }
      if (best !== label[i]) {
        label[i] = best;
        moved++;
      }
    }
    if (moved === 0) break;
  }

  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const members = byLabel.get(label[i]!);
    if (members === undefined) byLabel.set(label[i]!, [i]);
    else members.push(i);
  }
  // Largest first; equal sizes in order of their first member, again for determinism.
  return [...byLabel.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

function radiusOf(size: number): number {
  if (size <= 1) return 0;
  if (size <= CIRCLE_MAX) return Math.max((size * SPACING) / (2 * Math.PI), SPACING / 2);
  return SPACING * 0.6 * Math.sqrt(size);
}

/** Positions for every node, keyed by id: groups packed in rows about as wide as they are tall. */
export function quickLayout(
  nodes: readonly string[],
  edges: ReadonlyArray<readonly [string, string]>,
): Record<string, Point> {
  const groups = quickGroups(nodes, edges);
  let area = 0;
  for (const g of groups) area += (2 * radiusOf(g.length) + GAP) ** 2;
  const rowWidth = Math.max(Math.sqrt(area), 2 * radiusOf(groups[0]?.length ?? 1) + GAP);

  const positions: Record<string, Point> = {};
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const members of groups) {
    const r = radiusOf(members.length);
    const cell = 2 * r + GAP;
    if (x > 0 && x + cell > rowWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const cx = x + cell / 2;
    const cy = y + cell / 2;
    members.forEach((node, i) => {
      let px = cx;
      let py = cy;
      if (members.length > CIRCLE_MAX) {
        const d = SPACING * 0.6 * Math.sqrt(i + 0.5);
        px += d * Math.cos(i * GOLDEN_ANGLE);
        py += d * Math.sin(i * GOLDEN_ANGLE);
      } else if (members.length > 1) {
        const a = (2 * Math.PI * i) / members.length;
        px += r * Math.cos(a);
        py += r * Math.sin(a);
      }
      positions[nodes[node]!] = { x: px, y: py };
    });
    x += cell;
    rowHeight = Math.max(rowHeight, cell);
  }
  return positions;
}
