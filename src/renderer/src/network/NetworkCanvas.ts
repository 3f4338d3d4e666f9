import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import {
  quickLayout,
  unlinkedRows,
  type GraphPath,
  type Positions,
  type Visible,
} from '../../../core/graph';
import type { EntityId, LineStyle, LinkId } from '../../../core/model';
import { networkToSvg } from './exportSvg';
import { framePng } from './framePng';
import type { PictureHeader } from './pictureFrame';
import { layoutInWorker, type LayoutRequest, type LayoutRun } from './layoutClient';

import { networkStyle } from './style';
import { fitToNodes } from './viewport';

cytoscape.use(fcose);

/*
 * The Network view's canvas as an object of its own, in the way neo4j-browser keeps its graph
 * picture apart from React: it owns the Cytoscape instance (build, the two-step draw of a large
 * case, styles, filters, layouts, fit, path highlight, picture export) and tells the view what
 * happened through typed events. It is the only code that reads Cytoscape's string ids and
 * turns them into EntityId and LinkId; React components never touch Cytoscape.
 */

/** Above this many entities labels and arrows are simplified and WebGL is used where it works. */
export const LARGE = 1500;

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'saved';

/** An entity as the canvas draws it; its label, colour and pin come from the Appearance. */
export type NodeSpec = Readonly<{ id: EntityId; shape: string; official: boolean }>;

export type EdgeSpec = Readonly<{
  id: LinkId;
  source: EntityId;
  target: EntityId;
  directed: boolean;
  /** The name of the link's type, in the interface language. */
  label: string;
  lineStyle: LineStyle;
}>;

/** What the nodes' label, colour and pin are computed from (victim protection, colour mode). */
export type Appearance = Readonly<{
  labelOf: (id: EntityId) => string;
  colourOf: (id: EntityId) => string;
  pinned: ReadonlySet<EntityId>;
}>;

export type CanvasSelection =
  Readonly<{ type: 'node'; id: EntityId }> | Readonly<{ type: 'edge'; id: LinkId }>;

export type Point = Readonly<{ x: number; y: number }>;

export type CanvasEvents = {
  select: CanvasSelection;
  unselect: undefined;
  /** The first picture is on screen, `ms` after the build began. */
  drawn: Readonly<{ nodes: number; ms: number }>;
  /** The whole picture is on screen: on a large case the links come a frame after the nodes. */
  complete: Readonly<{ edges: number; ms: number }>;
  /** A large case's refined layout is being computed (true) or has been applied (false). */
  layingOut: boolean;
  /** Node positions changed (a layout, a drag, the refined layout). */
  moved: undefined;
  /** A Fit has been drawn. */
  fitted: undefined;
  /** How many links the filters leave shown on the canvas. */
  visibleEdges: number;
};

type Listener<K extends keyof CanvasEvents> = (event: CanvasEvents[K]) => void;

/**
 * A label's width on the canvas (10 px Noto Sans, about 6 px a character, a little margin).
 * An estimate, so that it can be computed without a canvas: it errs on the wide side.
 */
export function labelWidth(label: string): number {
  return Math.ceil([...label].length * 6.4) + 6;
}

/** Calls `done` once the current picture has been drawn; returns a cancel function. */
export type Frames = (done: () => void) => () => void;

export type CanvasOptions = Readonly<{
  /** The element to draw in; null builds a headless canvas (tests, the bench in Node). */
  container: HTMLElement | null;
  /** Defaults to two animation frames (see afterDrawn). */
  frames?: Frames;
  /** Lays a large case out away from this thread; defaults to the fcose worker. */
  layout?: (request: LayoutRequest, warm?: Worker) => LayoutRun;
}>;

export type BuildInput = Readonly<{
  nodes: readonly NodeSpec[];
  edges: readonly EdgeSpec[];
  appearance: Appearance;
  visible: Visible;
  /** The saved view's positions, if one is open: laid out as saved rather than afresh. */
  saved: Positions | null;
  /** A layout worker started ahead of need (see useCaseNetwork). */
  warm?: Worker;
}>;

