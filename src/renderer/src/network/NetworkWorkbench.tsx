import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationRow, GraphViewId, GraphViewRow, LinkRow } from '../../../core/db';
import {
  graphInputFromCase,
  type AnalysisProgress,
  type AnalysisResult,
  type GraphPath,
} from '../../../core/graph';
import {
  ENTITY_KINDS,
  LINK_TYPES,
  ROLES,
  lineStyle,
  roleColour,
  type CaseId,
  type EntityId,
  type EntityKind,
  type LinkType,
  type Role,
} from '../../../core/model';
import { platform } from '../platform';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { Dialog } from '../shell/Dialog';
import { EmptyState } from '../shell/EmptyState';
import { Field } from '../shell/Field';
import { useSession } from '../vault/session';
import { AnalysisCancelled, runAnalysis, type AnalysisRun } from './analysisClient';
import { DetailsPanel, type Selection } from './DetailsPanel';
import { ExposurePanel } from './ExposurePanel';
import { networkToSvg } from './exportSvg';
import { auditFtmExport, ftmFileOf } from '../../../core/ftm';
import { counted, FtmImportDialog, type PickedFtm } from './FtmImportDialog';
import {
  COMMUNITY_COLOURS,
  KIND_SHAPES,
  OTHER_COMMUNITY_COLOUR,
  isOfficial,
  labelOf as entityLabel,
  loadCaseGraph,
  monthRange,
  victimPseudonyms,
  visibleElements,
  type CaseGraph,
} from './graphModel';
import { layoutInWorker, startLayoutWorker, type LayoutRun } from './layoutClient';
import { Legend } from './Legend';
import { PathPanel } from './PathPanel';
import { RankingPanel } from './RankingPanel';
import { auditExport, deleteView, listViews, saveView, type Positions } from '../../../core/graph';
import { quickLayout } from '../../../core/graph';
import { networkStyle } from './style';
import { fitToNodes } from './viewport';
import './refine.css';
import { FormFooter } from '../shell/FormFooter';

cytoscape.use(fcose);

/** Above this many entities labels and arrows are simplified and WebGL is used where it works. */
const LARGE = 1500;

type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'saved';
type Tab = 'details' | 'ranking' | 'exposure' | 'path';
type AnalysisState =
  | Readonly<{ status: 'idle' }>
  | Readonly<{ status: 'running'; progress: AnalysisProgress | null }>
  | Readonly<{ status: 'done'; result: AnalysisResult }>
  | Readonly<{ status: 'cancelled' }>
  | Readonly<{ status: 'error'; message: string }>;

/**
 * Calls `done` once the browser has drawn the current picture: Cytoscape draws in its own
 * animation-frame loop, so the second frame from now comes after its draw. Cytoscape's 'render'
 * event would be simpler, but its WebGL renderer (used on large cases) never emits it, and the
 * first-draw and fit measurements must work there most of all. Returns a cancel function.
 */
function afterDrawn(done: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(done);
  });
  return () => cancelAnimationFrame(frame);
}

/**
 * Whether WebGL runs on a real GPU. A software implementation (SwiftShader, llvmpipe: what
 * Chromium falls back to without a usable GPU) draws Cytoscape's WebGL scene several times
 * slower than the 2D canvas does, so it counts as no WebGL.
 */
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

