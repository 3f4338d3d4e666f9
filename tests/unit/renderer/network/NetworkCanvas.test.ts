/**
 * The network canvas controller on headless Cytoscape, in Node: the two-step draw of a large
 * case (entities first in the quick grouped layout, links a drawn frame later, the refined
 * layout applied after the first picture), with the filters holding for the links added late.
 * Frames are stepped by hand, so the test waits for nothing; the fcose worker is replaced by a
 * layout whose result the test hands over when it chooses.
 */
import { describe, expect, it } from 'vitest';
import type { EntityId, LinkId } from '../../../../src/core/model';
import {
  LARGE,
  NetworkCanvas,
  type CanvasEvents,
  type EdgeSpec,
  type NodeSpec,
} from '../../../../src/renderer/src/network/NetworkCanvas';
import type { LayoutRequest } from '../../../../src/renderer/src/network/layoutClient';

function rings(entities: number): { nodes: NodeSpec[]; edges: EdgeSpec[] } {
  const nodes: NodeSpec[] = [];
  const edges: EdgeSpec[] = [];
  for (let i = 0; i < entities; i++) {
    nodes.push({ id: `n${i}` as EntityId, shape: 'ellipse', official: i % 100 === 0 });
    const ring = Math.floor(i / 20) * 20;
    const next = ring + ((i - ring + 1) % 20);
    edges.push({
      id: `e${i}` as LinkId,
      source: `n${i}` as EntityId,
      target: `n${next}` as EntityId,
      directed: false,
      label: i % 4 === 0 ? 'called' : 'associate',
      lineStyle: 'solid',
    });
  }
  return { nodes, edges };
}

function harness(): {
  canvas: NetworkCanvas;
  step: () => void;
  events: Partial<{ [K in keyof CanvasEvents]: CanvasEvents[K][] }>;
  layout: {
    request: LayoutRequest | null;
    resolve: (p: Record<string, { x: number; y: number }>) => void;
  };
} {
  const frames: (() => void)[] = [];
  const layout = {
    request: null as LayoutRequest | null,
    resolve: (_: Record<string, { x: number; y: number }>): void => undefined,
  };
  const canvas = new NetworkCanvas({
    container: null,
    frames: (done) => {
      frames.push(done);
      return () => frames.splice(frames.indexOf(done), 1);
    },
    layout: (request) => {
      layout.request = request;
      return {
        positions: new Promise((resolve) => (layout.resolve = resolve)),
        cancel: () => undefined,
      };
    },
  });
  const events: Partial<{ [K in keyof CanvasEvents]: CanvasEvents[K][] }> = {};
  const record = <K extends keyof CanvasEvents>(name: K): void => {
    const list: CanvasEvents[K][] = [];
    (events as Record<K, CanvasEvents[K][]>)[name] = list;
    canvas.on(name, (e) => list.push(e));
  };
  (['drawn', 'complete', 'layingOut', 'visibleEdges', 'moved'] as const).forEach(record);
  const step = (): void => {
    const due = frames.splice(0);
    for (const done of due) done();
  };
  return { canvas, step, events, layout };
}

const appearance = {
  labelOf: (id: EntityId) => id,
  colourOf: () => '#000000',
  pinned: new Set<EntityId>(),
};

