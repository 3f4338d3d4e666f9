import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Visible } from '../../../core/graph';
import { KIND_SHAPES, isOfficial, type CaseGraph } from './graphModel';
import type { CaseNetwork } from './useCaseNetwork';
import {
  NetworkCanvas,
  type Appearance,
  type CanvasSelection,
  type EdgeSpec,
  type LayoutName,
  type NodeSpec,
  type Point,
} from './NetworkCanvas';
import type { Positions } from '../../../core/graph';
import { lineStyle, type EntityId, type LinkType } from '../../../core/model';

export type CanvasState = Readonly<{
  containerRef: RefObject<HTMLDivElement | null>;
  /** The canvas of the current network, once built. */
  canvas: NetworkCanvas | null;
  /** The first picture of `of` is on screen, `ms` after the canvas build began. */
  drawn: Readonly<{ of: CaseGraph; nodes: number; ms: number }> | null;
  /** The picture of `of` is complete: on a large case its links come a frame after the nodes. */
  complete: Readonly<{ of: CaseGraph; edges: number; ms: number }> | null;
  layingOut: boolean;
  /** Links on the canvas the filters leave shown. */
  visibleEdges: number;
  /** How many Fits have been drawn. */
  fits: number;
  /** Where each node is now, for the node list; updated after every layout and drag. */
  positions: ReadonlyMap<EntityId, Point>;
  layout: LayoutName;
  setLayout: (name: LayoutName) => void;
}>;

const NO_POSITIONS: ReadonlyMap<EntityId, Point> = new Map();

/**
 * One NetworkCanvas per loaded network, fed with the view's appearance and filters, its events
 * turned into React state. Appearance and filter changes only restyle the built picture, so the
 * picture does not move under the user.
 */
export function useNetworkCanvas(
  network: CaseNetwork | null,
  options: Readonly<{
    /** Read when the canvas is built; later changes are the caller's setAppearance. */
    appearance: Readonly<{ current: Appearance | null }>;
    visible: Visible | null;
    saved: Positions | null;
    typeLabel: (type: LinkType) => string;
    takeWarmLayout: () => Worker | undefined;
    onSelect: (selection: CanvasSelection | null) => void;
  }>,
): CanvasState {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [canvas, setCanvas] = useState<NetworkCanvas | null>(null);
  const [drawn, setDrawn] = useState<CanvasState['drawn']>(null);
  const [complete, setComplete] = useState<CanvasState['complete']>(null);
  const [layingOut, setLayingOut] = useState(false);
  const [visibleEdges, setVisibleEdges] = useState(0);
  const [fits, setFits] = useState(0);
  const [positions, setPositions] = useState(NO_POSITIONS);
  const [layout, setLayout] = useState<LayoutName>('fcose');
  // The build reads the latest options without being re-run by them: a change of appearance
  // or filters restyles the canvas (effects below), it does not rebuild it.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const container = containerRef.current;
    if (network === null || container === null || network.graph.entities.length === 0) return;
    const graph = network.graph;
    const { visible, saved, typeLabel, takeWarmLayout } = latest.current;
    const appearance = latest.current.appearance.current;
    if (appearance === null) return;
    const built = new NetworkCanvas({ container });
    built.on('select', (selection) => latest.current.onSelect(selection));
    built.on('unselect', () => latest.current.onSelect(null));
    built.on('drawn', ({ nodes, ms }) => setDrawn({ of: graph, nodes, ms }));
    built.on('complete', ({ edges, ms }) => setComplete({ of: graph, edges, ms }));
    built.on('layingOut', setLayingOut);
    built.on('visibleEdges', setVisibleEdges);
    built.on('fitted', () => setFits((f) => f + 1));
    built.on('moved', () => setPositions(built.positions()));
    const nodes: NodeSpec[] = graph.entities.map((e) => ({
      id: e.id,
      shape: KIND_SHAPES[e.kind],
      official: isOfficial(e),
    }));
    // A link's label is the name of its type: looked up once per type rather than once per link
    // (15,000 lookups through i18next cost a quarter of a second on a large case).
    const typeLabels = new Map<LinkType, string>();
    const edges: EdgeSpec[] = graph.links.map((l) => {
      let label = typeLabels.get(l.type);
      if (label === undefined) {
        label = typeLabel(l.type);
        typeLabels.set(l.type, label);
      }
      return {
        id: l.id,
        source: l.source,
        target: l.target,
        directed: l.directed,
        label,
        lineStyle: lineStyle(l.reliability),
      };
    });
    const warm = nodes.length > 0 && saved === null ? takeWarmLayout() : undefined;
    setLayout(
      built.build({
        nodes,
        edges,
        appearance,
        visible: visible ?? { entities: new Set(), links: new Set() },
        saved,
        ...(warm !== undefined ? { warm } : {}),
      }),
    );
    setCanvas(built);
    return () => {
      built.destroy();
      setCanvas(null);
      setDrawn(null);
      setComplete(null);
      setLayingOut(false);
    };
  }, [network]);

  useEffect(() => {
    if (options.visible !== null) canvas?.setVisible(options.visible);
  }, [canvas, options.visible]);

  return {
    containerRef,
    canvas,
    drawn,
    complete,
    layingOut,
    visibleEdges,
    fits,
    positions,
    layout,
    setLayout,
  };
}
