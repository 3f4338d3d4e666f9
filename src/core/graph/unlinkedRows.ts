import type { Point } from './quickLayout';

export type Unlinked = Readonly<{ id: string; /** The label's width in px. */ labelWidth: number }>;

export type RowOptions = Readonly<{
  /** The largest node's width (an official with its ring). */
  nodeSize?: number;
  /** Space between two labels side by side, and between rows. */
  gap?: number;
  /** Height of a node with its label below it. */
  rowHeight?: number;
}>;

/**
 * Places entities without any link in rows below the linked part of the picture, each in a
 * cell as wide as its label, so that no two labels overlap. A force-directed layout packs such
 * entities as tightly as their nodes allow, and the names under them, wider than the nodes,
 * were drawn over one another.
 */
export function unlinkedRows(
  linked: readonly Point[],
  unlinked: readonly Unlinked[],
  options: RowOptions = {},
): Record<string, Point> {
  const nodeSize = options.nodeSize ?? 38;
  const gap = options.gap ?? 12;
  const rowHeight = options.rowHeight ?? nodeSize + 22;
  let x1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of linked) {
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y > y2) y2 = p.y;
  }
  if (linked.length === 0) {
    x1 = 0;
    x2 = 0;
    y2 = -rowHeight;
  }
  // As wide as the linked picture, and never narrower than a few names.
  const rowWidth = Math.max(x2 - x1, 600);
  const positions: Record<string, Point> = {};
  let x = x1;
  let y = y2 + rowHeight * 1.5;
  for (const node of unlinked) {
    const cell = Math.max(nodeSize, node.labelWidth) + gap;
    if (x > x1 && x + cell > x1 + rowWidth) {
      x = x1;
      y += rowHeight;
    }
    positions[node.id] = { x: x + cell / 2, y };
    x += cell;
  }
  return positions;
}