describe('NetworkCanvas', () => {
  it('draws a large case in two steps and keeps the filters on the links added late', async () => {
    const { nodes, edges } = rings(1_600);
    expect(nodes.length).toBeGreaterThan(LARGE);
    const { canvas, step, events, layout } = harness();
    const all = {
      entities: new Set(nodes.map((n) => n.id)),
      links: new Set<string>(edges.map((e) => e.id)),
    };
    expect(canvas.build({ nodes, edges, appearance, visible: all, saved: null })).toBe('fcose');

    // The layout runs elsewhere on every entity and link; meanwhile the entities have their
    // quick grouped places (not all piled at one point) and nothing is drawn yet.
    expect(layout.request?.nodes.length).toBe(nodes.length);
    expect(layout.request?.edges.length).toBe(edges.length);
    const quick = canvas.positions();
    expect(quick.size).toBe(nodes.length);
    expect(new Set([...quick.values()].map((p) => `${p.x},${p.y}`)).size).toBeGreaterThan(100);
    expect(events.layingOut).toEqual([true]);
    expect(events.drawn).toEqual([]);

    // Calls are filtered out between the build and the links' frame.
    const noCalls = {
      entities: all.entities,
      links: new Set(edges.filter((e) => e.label !== 'called').map((e) => e.id)),
    };
    canvas.setVisible(noCalls);

    // The first picture: entities only; the links are added right after it is drawn.
    const linksAtFirstPicture: number[] = [];
    canvas.on('drawn', () => linksAtFirstPicture.push(canvas.shown().links.size));
    step();
    expect(events.drawn?.map((d) => d.nodes)).toEqual([nodes.length]);
    expect(linksAtFirstPicture).toEqual([0]);
    expect(events.complete).toEqual([]);

    step(); // the links' frame
    expect(events.complete?.map((c) => c.edges)).toEqual([edges.length]);
    expect(events.visibleEdges?.at(-1)).toBe(noCalls.links.size);
    expect(noCalls.links.size).toBeLessThan(edges.length);

    // The refined layout arrives after the first picture and replaces the quick places.
    const refined = Object.fromEntries(nodes.map((n, i) => [n.id, { x: i, y: -i }]));
    layout.resolve(refined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events.layingOut).toEqual([true, false]);
    expect(canvas.positions().get('n7' as EntityId)).toEqual({ x: 7, y: -7 });

    // Filters changed later still reach every link.
    canvas.setVisible(all);
    expect(events.visibleEdges?.at(-1)).toBe(edges.length);
    canvas.destroy();
  });

  it('draws a small case in one step, laid out at once, links with the entities', () => {
    const { nodes, edges } = rings(40);
    const { canvas, step, events, layout } = harness();
    const visible = {
      entities: new Set(nodes.map((n) => n.id)),
      links: new Set<string>(edges.map((e) => e.id)),
    };
    canvas.build({ nodes, edges, appearance, visible, saved: null });
    expect(layout.request).toBeNull();
    expect(events.layingOut).toEqual([]);
    step();
    expect(events.drawn?.[0]?.nodes).toBe(40);
    expect(events.complete?.[0]?.edges).toBe(40);
    canvas.destroy();
  });

  it('lays a case out as saved when a view is open, large or not', () => {
    const { nodes, edges } = rings(1_600);
    const { canvas, layout } = harness();
    const saved = Object.fromEntries(nodes.map((n, i) => [n.id, { x: 2 * i, y: 3 }]));
    const visible = {
      entities: new Set(nodes.map((n) => n.id)),
      links: new Set<string>(edges.map((e) => e.id)),
    };
    expect(canvas.build({ nodes, edges, appearance, visible, saved })).toBe('saved');
    expect(layout.request).toBeNull();
    expect(canvas.positions().get('n5' as EntityId)).toEqual({ x: 10, y: 3 });
    canvas.destroy();
  });

  it('is the one place that names Cytoscape ids as entity and link ids', () => {
    const { nodes, edges } = rings(40);
    const { canvas } = harness();
    const visible = { entities: new Set([nodes[0]!.id]), links: new Set<string>() };
    canvas.build({ nodes, edges, appearance, visible, saved: null });
    const shown = canvas.shown();
    expect([...shown.entities]).toEqual(['n0']);
    expect(shown.links.size).toBe(0);
    canvas.destroy();
  });

  it('exports an SVG headed by title, case, date and protection, with the legend beside it', () => {
    const { nodes, edges } = rings(40);
    const { canvas } = harness();
    const visible = {
      entities: new Set(nodes.map((n) => n.id)),
      links: new Set<string>(edges.map((e) => e.id)),
    };
    canvas.build({ nodes, edges, appearance, visible, saved: null });
    const header = {
      lines: ['Network of case KH-2026-001: Rings', 'Exported 2026-12-03', 'Victims pseudonymised'],
      legend: [
        { type: 'heading', label: 'Shape: kind' },
        { type: 'shape', shape: 'diamond', label: 'Phone' },
        { type: 'colour', colour: '#0072b2', label: 'Ring 1' },
        { type: 'official', label: 'Official' },
        { type: 'line', style: 'dotted', label: 'Source reliability E–F' },
      ] as const,
    };
    const svg = canvas.svg(header);
    const plain = canvas.svg();
    for (const text of [...header.lines, ...header.legend.map((e) => e.label)])
      expect(svg).toContain(`>${text}</text>`);
    expect(plain).not.toContain('Victims pseudonymised');
    // The legend stands beside the picture and the header above it: the framed picture is
    // wider and taller, and every node's label is drawn below the header band.
    const size = (s: string) => /width="(\d+)" height="(\d+)"/.exec(s)!.slice(1).map(Number);
    expect(size(svg)[0]).toBeGreaterThan(size(plain)[0]!);
    expect(size(svg)[1]).toBeGreaterThan(size(plain)[1]!);
    // Node labels are the 10 px texts; the header's and the legend's are larger.
    const nodeLabelYs = [...svg.matchAll(/<text x="[\d.-]+" y="([\d.-]+)" font-size="10"/g)].map(
      (m) => Number(m[1]),
    );
    expect(nodeLabelYs).toHaveLength(40);
    expect(Math.min(...nodeLabelYs)).toBeGreaterThan(3 * 20);
    canvas.destroy();
  });

  it('lays unconnected people out so that their names do not overlap', () => {
    const { nodes, edges } = rings(20);
    const alone: NodeSpec[] = Array.from({ length: 12 }, (_, i) => ({
      id: `alone${i}` as EntityId,
      shape: 'ellipse',
      official: false,
    }));
    const names = new Map<EntityId, string>(
      alone.map((n, i) => [n.id, `Unconnected Person Number ${i} Sok`]),
    );
    const { canvas } = harness();
    const all = [...nodes, ...alone];
    const visible = {
      entities: new Set(all.map((n) => n.id)),
      links: new Set<string>(edges.map((e) => e.id)),
    };
    canvas.build({
      nodes: all,
      edges,
      appearance: { ...appearance, labelOf: (id) => names.get(id) ?? id },
      visible,
      saved: null,
    });
    const positions = canvas.positions();
    // Each label centred under its node, 10 px Noto Sans: under 6 px a character.
    const boxes = alone.map((n) => {
      const p = positions.get(n.id)!;
      const half = (names.get(n.id)!.length * 6) / 2;
      return { id: n.id, x1: p.x - half, x2: p.x + half, y1: p.y + 13, y2: p.y + 13 + 14 };
    });
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const A = boxes[a]!;
        const B = boxes[b]!;
        const overlap = A.x1 < B.x2 && B.x1 < A.x2 && A.y1 < B.y2 && B.y1 < A.y2;
        expect(overlap, `${A.id} and ${B.id}`).toBe(false);
      }
    canvas.destroy();
  });
});