export type LayoutOptions = Readonly<{
  saved?: Positions | null;
  /** Breadth-first's root: the selected entity. */
  root?: EntityId;
  /** Concentric rings by these scores (PageRank) where known, else by degree. */
  scores?: ReadonlyMap<EntityId, number>;
}>;

/**
 * Calls `done` once the browser has drawn the current picture: Cytoscape draws in its own
 * animation-frame loop, so the second frame from now comes after its draw. Cytoscape's 'render'
 * event would be simpler, but its WebGL renderer (used on large cases) never emits it, and the
 * first-draw and fit measurements must work there most of all.
 */
export function afterDrawn(done: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(done);
  });
  return () => cancelAnimationFrame(frame);
}

/** fcose settings: plain data, so that the layout worker can take them too. */
function fcoseOptions(large: boolean): Record<string, unknown> {
  return {
    quality: large ? 'draft' : 'default',
    randomize: true,
    animate: false,
    nodeRepulsion: 6500,
    idealEdgeLength: 70,
    numIter: large ? 600 : 2500,
    packComponents: true,
  };
}

/**
 * Whether WebGL runs on a real GPU. A software implementation (SwiftShader, llvmpipe: what
 * Chromium falls back to without a usable GPU) draws Cytoscape's WebGL scene several times
 * slower than the 2D canvas does, so it counts as no WebGL.
 */
function webglAvailable(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl === null) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      gl.getParameter(info !== null ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER),
    );
    return !/swiftshader|llvmpipe|software/i.test(renderer);
  } catch {
    return false;
  }
}

const asEntityId = (node: cytoscape.NodeSingular): EntityId => node.id() as EntityId;
const asLinkId = (edge: cytoscape.EdgeSingular): LinkId => edge.id() as LinkId;

export class NetworkCanvas {
  private readonly container: HTMLElement | null;
  private readonly frames: Frames;
  private readonly layout: (request: LayoutRequest, warm?: Worker) => LayoutRun;
  private readonly listeners = new Map<keyof CanvasEvents, Set<(event: never) => void>>();
  private cy: cytoscape.Core | null = null;
  private early: LayoutRun | null = null;
  private readonly pendingFrames = new Set<() => void>();
  /** Nodes the user has taken hold of: they keep their place when the refined layout arrives. */
  private moved = new Set<string>();
  private applied: Appearance | null = null;
  private visible: Visible | null = null;

  constructor(options: CanvasOptions) {
    this.container = options.container;
    this.frames = options.frames ?? afterDrawn;
    this.layout = options.layout ?? layoutInWorker;
  }

