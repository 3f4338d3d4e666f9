import { describe, expect, it } from 'vitest';
import { unlinkedRows } from '../../../../src/core/graph';

describe('unlinkedRows', () => {
  it('places unlinked entities below the linked picture with no two labels overlapping', () => {
    const linked = [
      { x: -100, y: -50 },
      { x: 200, y: 120 },
    ];
    const unlinked = Array.from({ length: 30 }, (_, i) => ({
      id: `u${i}`,
      labelWidth: 40 + ((i * 37) % 120),
    }));
    const placed = unlinkedRows(linked, unlinked);
    const boxes = unlinked.map((u) => {
      const p = placed[u.id]!;
      const half = Math.max(38, u.labelWidth) / 2;
      // The node above, its label (about 14 px) below it.
      return { x1: p.x - half, x2: p.x + half, y1: p.y - 19, y2: p.y + 19 + 18 };
    });
    for (const box of boxes) expect(box.y1).toBeGreaterThan(120);
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const A = boxes[a]!;
        const B = boxes[b]!;
        const overlap = A.x1 < B.x2 && B.x1 < A.x2 && A.y1 < B.y2 && B.y1 < A.y2;
        expect(overlap, `${unlinked[a]!.id} and ${unlinked[b]!.id}`).toBe(false);
      }
    // Rows wrap at about the picture's width rather than running off into one long line.
    const xs = boxes.map((b) => b.x2);
    expect(Math.max(...xs) - Math.min(...boxes.map((b) => b.x1))).toBeLessThan(800);
  });

  it('works without a linked part', () => {
    const placed = unlinkedRows(
      [],
      [
        { id: 'a', labelWidth: 50 },
        { id: 'b', labelWidth: 50 },
      ],
    );
    expect(placed['b']!.x - placed['a']!.x).toBeGreaterThanOrEqual(50);
  });
});