/** The network of one case: canvas, filters, analysis, saved views, import and export. */
export function NetworkWorkbench({ caseId }: Readonly<{ caseId: CaseId }>): ReactNode {
  const { t } = useTranslation();
  const { vault, revision } = useSession();
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const runRef = useRef<AnalysisRun | null>(null);
  const earlyLayoutRef = useRef<LayoutRun | null>(null);
  const movedRef = useRef<Set<string>>(new Set());
  const startedRef = useRef(0);
  const warmLayoutRef = useRef<Worker | null>(null);
  /** A large case's links, built with the canvas and added when it is mounted. */
  const pendingEdgesRef = useRef<cytoscape.ElementDefinition[] | null>(null);
  /** The entities and links the filters show, for links added after the filter effect ran. */
  const visibleRef = useRef<ReturnType<typeof visibleElements> | null>(null);
  /** What the nodes' label, colour and pinned data were last computed from. */
  const appliedDataRef = useRef<{
    labelOf: ((id: EntityId) => string) | null;
    colourOf: ((id: EntityId) => string) | null;
    pinned: ReadonlySet<EntityId> | null;
  }>({ labelOf: null, colourOf: null, pinned: null });
  const takeWarmLayout = (): Worker | undefined => {
    const warm = warmLayoutRef.current ?? undefined;
    warmLayoutRef.current = null;
    return warm;
  };

  const [graph, setGraph] = useState<CaseGraph | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [views, setViews] = useState<GraphViewRow[]>([]);
  const [activeView, setActiveView] = useState<GraphViewId | ''>('');
  // On by default: a network is often shown on a shared screen, and a victim's name shown by
  // mistake cannot be taken back. The analyst turns it off to work with the names.
  const [protect, setProtect] = useState(true);
  const [colourMode, setColourMode] = useState<'role' | 'community'>('role');
  const [kinds, setKinds] = useState<ReadonlySet<EntityKind>>(new Set(ENTITY_KINDS));
  const [roles, setRoles] = useState<ReadonlySet<Role>>(new Set());
  const [linkTypes, setLinkTypes] = useState<ReadonlySet<LinkType>>(new Set(LINK_TYPES));
  const [range, setRange] = useState<[number, number] | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<EntityId>>(new Set());
  const [pinned, setPinned] = useState<ReadonlySet<EntityId>>(new Set());
  const [selection, setSelection] = useState<Selection>(null);
  const [tab, setTab] = useState<Tab>('details');
  const [analysis, setAnalysis] = useState<AnalysisState>({ status: 'idle' });
  const [maxHops, setMaxHops] = useState(2);
  const [timeAware, setTimeAware] = useState(true);
  const [layout, setLayout] = useState<LayoutName>('fcose');
  const [pathFrom, setPathFrom] = useState<EntityId | ''>('');
  const [find, setFind] = useState('');
  const [picked, setPicked] = useState<PickedFtm | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<GraphViewRow | null>(null);
  /** The first picture of `of` is on screen, `ms` after the canvas build began. */
  const [drawn, setDrawn] = useState<{ of: CaseGraph; nodes: number; ms: number } | null>(null);
  /** The picture of `of` is complete: on a large case its links come a frame after the nodes. */
  const [complete, setComplete] = useState<{ of: CaseGraph; edges: number; ms: number } | null>(
    null,
  );
  const [fits, setFits] = useState(0);
  /** Links on the canvas the filters leave shown, for data-visible-edges (see the canvas). */
  const [visibleEdges, setVisibleEdges] = useState(0);
  const [listOpen, setListOpen] = useState(false);
  const [layingOut, setLayingOut] = useState(false);
  const [listVersion, setListVersion] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rerun, setRerun] = useState(0);

  // A large case gets its layout worker started now, while its rows are decrypted: counting
  // by the index reads no row, so this knows the size long before the rows arrive.
  useEffect(() => {
    let live = true;
    void vault.db.entities
      .where('caseId')
      .equals(caseId)
      .count()
      .then((count) => {
        if (live && count > LARGE && warmLayoutRef.current === null)
          warmLayoutRef.current = startLayoutWorker();
      });
    return () => {
      live = false;
      warmLayoutRef.current?.terminate();
      warmLayoutRef.current = null;
    };
  }, [vault, caseId, revision]);

  // Load the case's graph and saved views; again after any change elsewhere (revision).
  useEffect(() => {
    let live = true;
    void Promise.all([loadCaseGraph(vault, caseId), listViews(vault, caseId)]).then(
      ([g, v]) => {
        if (!live) return;
        setGraph(g);
        setViews(v);
        setActiveView((current) => (current === '' ? (v[0]?.id ?? '') : current));
      },
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [vault, caseId, revision]);

  const input = useMemo(
    () => (graph === null ? null : graphInputFromCase(graph.entities, graph.links)),
    [graph],
  );
  const pseudonyms = useMemo(() => victimPseudonyms(graph?.entities ?? []), [graph]);
  const entityById = useMemo(() => new Map(graph?.entities.map((e) => [e.id, e]) ?? []), [graph]);
  const linkById = useMemo(
    () => new Map<string, LinkRow>(graph?.links.map((l) => [l.id, l]) ?? []),
    [graph],
  );
  const labelOf = useCallback(
    (id: EntityId): string => {
      const e = entityById.get(id);
      return e === undefined ? id : entityLabel(e, protect, pseudonyms);
    },
    [entityById, protect, pseudonyms],
  );
  const citationsBy = useMemo(() => {
    const map = new Map<string, CitationRow[]>();
    for (const c of graph?.citations ?? []) {
      const key = c.entityId ?? c.linkId;
      if (key === undefined) continue;
      const list = map.get(key) ?? [];
      list.push(c);
      map.set(key, list);
    }
    return map;
  }, [graph]);
  const citationsOf = useCallback((id: string) => citationsBy.get(id) ?? [], [citationsBy]);
  const linksByEntity = useMemo(() => {
    const map = new Map<EntityId, LinkRow[]>();
    const add = (id: EntityId, link: LinkRow): void => {
      const list = map.get(id);
      if (list === undefined) map.set(id, [link]);
      else list.push(link);
    };
    for (const l of graph?.links ?? []) {
      add(l.source, l);
      if (l.target !== l.source) add(l.target, l);
    }
    return map;
  }, [graph]);
  const months = useMemo(() => monthRange(graph?.links ?? []), [graph]);
  const result = analysis.status === 'done' ? analysis.result : null;
  const communityOf = useMemo(() => {
    const map = new Map<EntityId, number>();
    result?.communities.forEach((members, i) => members.forEach((id) => map.set(id, i)));
    return map;
  }, [result]);
  const colourOf = useCallback(
    (id: EntityId): string => {
      const e = entityById.get(id);
      if (colourMode === 'community') {
        const c = communityOf.get(id);
        return c === undefined
          ? OTHER_COMMUNITY_COLOUR
          : (COMMUNITY_COLOURS[c] ?? OTHER_COMMUNITY_COLOUR);
      }
      return roleColour(e?.roles ?? []);
    },
    [entityById, colourMode, communityOf],
  );

  // Analysis in workers, re-run when the graph or the exposure options change. It starts once
  // the canvas is drawn: on a large case it keeps every core busy for seconds, and the analyst
  // should see the picture first rather than wait for both.
  // On a large case it also waits for fcose to refine the first picture, as it did before the
  // first picture was drawn early: two cores cannot run both at full speed.
  const canvasReady = drawn !== null && drawn.of === graph && !layingOut;
  // Until the picture of this graph is complete: an export now would leave links out. That
  // includes the time before the first picture of a rebuilt canvas (after an import, or any
  // change to the case elsewhere), when the canvas has no links at all yet.
  const linksPending = complete?.of !== graph;
  useEffect(() => {
    if (input === null || input.nodes.length === 0 || !canvasReady) return;
    const run = runAnalysis(input, { maxHops, timeAware }, (progress) =>
      setAnalysis({ status: 'running', progress }),
    );
    runRef.current = run;
    setAnalysis({ status: 'running', progress: null });
    run.result.then(
      (r) => setAnalysis({ status: 'done', result: r }),
      (e: unknown) =>
        setAnalysis(
          e instanceof AnalysisCancelled
            ? { status: 'cancelled' }
            : { status: 'error', message: e instanceof Error ? e.message : String(e) },
        ),
    );
    return () => run.cancel();
  }, [input, maxHops, timeAware, rerun, canvasReady]);

  const positionsOfView = useMemo(
    () => views.find((v) => v.id === activeView)?.positions ?? null,
    [views, activeView],
  );

  const runLayout = useCallback(
    (name: LayoutName, root?: EntityId) => {
      const cy = cyRef.current;
      if (cy === null) return;
      const visible = cy.elements(':visible');
      const large = cy.nodes().length > LARGE;
      let options: cytoscape.LayoutOptions;
      if (name === 'saved' && positionsOfView !== null) {
        const saved = positionsOfView;
        options = {
          name: 'preset',
          positions: (node: cytoscape.NodeSingular) =>
            saved[node.id() as EntityId] ?? node.position(),
          fit: true,
        } as cytoscape.LayoutOptions;
      } else if (name === 'concentric') {
        const score = new Map<string, number>(
          result?.centrality.map((r) => [r.id, r.pagerank]) ?? [],
        );
        options = {
          name: 'concentric',
          concentric: (node: cytoscape.NodeSingular) => score.get(node.id()) ?? node.degree(false),
          levelWidth: (nodes: cytoscape.NodeCollection) => {
            const values = nodes.map((n) => score.get(n.id()) ?? n.degree(false));
            return (Math.max(...values) - Math.min(...values)) / 6 || 1;
          },
          minNodeSpacing: 12,
          animate: false,
        };
      } else if (name === 'breadthfirst') {
        options = {
          name: 'breadthfirst',
          roots: root !== undefined ? [`#${CSS.escape(root)}`] : undefined,
          directed: false,
          spacingFactor: 1.1,
          animate: false,
        };
      } else {
        options = { name: 'fcose', ...fcoseOptions(large) };
      }
      visible.layout(options).run();
      setListVersion((v) => v + 1);
    },
    [positionsOfView, result],
  );

  // Build the canvas when the graph changes. Data updates (labels, colours, filters) below only
  // touch element data and classes, so the picture does not move under the user.
  useEffect(() => {
    const container = containerRef.current;
    if (graph === null || container === null || graph.entities.length === 0) return;
    const started = performance.now();
    startedRef.current = started;
    const large = graph.entities.length > LARGE;
    const drawable = graph.links.filter(
      (l) => entityById.has(l.source) && entityById.has(l.target),
    );
    // A large case without saved positions: fcose starts in a worker now, so that it runs
    // while this thread builds the canvas; the first-layout effect below applies its result.
    const early =
      large && positionsOfView === null
        ? layoutInWorker(
            {
              nodes: graph.entities.map((e) => e.id),
              edges: drawable.map((l) => [l.source, l.target] as const),
              options: fcoseOptions(true),
            },
            takeWarmLayout(),
          )
        : null;
    earlyLayoutRef.current = early;
    // The first picture while fcose runs: nodes grouped and placed in linear time, so the case
    // is drawn at once; the worker's layout replaces it when it arrives (first-layout effect).
    const quick =
      early !== null
        ? quickLayout(
            graph.entities.map((e) => e.id),
            drawable.map((l) => [l.source, l.target] as const),
          )
        : null;
    movedRef.current = new Set();
    // A link's label is the name of its type: looked up once per type rather than once per link
    // (15,000 lookups through i18next cost a quarter of a second on a large case).
    const typeLabels = new Map<LinkType, string>();
    const typeLabel = (type: LinkType): string => {
      let label = typeLabels.get(type);
      if (label === undefined) {
        label = t(`model.linkType.${type}`);
        typeLabels.set(type, label);
      }
      return label;
    };
    // Each node is built with its label and colour, so that the data effect below has nothing
    // to change on the first picture (a pass over every node, each change an event).
    appliedDataRef.current = { labelOf, colourOf, pinned };
    const edgeDefs = drawable.map((l) => ({
      group: 'edges' as const,
      data: {
        id: l.id,
        source: l.source,
        target: l.target,
        directed: l.directed,
        label: typeLabel(l.type),
        lineStyle: lineStyle(l.reliability),
      },
    }));
    // Built for a later mount (see the first-layout effect), the canvas holds only the nodes
    // until then: the links join once the nodes' style is computed.
    pendingEdgesRef.current = early !== null ? edgeDefs : null;
    const built = performance.now();
    const cy = cytoscape({
      // While the worker lays out, the canvas is built without a container (no renderer), so
      // that no frame of thousands of unplaced nodes is drawn: it is mounted with positions.
      // Styles are applied once, by mount(): applying them here too would cost as much again.
      ...(early !== null ? { headless: true, styleEnabled: false } : { container }),
      style: networkStyle(large),
      elements: [
        ...graph.entities.map((e) => ({
          group: 'nodes' as const,
          data: {
            id: e.id,
            label: labelOf(e.id),
            colour: colourOf(e.id),
            shape: KIND_SHAPES[e.kind],
            official: isOfficial(e),
            pinned: pinned.has(e.id),
          },
          ...(quick !== null ? { position: quick[e.id] ?? { x: 0, y: 0 } } : {}),
        })),
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
      // canvas; it is not in @types/cytoscape yet, hence the cast.
      // Without a container the renderer must be 'null'; mount() then starts the canvas one
      // with these same options.
      ...({
        renderer: { name: early !== null ? 'null' : 'canvas', webgl: large && webglAvailable() },
      } as object),
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;
    // Where a first draw's time goes, for the bench and the browser's performance panel.
    performance.measure('network:prepare', { start: started, end: built });
    performance.measure('network:build', { start: built });
    cy.on('select', 'node', (ev) => {
      setSelection({ type: 'node', id: (ev.target as cytoscape.NodeSingular).id() as EntityId });
      setTab('details');
    });
    cy.on('select', 'edge', (ev) => {
      setSelection({ type: 'edge', id: (ev.target as cytoscape.EdgeSingular).id() });
      setTab('details');
    });
    cy.on('unselect', () => setSelection(null));
    cy.on('dragfree', () => setListVersion((v) => v + 1));
    // Nodes the user takes hold of keep their place when the refined layout arrives.
    cy.on('grab', 'node', (ev) => {
      movedRef.current.add((ev.target as cytoscape.NodeSingular).id());
    });
    return () => {
      early?.cancel();
      earlyLayoutRef.current = null;
      cyRef.current = null;
      setDrawn(null);
      setComplete(null);
      cy.destroy();
    };
    // Labels, colours and layout are applied by the effects below, once the canvas exists.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph]);

  // Data: labels (protection), colours (role or ring).
  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) return;
    const applied = appliedDataRef.current;
    appliedDataRef.current = { labelOf, colourOf, pinned };
    if (applied.labelOf === labelOf && applied.colourOf === colourOf && applied.pinned === pinned)
      return;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const id = node.id() as EntityId;
        node.data({ label: labelOf(id), colour: colourOf(id), pinned: pinned.has(id) });
      });
    });
    setListVersion((v) => v + 1);
  }, [graph, labelOf, colourOf, pinned]);

  const filters = useMemo(
    () => ({
      kinds,
      roles,
      linkTypes,
      hidden,
      ...(range !== null && months[range[0]] !== undefined ? { from: months[range[0]] } : {}),
      ...(range !== null && months[range[1]] !== undefined ? { to: months[range[1]] } : {}),
    }),
    [kinds, roles, linkTypes, hidden, range, months],
  );
  const visible = useMemo(
    () =>
      graph === null
        ? null
        : visibleElements(
            graph,
            filters,
            range !== null && (range[0] > 0 || range[1] < months.length - 1),
          ),
    [graph, filters, range, months],
  );

  useEffect(() => {
    const cy = cyRef.current;
    visibleRef.current = visible;
    if (cy === null || visible === null) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('filtered', !visible.entities.has(n.id() as EntityId));
      });
      cy.edges().forEach((e) => {
        e.toggleClass('filtered', !visible.links.has(e.id()));
      });
    });
    setVisibleEdges(cy.edges().not('.filtered').length);
    setListVersion((v) => v + 1);
  }, [visible, graph]);

  // First layout of a freshly built canvas: the saved view if there is one, else fcose.
  // data-draw-ms (first draw) counts from the start of the canvas build to the frame after the
  // first picture is drawn; data-complete-ms to the frame after the whole picture is drawn. They
  // differ on a large case only, whose links are added once its nodes are on screen.
  const laidOutFor = useRef<CaseGraph | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (graph === null || cy === null || laidOutFor.current === graph) return;
    laidOutFor.current = graph;
    const name: LayoutName = positionsOfView !== null ? 'saved' : 'fcose';
    setLayout(name);
    const sinceBuild = (): number => Math.round(performance.now() - startedRef.current);
    /** After the next drawn frame: first draw; then `addLinks` and, a frame later, complete. */
    const drawnNow = (then?: () => void, addLinks?: () => void): void => {
      const drawing = performance.now();
      afterDrawn(() => {
        if (cyRef.current !== cy) return;
        performance.measure('network:first-frame', { start: drawing });
        setDrawn({ of: graph, nodes: cy.nodes().length, ms: sinceBuild() });
        const completed = (): void => {
          setComplete({ of: graph, edges: cy.edges().length, ms: sinceBuild() });
          setVisibleEdges(cy.edges().not('.filtered').length);
        };
        if (addLinks === undefined) completed();
        else {
          const adding = performance.now();
          addLinks();
          afterDrawn(() => {
            if (cyRef.current !== cy) return;
            performance.measure('network:links-frame', { start: adding });
            completed();
          });
        }
        then?.();
      });
    };
    const early = earlyLayoutRef.current;
    earlyLayoutRef.current = null;
    if (name !== 'fcose' || early === null) {
      runLayout(name);
      drawnNow();
      return;
    }
    // Drawn now with the quick positions set at build time; fcose refines it when it arrives.
    const container = containerRef.current;
    if (container === null) return;
    const mounting = performance.now();
    cy.mount(container);
    const pending = pendingEdgesRef.current;
    pendingEdgesRef.current = null;
    // The links join the nodes on the canvas once the nodes' style is computed. Cytoscape marks
    // a node's links dirty for every style property it sets on the node, building a collection
    // of the node's links each time: with 15,000 links present that cost over a second on a
    // two-core machine, without them a fraction. The first frame draws the nodes in their
    // grouped places (a picture of the case's rings), the next one adds the links.
    const addLinks = (): void => {
      if (pending === null) return;
      const shown = visibleRef.current?.links;
      cy.add(
        shown === undefined
          ? pending
          : pending.map((edge) =>
              shown.has(edge.data.id ?? '') ? edge : { ...edge, classes: 'filtered' },
            ),
      );
    };
    fitToNodes(cy, 30);
    performance.measure('network:mount', { start: mounting });
    const fitted = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    setListVersion((v) => v + 1);
    setLayingOut(true);
    // fcose's result waits for the first picture to be on screen: applied while that picture is
    // still being drawn, it would have every element measured and drawn twice before the user
    // sees anything.
    const firstFrame = new Promise<void>((resolve) =>
      drawnNow(resolve, pending !== null ? addLinks : undefined),
    );
    const settled = (): void => {
      if (cyRef.current !== cy) return;
      setLayingOut(false);
      setListVersion((v) => v + 1);
    };
    Promise.all([early.positions, firstFrame]).then(
      ([positions]) => {
        if (cyRef.current !== cy) return;
        // Only nodes the user has neither dragged nor pinned move; the view is refitted only
        // if the user has not zoomed or panned since the first picture.
        const untouched =
          cy.zoom() === fitted.zoom && cy.pan().x === fitted.pan.x && cy.pan().y === fitted.pan.y;
        cy.batch(() => {
          cy.nodes().forEach((node) => {
            const p = positions[node.id()];
            if (p !== undefined && !node.locked() && !movedRef.current.has(node.id()))
              node.position(p);
          });
        });
        if (untouched) fitToNodes(cy, 30);
        settled();
      },
      () => {
        // A worker that cannot start (or fails) costs time, not the picture: lay out here,
        // around whatever the user has moved or pinned (fcose leaves locked nodes alone).
        if (cyRef.current !== cy) return;
        const moved = cy.nodes().filter((n) => movedRef.current.has(n.id()) && !n.locked());
        moved.lock();
        runLayout('fcose');
        moved.unlock();
        settled();
      },
    );
  }, [graph, positionsOfView, runLayout]);

  // Pinned nodes are locked: neither a layout nor a stray drag moves them.
  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) return;
    cy.nodes().forEach((n) => {
      if (pinned.has(n.id() as EntityId)) n.lock();
      else n.unlock();
    });
  }, [pinned, graph]);

  // Replay: move the end of the range forward one month at a time.
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setRange((r) => {
        const current = r ?? [0, 0];
        if (current[1] >= months.length - 1) {
          setPlaying(false);
          return current;
        }
        return [current[0], current[1] + 1];
      });
    }, 400);
    return () => clearInterval(timer);
  }, [playing, months.length]);

  const focusNode = (id: EntityId): void => {
    const cy = cyRef.current;
    if (cy === null) return;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    if (node.hasClass('filtered')) setHidden((h) => new Set([...h].filter((x) => x !== id)));
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 200 });
  };

  /** Selects a link as a click on it would, from the list in an entity's details. */
  const selectLink = (id: string): void => {
    const cy = cyRef.current;
    const edge = cy?.getElementById(id);
    cy?.elements().unselect();
    if (edge !== undefined && !edge.empty()) edge.select();
    // A link the canvas does not show (its other end is in another case) still has details.
    else setSelection({ type: 'edge', id });
  };

  const expand = (id: EntityId): void => {
    if (graph === null) return;
    const around = new Set<EntityId>();
    for (const l of graph.links) {
      if (l.source === id) around.add(l.target);
      if (l.target === id) around.add(l.source);
    }
    setHidden((h) => new Set([...h].filter((x) => !around.has(x))));
    setKinds(new Set(ENTITY_KINDS));
    setRoles(new Set());
    setMessage(t('network.expanded', { count: around.size }));
  };

  const currentPositions = (): Positions => {
    const positions: Record<string, { x: number; y: number }> = {};
    cyRef.current?.nodes().forEach((n) => {
      const p = n.position();
      positions[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
    });
    return positions;
  };

  const save = async (name: string, id?: GraphViewId): Promise<void> => {
    setError(null);
    try {
      const row = await saveView(vault, {
        caseId,
        ...(id !== undefined ? { id } : {}),
        name,
        positions: currentPositions(),
        hidden: [...hidden],
        layout,
      });
      setViews(await listViews(vault, caseId));
      setActiveView(row.id);
      setMessage(t('network.views.saved', { name }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const exportPicture = async (format: 'png' | 'svg'): Promise<void> => {
    const cy = cyRef.current;
    if (cy === null) return;
    setError(null);
    try {
      const data =
        format === 'png'
          ? new Uint8Array(
              await (
                await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' })
              ).arrayBuffer(),
            )
          : new TextEncoder().encode(networkToSvg(cy));
      const fileName = `network-${new Date().toISOString().slice(0, 10)}.${format}`;
      const saved = await platform.saveFile({ suggestedName: fileName, data });
      if (!saved.saved) return;
      // Only the audit log changed: no changed() here, which would reload the case and lay the
      // picture out afresh under the user's eyes. The Audit view reads the log when it opens.
      await auditExport(vault, caseId, format, fileName, cy.nodes(':visible').length, protect);
      setMessage(t('network.exported', { name: fileName }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const exportFtmFile = async (): Promise<void> => {
    const cy = cyRef.current;
    if (cy === null || graph === null) return;
    setError(null);
    try {
      const shown = new Set(cy.nodes(':visible').map((n) => n.id() as EntityId));
      const shownLinks = new Set(cy.edges(':visible').map((e) => e.id()));
      const file = ftmFileOf(graph, shown, shownLinks, protect);
      const fileName = `case-${new Date().toISOString().slice(0, 10)}.ftm.jsonl`;
      const saved = await platform.saveFile({
        suggestedName: fileName,
        data: new TextEncoder().encode(file.text),
      });
      if (!saved.saved) return;
      // As for the picture exports: the audit entry alone, no reload of the case.
      await auditFtmExport(vault, caseId, fileName, file);
      setMessage(
        t('network.ftm.exported', {
          name: fileName,
          entities: String(file.entities),
          links: String(file.links),
          victims: String(file.victimsLeftOut),
        }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const pickFtm = async (): Promise<void> => {
    const files = await platform.openFiles({
      title: t('network.ftm.pick'),
      extensions: ['jsonl', 'json', 'ftm', 'ijson'],
      multiple: false,
    });
    const file = files[0];
    if (file !== undefined) setPicked(file);
  };

  const showPath = (path: GraphPath | null): void => {
    const cy = cyRef.current;
    if (cy === null) return;
    cy.elements('.path').removeClass('path');
    if (path === null) return;
    for (const id of path.nodes) cy.getElementById(id).addClass('path');
    for (const step of path.steps) cy.getElementById(step.linkId).addClass('path');
  };

  const toggle = <T,>(set: ReadonlySet<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  if (loadError !== null)
    return (
      <p className="form-error" role="alert">
        {t('common.error', { message: loadError })}
      </p>
    );
  if (graph === null) return <p className="muted">{t('app.loading')}</p>;

  const importButton = (
    <button type="button" onClick={() => void pickFtm()} data-testid="ftm-import">
      {t('network.ftm.button')}
    </button>
  );
  const dialogs = (
    <>
      {picked !== null && (
        <FtmImportDialog
          caseId={caseId}
          file={picked}
          onClose={() => setPicked(null)}
          onImported={(entities, links) => {
            setPicked(null);
            setMessage(t('network.ftm.done', counted(t, entities, links)));
          }}
        />
      )}
    </>
  );

  if (graph.entities.length === 0)
    return (
      <>
        {message !== null && (
          <p className="notice" role="status" data-testid="network-message">
            {message}
          </p>
        )}
        <EmptyState title={t('network.emptyTitle')} body={t('network.emptyBody')}>
          {importButton}
        </EmptyState>
        {dialogs}
      </>
    );

  const selectedEntity = selection?.type === 'node' ? entityById.get(selection.id) : undefined;
  const selectedLink = selection?.type === 'edge' ? linkById.get(selection.id) : undefined;
  const listedNodes =
    cyRef.current === null ? [] : cyRef.current.nodes().filter((n) => !n.hasClass('filtered'));
  void listVersion; // the node list below re-reads positions when this changes

  return (
    <div className="network">
      <div className="network-toolbar" role="toolbar" aria-label={t('network.toolbar')}>
        {importButton}
        <label className="inline">
          <input
            type="checkbox"
            checked={protect}
            onChange={(e) => setProtect(e.target.checked)}
            data-testid="protect-victims"
          />{' '}
          {t('network.protect')}
        </label>
        <label className="inline">
          {t('network.colourBy')}{' '}
          <select
            value={colourMode}
            onChange={(e) => setColourMode(e.target.value as 'role' | 'community')}
            data-testid="colour-mode"
          >
            <option value="role">{t('network.colourRole')}</option>
            <option value="community">{t('network.colourCommunity')}</option>
          </select>
        </label>
        <label className="inline">
          {t('network.layout.label')}{' '}
          <select
            value={layout}
            onChange={(e) => {
              const name = e.target.value as LayoutName;
              setLayout(name);
              runLayout(name, selection?.type === 'node' ? selection.id : undefined);
            }}
            data-testid="layout"
          >
            <option value="fcose">{t('network.layout.fcose')}</option>
            <option value="concentric">{t('network.layout.concentric')}</option>
            <option value="breadthfirst" disabled={selection?.type !== 'node'}>
              {t('network.layout.breadthfirst')}
            </option>
            <option value="saved" disabled={positionsOfView === null}>
              {t('network.layout.saved')}
            </option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => {
            const cy = cyRef.current;
            if (cy === null) return;
            cy.fit(cy.elements(':visible'), 30);
            afterDrawn(() => setFits((f) => f + 1));
          }}
          data-testid="network-fit"
        >
          {t('network.fit')}
        </button>
        <form
          className="network-find"
          onSubmit={(e) => {
            e.preventDefault();
            const needle = find.trim().toLowerCase();
            const hit = graph.entities.find((en) => labelOf(en.id).toLowerCase().includes(needle));
            if (needle === '' || hit === undefined)
              setMessage(t('network.notFound', { text: find }));
            else focusNode(hit.id);
          }}
        >
          <input
            type="search"
            aria-label={t('network.find')}
            placeholder={t('network.find')}
            value={find}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setFind(e.target.value)}
            data-testid="network-find"
          />
        </form>
        <button
          type="button"
          disabled={linksPending}
          onClick={() => void exportPicture('png')}
          data-testid="export-png"
        >
          {t('network.exportPng')}
        </button>
        <button
          type="button"
          disabled={linksPending}
          onClick={() => void exportPicture('svg')}
          data-testid="export-svg"
        >
          {t('network.exportSvg')}
        </button>
        <button
          type="button"
          onClick={() => void exportFtmFile()}
          disabled={linksPending}
          data-testid="export-ftm"
          title={t('network.ftm.exportHint')}
        >
          {t('network.ftm.export')}
        </button>
      </div>

      <div className="network-toolbar">
        <label className="inline">
          {t('network.views.label')}{' '}
          <select
            value={activeView}
            onChange={(e) => {
              setActiveView(e.target.value as GraphViewId | '');
              setLayout('saved');
            }}
            data-testid="view-select"
          >
            <option value="">{t('network.views.none')}</option>
            {views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={activeView === ''}
          onClick={() => runLayout('saved')}
          data-testid="view-apply"
        >
          {t('network.views.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            const current = views.find((v) => v.id === activeView);
            void save(current?.name ?? t('network.views.defaultName'), current?.id);
          }}
          data-testid="save-positions"
        >
          {t('network.views.save')}
        </button>
        <button type="button" onClick={() => setNaming('')} data-testid="save-view-as">
          {t('network.views.saveAs')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={activeView === ''}
          onClick={() => setConfirmDelete(views.find((v) => v.id === activeView) ?? null)}
          data-testid="view-delete"
        >
          {t('network.views.delete')}
        </button>
        {hidden.size > 0 && (
          <button type="button" onClick={() => setHidden(new Set())} data-testid="show-hidden">
            {t('network.showHidden', { count: hidden.size })}
          </button>
        )}
      </div>

      <details className="network-filters">
        <summary>{t('network.filters.title')}</summary>
        <fieldset>
          <legend>{t('network.filters.kinds')}</legend>
          {ENTITY_KINDS.map((k) => (
            <label key={k} className="inline">
              <input
                type="checkbox"
                checked={kinds.has(k)}
                onChange={() => setKinds((s) => toggle(s, k))}
              />{' '}
              {t(`model.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('network.filters.roles')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="inline">
              <input
                type="checkbox"
                checked={roles.has(r)}
                onChange={() => setRoles((s) => toggle(s, r))}
              />{' '}
              {t(`model.role.${r}`)}
            </label>
          ))}
          <span className="hint">{t('network.filters.rolesHint')}</span>
        </fieldset>
        <fieldset>
          <legend>{t('network.filters.linkTypes')}</legend>
          {LINK_TYPES.map((l) => (
            <label key={l} className="inline">
              <input
                type="checkbox"
                checked={linkTypes.has(l)}
                onChange={() => setLinkTypes((s) => toggle(s, l))}
              />{' '}
              {t(`model.linkType.${l}`)}
            </label>
          ))}
        </fieldset>
      </details>

      {months.length > 1 && (
        <div className="network-time" data-testid="network-time">
          <button
            type="button"
            onClick={() => {
              if (!playing) setRange([0, 0]);
              setPlaying(!playing);
            }}
            data-testid="time-play"
          >
            {playing ? t('network.time.pause') : t('network.time.play')}
          </button>
          <label className="inline">
            {t('network.time.from')}{' '}
            <input
              type="range"
              min={0}
              max={months.length - 1}
              value={range?.[0] ?? 0}
              onChange={(e) => {
                const v = Number(e.target.value);
                setRange((r) => [v, Math.max(v, r?.[1] ?? months.length - 1)]);
              }}
              aria-valuetext={months[range?.[0] ?? 0]}
            />
          </label>
          <label className="inline">
            {t('network.time.to')}{' '}
            <input
              type="range"
              min={0}
              max={months.length - 1}
              value={range?.[1] ?? months.length - 1}
              onChange={(e) => {
                const v = Number(e.target.value);
                setRange((r) => [Math.min(v, r?.[0] ?? 0), v]);
              }}
              aria-valuetext={months[range?.[1] ?? months.length - 1]}
              data-testid="time-to"
            />
          </label>
          <span className="mono small">
            {months[range?.[0] ?? 0]} – {months[range?.[1] ?? months.length - 1]}
          </span>
          {range !== null && (
            <button type="button" className="link" onClick={() => setRange(null)}>
              {t('network.time.all')}
            </button>
          )}
          <span className="hint">{t('network.time.undated')}</span>
        </div>
      )}

      {message !== null && (
        <p className="notice" role="status" data-testid="network-message">
          {message}
        </p>
      )}
      {error !== null && (
        <p className="form-error" role="alert" data-testid="network-error">
          {t('common.error', { message: error })}
        </p>
      )}

      <div className="network-body">
        <div className="network-canvas-wrap">
          <div
            ref={containerRef}
            className="network-canvas"
            data-testid="network-canvas"
            data-nodes={drawn?.nodes}
            data-edges={complete?.edges}
            data-draw-ms={drawn?.ms}
            data-complete-ms={complete?.ms}
            // The links the filters leave on the complete picture (those without the 'filtered'
            // class): lets tests/e2e/networkLarge.e2e.test.ts check that links added a frame
            // after the first picture of a large case still obey the filters.
            data-visible-edges={complete?.of === graph ? visibleEdges : undefined}
            data-fits={fits}
            role="img"
            aria-label={t('network.canvasLabel', {
              nodes: String(visible?.entities.size ?? 0),
              links: String(visible?.links.size ?? 0),
            })}
          />
          {layingOut && (
            <div
              className="network-laying-out network-refining"
              role="status"
              data-testid="network-laying-out"
            >
              {linksPending
                ? t('network.drawingLinks', { count: graph.links.length })
                : t('network.layingOut', { count: graph.entities.length })}
            </div>
          )}
          <Legend colourMode={colourMode} communities={result?.communities.length ?? 0} />
        </div>
        <aside className="network-side">
          <AnalysisStatus
            state={analysis}
            onCancel={() => runRef.current?.cancel()}
            onRetry={() => setRerun((n) => n + 1)}
          />
          <div className="tabs" role="tablist">
            {(['details', 'ranking', 'exposure', 'path'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                onClick={() => setTab(name)}
                data-testid={`network-tab-${name}`}
              >
                {t(`network.tabs.${name}`)}
              </button>
            ))}
          </div>
          <div className="network-tab" role="tabpanel">
            {tab === 'details' && (
              <DetailsPanel
                selection={selection}
                entity={selectedEntity}
                link={selectedLink}
                citations={selection === null ? [] : citationsOf(selection.id)}
                links={selection?.type === 'node' ? (linksByEntity.get(selection.id) ?? []) : []}
                onSelectLink={selectLink}
                labelOf={labelOf}
                protect={protect}
                pinned={selection?.type === 'node' && pinned.has(selection.id)}
                onExpand={expand}
                onHide={(id) => {
                  setHidden((h) => new Set(h).add(id));
                  setSelection(null);
                }}
                onPin={(id) => setPinned((p) => toggle(p, id))}
                onPathFrom={(id) => {
                  setPathFrom(id);
                  setTab('path');
                }}
              />
            )}
            {tab === 'ranking' &&
              (result !== null ? (
                <RankingPanel result={result} labelOf={labelOf} onSelect={focusNode} />
              ) : (
                <p className="muted">{t('network.analysis.wait')}</p>
              ))}
            {tab === 'exposure' &&
              (result !== null ? (
                <ExposurePanel
                  result={result}
                  maxHops={maxHops}
                  timeAware={timeAware}
                  onMaxHops={setMaxHops}
                  onTimeAware={setTimeAware}
                  labelOf={labelOf}
                  citationsOfLink={citationsOf}
                />
              ) : (
                <p className="muted">{t('network.analysis.wait')}</p>
              ))}
            {tab === 'path' && input !== null && (
              <PathPanel
                input={input}
                entities={graph.entities}
                from={pathFrom}
                onFrom={setPathFrom}
                labelOf={labelOf}
                citationsOfLink={citationsOf}
                onShow={showPath}
              />
            )}
          </div>
          <details
            className="network-node-list"
            data-testid="network-node-list"
            onToggle={(e) => setListOpen(e.currentTarget.open)}
          >
            <summary>{t('network.nodeList', { count: listedNodes.length })}</summary>
            <ul>
              {/* Only while open: thousands of rows re-rendered on every progress message of
                  the analysis cost more than the canvas itself on a large case. */}
              {(listOpen ? listedNodes : []).map((n) => {
                const p = (n as cytoscape.NodeSingular).position();
                return (
                  <li
                    key={n.id()}
                    data-testid="network-node"
                    data-id={n.id()}
                    data-colour={String(n.data('colour'))}
                    data-community={communityOf.get(n.id() as EntityId)}
                    data-x={p.x.toFixed(1)}
                    data-y={p.y.toFixed(1)}
                  >
                    <button
                      type="button"
                      className="link"
                      onClick={() => focusNode(n.id() as EntityId)}
                    >
                      {String(n.data('label'))}
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        </aside>
      </div>

      {dialogs}
      {naming !== null && (
        <Dialog
          title={t('network.views.saveAs')}
          onClose={() => setNaming(null)}
          testId="view-name-dialog"
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const name = naming.trim();
              if (name === '') return;
              setNaming(null);
              void save(name);
            }}
          >
            <Field
              label={t('network.views.name')}
              value={naming}
              onChange={(e) => setNaming(e.target.value)}
              testId="view-name"
              autoFocus
              required
              maxLength={120}
            />
            <FormFooter
              onCancel={() => setNaming(null)}
              submitLabel={t('common.save')}
              submitDisabled={naming.trim() === ''}
              submitTestId="view-name-save"
            />
          </form>
        </Dialog>
      )}
      {confirmDelete !== null && (
        <ConfirmDialog
          title={t('network.views.deleteTitle')}
          message={t('network.views.deleteMessage', { name: confirmDelete.name })}
          confirmLabel={t('network.views.delete')}
          danger
          onCancel={() => setConfirmDelete(null)}
          onConfirm={() => {
            const view = confirmDelete;
            setConfirmDelete(null);
            void deleteView(vault, view).then(async () => {
              setViews(await listViews(vault, caseId));
              setActiveView('');
            });
          }}
        />
      )}
    </div>
  );
}

function AnalysisStatus({
  state,
  onCancel,
  onRetry,
}: Readonly<{ state: AnalysisState; onCancel: () => void; onRetry: () => void }>): ReactNode {
  const { t } = useTranslation();
  if (state.status === 'running') {
    const p = state.progress;
    return (
      <div className="network-progress" role="status" data-testid="analysis-running">
        <span>
          {p === null
            ? t('network.analysis.starting')
            : t('network.analysis.progress', {
                stage: t(`network.analysis.stage.${p.stage}`),
                done: String(p.done),
                total: String(p.total),
              })}
        </span>
        <progress max={p?.total ?? 1} value={p?.done ?? 0} />
        <button type="button" onClick={onCancel} data-testid="analysis-cancel">
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  if (state.status === 'cancelled')
    return (
      <p className="notice small" role="status" data-testid="analysis-cancelled">
        {t('network.analysis.cancelled')}{' '}
        <button type="button" className="link" onClick={onRetry}>
          {t('network.analysis.retry')}
        </button>
      </p>
    );
  if (state.status === 'error')
    return (
      <p className="form-error" role="alert" data-testid="analysis-error">
        {t('network.analysis.failed', { message: state.message })}
        <button type="button" className="link" onClick={onRetry}>
          {t('network.analysis.retry')}
        </button>
      </p>
    );
  if (state.status === 'done')
    return (
      <p className="small muted" data-testid="analysis-done">
        {t('network.analysis.done')}
      </p>
    );
  return null;
}