  on<K extends keyof CanvasEvents>(name: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(name);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit<K extends keyof CanvasEvents>(name: K, event: CanvasEvents[K]): void {
    for (const listener of this.listeners.get(name) ?? [])
      (listener as unknown as Listener<K>)(event);
  }

  private frame(cy: cytoscape.Core, done: () => void): void {
    const cancel = this.frames(() => {
      this.pendingFrames.delete(cancel);
      if (this.cy === cy) done();
    });
    this.pendingFrames.add(cancel);
  }

  /**
   * Builds the picture of a case and lays it out: the saved view's positions, else fcose. A
   * large case without saved positions is drawn in two steps: its entities at once, in a
   * grouped layout computed in linear time, and its links a frame later; fcose runs in a worker
   * meanwhile and refines the picture when it arrives. Returns the layout used.
   */
  build(input: BuildInput): LayoutName {
    this.teardown();
    const started = performance.now();
    const large = input.nodes.length > LARGE;
    const ids = new Set<string>(input.nodes.map((n) => n.id));
    const drawable = input.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const early =
      large && input.saved === null
        ? this.layout(
            {
              nodes: input.nodes.map((n) => n.id),
              edges: drawable.map((e) => [e.source, e.target] as const),
              options: fcoseOptions(true),
            },
            input.warm,
          )
        : null;
    // A warm worker the layout did not take is not needed.
    if (early === null) input.warm?.terminate();
    this.early = early;
    // The first picture while fcose runs: nodes grouped and placed in linear time, so the case
    // is drawn at once; the worker's layout replaces it when it arrives.
    const quick =
      early !== null
        ? quickLayout(
            input.nodes.map((n) => n.id),
            drawable.map((e) => [e.source, e.target] as const),
          )
        : null;
    this.moved = new Set();
    const { labelOf, colourOf, pinned } = input.appearance;
    this.applied = input.appearance;
    this.visible = input.visible;
    const shownLinks = input.visible.links;
    const edgeDefs = drawable.map((e) => ({
      group: 'edges' as const,
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        directed: e.directed,
        label: e.label,
        lineStyle: e.lineStyle,
      },
      ...(shownLinks.has(e.id) ? {} : { classes: 'filtered' }),
    }));
    const built = performance.now();
    const headless = early !== null || this.container === null;
    const cy = cytoscape({
      // While the worker lays out, the canvas is built without a container (no renderer), so
      // that no frame of thousands of unplaced nodes is drawn: it is mounted with positions.
      // Styles are applied once, by mount(): applying them here too would cost as much again.
      ...(headless ? { headless: true, styleEnabled: false } : { container: this.container }),
      style: networkStyle(large),
      elements: [
        // Each node is built with its label, colour and filter class, so that nothing has to
        // change on the first picture (a pass over every node, each change an event).
        ...input.nodes.map((n) => ({
          group: 'nodes' as const,
          data: {
            id: n.id,
            label: labelOf(n.id),
            colour: colourOf(n.id),
            shape: n.shape,
            official: n.official,
            pinned: pinned.has(n.id),
          },
          ...(input.visible.entities.has(n.id) ? {} : { classes: 'filtered' }),
          ...(quick !== null ? { position: quick[n.id] ?? { x: 0, y: 0 } } : {}),
        })),
        // Built for a later mount, the canvas holds only the nodes until then: the links join
        // once the nodes' style is computed (see addLinks below).
        ...(early !== null ? [] : edgeDefs),
      ],
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      // A large case on the 2D canvas: while the user pans or zooms, a snapshot of the picture
      // moves and the links are left out, so a gesture does not redraw 15,000 links each frame;
      // the full picture is drawn when the gesture ends. One device pixel per CSS pixel halves
      // (or quarters) the pixels drawn on high-density screens, where the nodes stay crisp.
      ...(large ? { textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1 } : {}),
      // Cytoscape's WebGL renderer (3.31+) draws thousands of nodes far faster than the 2D
      // canvas; it is not in @types/cytoscape yet, hence the cast. Without a container the
      // renderer must be 'null'; mount() then starts the canvas one with these same options.
      ...({
        renderer: {
          name: headless ? 'null' : 'canvas',
          webgl: large && this.container !== null && webglAvailable(),
        },
      } as object),
    } as cytoscape.CytoscapeOptions);
    this.cy = cy;
    cy.nodes().forEach((n) => {
      if (pinned.has(asEntityId(n))) n.lock();
    });
    // Where a first draw's time goes, for the bench and the browser's performance panel.
    performance.measure('network:prepare', { start: started, end: built });
    performance.measure('network:build', { start: built });
    cy.on('select', 'node', (ev) => {
      this.emit('select', { type: 'node', id: asEntityId(ev.target as cytoscape.NodeSingular) });
    });
    cy.on('select', 'edge', (ev) => {
      this.emit('select', { type: 'edge', id: asLinkId(ev.target as cytoscape.EdgeSingular) });
    });
    cy.on('unselect', () => this.emit('unselect', undefined));
    cy.on('dragfree', () => this.emit('moved', undefined));
    cy.on('grab', 'node', (ev) => {
      this.moved.add((ev.target as cytoscape.NodeSingular).id());
    });

    const name: LayoutName = input.saved !== null ? 'saved' : 'fcose';
    if (early === null) {
      this.runLayout(name, { saved: input.saved });
      this.drawnNow(cy, started);
      return name;
    }
    this.drawInTwoSteps(cy, early, edgeDefs, started);
    return name;
  }

