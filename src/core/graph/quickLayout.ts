/**
 * A cheap first picture of a large network, drawn while a force-directed layout still runs (the
 * Network view runs fcose in a worker): nodes are grouped by label propagation over ties
 * weighted by the triangles they close (rings of a trafficking case come out as groups, and a
 * broker's tie between two rings does not merge them), the pieces of a sparse ring are joined
 * by one pass of Louvain's local moves, each group is drawn as a circle (or a filled disc when
 * it is large), and the groups are packed in rows, largest first. Near-linear on sparse
 * networks (the triangle count costs the sum of the neighbours' degrees) and deterministic (no
 * randomness, a fixed sweep order), so the same case always gives the same first picture.
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

  // Each tie weighs 1 plus the neighbours its two ends share. Ties inside a ring close
  // triangles; a broker's tie to another ring closes few or none. Unweighted, the first sweep
  // meets only ties of equal weight, and one ring's label flows over a single tie into the next
  // ring and on through the whole case (rings joined by brokers came out as one group).
  const weight = new Float64Array(adjacent.length);
  const mark = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) mark[adjacent[k]!] = i;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = adjacent[k]!;
      let shared = 0;
      for (let m = start[j]!; m < start[j + 1]!; m++) if (mark[adjacent[m]!] === i) shared++;
      weight[k] = 1 + shared;
    }
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
        count.set(l, (count.get(l) ?? 0) + weight[k]!);
      }
      // The heaviest label among the neighbours. A node keeps its own label when that ties for
      // heaviest (so settled groups stay put); other ties go to the smallest, for determinism.
      let best = label[i]!;
      let bestCount = count.get(best) ?? 0;
      for (const [l, c] of count) {
        if (c > bestCount || (c === bestCount && l < best && best !== label[i])) {
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

  mergeFragments(label, start, adjacent, weight);

  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const members = byLabel.get(label[i]!);
    if (members === undefined) byLabel.set(label[i]!, [i]);
    else members.push(i);
  }
  // Largest first; equal sizes in order of their first member, again for determinism.
  return [...byLabel.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

/**
 * Label propagation settles on a sparse ring in a few pieces, which the packing would then draw
 * far apart. One pass of Louvain's local moves over those pieces joins each piece to the
 * neighbouring group that raises modularity most, usually the rest of its ring; rings as wholes
 * are not moved, so two rings joined by a broker stay two groups. Rewrites `label` in place.
 */
function mergeFragments(
  label: Int32Array,
  start: Int32Array,
  adjacent: Int32Array,
  weight: Float64Array,
): void {
  const n = label.length;
  // Pieces numbered 0..count-1 in order of their first node, for a deterministic sweep.
  const pieceOf = new Int32Array(n);
  const pieceOfLabel = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let p = pieceOfLabel.get(label[i]!);
    if (p === undefined) {
      p = pieceOfLabel.size;
      pieceOfLabel.set(label[i]!, p);
    }
    pieceOf[i] = p;
  }
  const count = pieceOfLabel.size;
  const degree = new Float64Array(count);
  const ties: Array<Map<number, number>> = Array.from(
    { length: count },
    () => new Map<number, number>(),
  );
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = pieceOf[i]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const w = weight[k]!;
      degree[a] = degree[a]! + w;
      total += w;
      const b = pieceOf[adjacent[k]!]!;
      if (b !== a) ties[a]!.set(b, (ties[a]!.get(b) ?? 0) + w);
    }
  }
  if (total === 0) return;
  const groupOf = new Int32Array(count);
  const groupDegree = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    groupOf[p] = p;
    groupDegree[p] = degree[p]!;
  }
  const toGroup = new Map<number, number>();
  for (let p = 0; p < count; p++) {
    const own = groupOf[p]!;
    groupDegree[own] = groupDegree[own]! - degree[p]!;
    toGroup.clear();
    for (const [q, w] of ties[p]!) toGroup.set(groupOf[q]!, (toGroup.get(groupOf[q]!) ?? 0) + w);
    // Modularity gain of joining group g, up to a constant factor: ties into g less the ties
    // expected between them at random.
    const gain = (g: number): number =>
      (toGroup.get(g) ?? 0) - (groupDegree[g]! * degree[p]!) / total;
    let best = own;
    let bestGain = gain(own);
    for (const g of toGroup.keys()) {
      const value = gain(g);
      if (value > bestGain || (value === bestGain && g < best && best !== own)) {
        best = g;
        bestGain = value;
      }
    }
    groupOf[p] = best;
    groupDegree[best] = groupDegree[best]! + degree[p]!;
  }
  for (let i = 0; i < n; i++) label[i] = groupOf[pieceOf[i]!]!;
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