  /** After the next drawn frame: first draw; then `addLinks` and, a frame later, complete. */
  private drawnNow(
    cy: cytoscape.Core,
    started: number,
    then?: () => void,
    addLinks?: () => void,
  ): void {
    const sinceBuild = (): number => Math.round(performance.now() - started);
    const drawing = performance.now();
    this.frame(cy, () => {
      performance.measure('network:first-frame', { start: drawing });
      this.emit('drawn', { nodes: cy.nodes().length, ms: sinceBuild() });
      const completed = (): void => {
        this.emit('complete', { edges: cy.edges().length, ms: sinceBuild() });
        this.emit('visibleEdges', cy.edges().not('.filtered').length);
      };
      if (addLinks === undefined) completed();
      else {
        const adding = performance.now();
        addLinks();
        this.frame(cy, () => {
          performance.measure('network:links-frame', { start: adding });
          completed();
        });
      }
      then?.();
    });
  }

  private drawInTwoSteps(
    cy: cytoscape.Core,
    early: LayoutRun,
    edgeDefs: readonly cytoscape.ElementDefinition[],
    started: number,
  ): void {
    // Drawn now with the quick positions set at build time; fcose refines it when it arrives.
    const mounting = performance.now();
    if (this.container !== null) cy.mount(this.container);
    // The links join the nodes on the canvas once the nodes' style is computed. Cytoscape marks
    // a node's links dirty for every style property it sets on the node, building a collection
    // of the node's links each time: with 15,000 links present that cost over a second on a
    // two-core machine, without them a fraction. The first frame draws the nodes in their
    // grouped places (a picture of the case's rings), the next one adds the links. Their filter
    // class is taken again here: the filters may have changed since the build.
    const addLinks = (): void => {
      const shown = this.visible?.links;
      cy.add(
        edgeDefs.map((edge) => {
          const id = String(edge.data.id);
          return {
            group: 'edges',
            data: edge.data,
            ...(shown?.has(id) ? {} : { classes: 'filtered' }),
          };
        }),
      );
    };
    if (this.container !== null) fitToNodes(cy, 30);
    performance.measure('network:mount', { start: mounting });
    const fitted = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    this.emit('moved', undefined);
    this.emit('layingOut', true);
    // fcose's result waits for the first picture to be on screen: applied while that picture is
    // still being drawn, it would have every element measured and drawn twice before the user
    // sees anything.
    const firstFrame = new Promise<void>((resolve) =>
      this.drawnNow(cy, started, resolve, edgeDefs.length > 0 ? addLinks : undefined),
    );
    const settled = (): void => {
      if (this.cy !== cy) return;
      this.early = null;
      this.emit('layingOut', false);
      this.emit('moved', undefined);
    };
    Promise.all([early.positions, firstFrame]).then(
      ([positions]) => {
        if (this.cy !== cy) return;
        // Only nodes the user has neither dragged nor pinned move; the view is refitted only
        // if the user has not zoomed or panned since the first picture.
        const untouched =
          cy.zoom() === fitted.zoom && cy.pan().x === fitted.pan.x && cy.pan().y === fitted.pan.y;
        cy.batch(() => {
          cy.nodes().forEach((node) => {
            const p = positions[node.id()];
            if (p !== undefined && !node.locked() && !this.moved.has(node.id())) node.position(p);
          });
          this.spreadUnlinked(cy);
        });
        if (untouched && this.container !== null) fitToNodes(cy, 30);
        settled();
      },
      () => {
        // A worker that cannot start (or fails) costs time, not the picture: lay out here,
        // around whatever the user has moved or pinned (fcose leaves locked nodes alone).
        if (this.cy !== cy) return;
        const moved = cy.nodes().filter((n) => this.moved.has(n.id()) && !n.locked());
        moved.lock();
        this.runLayout('fcose');
        moved.unlock();
        settled();
      },
    );
  }

  /** Labels, colours and pins, changed in place so that the picture does not move. */
  setAppearance(appearance: Appearance): void {
    const cy = this.cy;
    const applied = this.applied;
    this.applied = appearance;
    if (cy === null || applied === null) return;
    if (
      applied.labelOf === appearance.labelOf &&
      applied.colourOf === appearance.colourOf &&
      applied.pinned === appearance.pinned
    )
      return;
    const { labelOf, colourOf, pinned } = appearance;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const id = asEntityId(node);
        node.data({ label: labelOf(id), colour: colourOf(id), pinned: pinned.has(id) });
      });
    });
    // Pinned nodes are locked: neither a layout nor a stray drag moves them.
    if (applied.pinned !== pinned)
      cy.nodes().forEach((n) => {
        if (pinned.has(asEntityId(n))) n.lock();
        else n.unlock();
      });
  }

  /** Shows what the filters leave, hides the rest; links added later obey it too. */
  setVisible(visible: Visible): void {
    const cy = this.cy;
    if (visible === this.visible) return;
    this.visible = visible;
    if (cy === null) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('filtered', !visible.entities.has(asEntityId(n)));
      });
      cy.edges().forEach((e) => {
        e.toggleClass('filtered', !visible.links.has(asLinkId(e)));
      });
    });
    this.emit('visibleEdges', cy.edges().not('.filtered').length);
  }

  runLayout(name: LayoutName, options: LayoutOptions = {}): void {
    const cy = this.cy;
    if (cy === null) return;
    const visible = cy.elements(':visible');
    const large = cy.nodes().length > LARGE;
    let layout: cytoscape.LayoutOptions;
    const saved = options.saved;
    if (name === 'saved' && saved !== undefined && saved !== null) {
      layout = {
        name: 'preset',
        positions: (node: cytoscape.NodeSingular) => saved[asEntityId(node)] ?? node.position(),
        fit: true,
      } as cytoscape.LayoutOptions;
    } else if (name === 'concentric') {
      const score = options.scores ?? new Map<EntityId, number>();
      const of = (n: cytoscape.NodeSingular): number => score.get(asEntityId(n)) ?? n.degree(false);
      layout = {
        name: 'concentric',
        concentric: of,
        levelWidth: (nodes: cytoscape.NodeCollection) => {
          const values = nodes.map(of);
          return (Math.max(...values) - Math.min(...values)) / 6 || 1;
        },
        minNodeSpacing: 12,
        animate: false,
      };
    } else if (name === 'breadthfirst') {
      layout = {
        name: 'breadthfirst',
        roots: options.root !== undefined ? [`#${CSS.escape(options.root)}`] : undefined,
        directed: false,
        spacingFactor: 1.1,
        animate: false,
      };
    } else {
      layout = { name: 'fcose', ...fcoseOptions(large) };
    }
    visible.layout(layout).run();
    // fcose fitted the view to its own result; the rows of unlinked entities are framed too.
    if (name === 'fcose' && this.spreadUnlinked(cy) && this.container !== null)
      cy.fit(cy.elements(':visible'), 30);
    this.emit('moved', undefined);
  }

  /**
   * Entities shown without any shown link go in rows below the rest, each as wide as its label
   * (unlinkedRows): fcose packs them as tightly as their nodes allow, and their names overlapped.
   * Nodes the user pinned or moved stay where they are.
   */
  private spreadUnlinked(cy: cytoscape.Core): boolean {
    const linked: Point[] = [];
    const unlinked: { id: string; labelWidth: number }[] = [];
    cy.nodes().forEach((node) => {
      if (node.hasClass('filtered')) return;
      const alone = node
        .connectedEdges()
        .filter((e) => !e.hasClass('filtered') && !e.isLoop())
        .empty();
      if (alone && !node.locked() && !this.moved.has(node.id()))
        unlinked.push({ id: node.id(), labelWidth: labelWidth(String(node.data('label'))) });
      else linked.push(node.position());
    });
    if (unlinked.length < 2) return false;
    const placed = unlinkedRows(linked, unlinked);
    cy.batch(() => {
      for (const { id } of unlinked) {
        const p = placed[id];
        if (p !== undefined) cy.getElementById(id).position(p);
      }
    });
    return true;
  }

  fit(): void {
    const cy = this.cy;
    if (cy === null) return;
    cy.fit(cy.elements(':visible'), 30);
    this.frame(cy, () => this.emit('fitted', undefined));
  }

  /** Selects and centres an entity. */
  focus(id: EntityId): void {
    const cy = this.cy;
    if (cy === null) return;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 200 });
  }

  /** Selects a link as a click on it would; false if the canvas does not draw it. */
  selectLink(id: LinkId): boolean {
    const cy = this.cy;
    if (cy === null) return false;
    cy.elements().unselect();
    const edge = cy.getElementById(id);
    if (edge.empty()) return false;
    edge.select();
    return true;
  }

  showPath(path: GraphPath | null): void {
    const cy = this.cy;
    if (cy === null) return;
    cy.elements('.path').removeClass('path');
    if (path === null) return;
    for (const id of path.nodes) cy.getElementById(id).addClass('path');
    for (const step of path.steps) cy.getElementById(step.linkId).addClass('path');
  }

  /** Every node's position now. */
  positions(): ReadonlyMap<EntityId, Point> {
    const map = new Map<EntityId, Point>();
    this.cy?.nodes().forEach((n) => {
      const p = n.position();
      map.set(asEntityId(n), { x: p.x, y: p.y });
    });
    return map;
  }

  /** Positions to save in a view, to a tenth of a pixel. */
  savedPositions(): Positions {
    const positions: Record<EntityId, Point> = {};
    for (const [id, p] of this.positions())
      positions[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    return positions;
  }

  /** The entities and links the picture shows (what an export of it holds): the filters are
   * the only thing that hides an element (their class is display: none). */
  shown(): Readonly<{ entities: ReadonlySet<EntityId>; links: ReadonlySet<LinkId> }> {
    const cy = this.cy;
    return {
      entities: new Set(cy?.nodes().not('.filtered').map(asEntityId) ?? []),
      links: new Set(cy?.edges().not('.filtered').map(asLinkId) ?? []),
    };
  }

  /** The picture as PNG; with a header, framed by it and the legend (pictureFrame.ts). */
  async png(header?: PictureHeader): Promise<Uint8Array> {
    const cy = this.cy;
    if (cy === null) throw new Error('The network picture is not drawn yet.');
    const scale = 2;
    const blob = await cy.png({ output: 'blob-promise', full: true, scale, bg: '#ffffff' });
    const framed = header === undefined ? blob : await framePng(blob, header, scale);
    return new Uint8Array(await framed.arrayBuffer());
  }

  svg(header?: PictureHeader): string {
    const cy = this.cy;
    if (cy === null) throw new Error('The network picture is not drawn yet.');
    return networkToSvg(cy, header);
  }

  private teardown(): void {
    this.early?.cancel();
    this.early = null;
    for (const cancel of this.pendingFrames) cancel();
    this.pendingFrames.clear();
    this.cy?.destroy();
    this.cy = null;
    this.applied = null;
  }

  destroy(): void {
    this.teardown();
    this.listeners.clear();
  }
}
