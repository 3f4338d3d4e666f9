import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphViewRow } from '../../../core/db';
import { roleColour, type CaseId, type EntityId, type LinkId } from '../../../core/model';
import { platform } from '../platform';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { EmptyState } from '../shell/EmptyState';
import { useSession } from '../vault/session';
import type { Selection } from './DetailsPanel';
import { auditFtmExport, ftmFileOf } from '../../../core/ftm';
import { FiltersPanel } from './FiltersPanel';
import { counted, FtmImportDialog, type PickedFtm } from './FtmImportDialog';
import { COMMUNITY_COLOURS, OTHER_COMMUNITY_COLOUR, labelOf as entityLabel } from './graphModel';
import { Legend } from './Legend';
import type { Appearance, LayoutName } from './NetworkCanvas';
import { NetworkToolbar } from './NetworkToolbar';
import { NodeList } from './NodeList';
import { pictureHeader } from './pictureHeader';
import { auditExport } from '../../../core/graph';
import { assertVaultIntegrity } from '../../../core/vault';
import { SaveViewDialog } from './SaveViewDialog';
import { SidePanel, type Tab } from './SidePanel';
import { TimeSlider } from './TimeSlider';
import { useAnalysis } from './useAnalysis';
import { useCaseNetwork } from './useCaseNetwork';
import { useNetworkCanvas } from './useNetworkCanvas';
import { useNetworkFilters } from './useNetworkFilters';
import { useSavedViews } from './useSavedViews';
import { ViewsBar } from './ViewsBar';
import './refine.css';

/**
 * The network of one case: the wiring of the canvas controller (NetworkCanvas), the hooks
 * (case network, filters, saved views, analysis) and the panels around the canvas.
 */
export function NetworkWorkbench({ caseId }: Readonly<{ caseId: CaseId }>): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const {
    network,
    caseRow,
    views: loadedViews,
    loadError,
    takeWarmLayout,
  } = useCaseNetwork(caseId);
  const graph = network?.graph ?? null;
  const views = useSavedViews(caseId, loadedViews);
  const filters = useNetworkFilters(graph, network?.months ?? NO_MONTHS);

  // On by default: a network is often shown on a shared screen, and a victim's name shown by
  // mistake cannot be taken back. The analyst turns it off to work with the names.
  const [protect, setProtect] = useState(true);
  const [colourMode, setColourMode] = useState<'role' | 'community'>('role');
  const [pinned, setPinned] = useState<ReadonlySet<EntityId>>(new Set());
  const [selection, setSelection] = useState<Selection>(null);
  const [tab, setTab] = useState<Tab>('details');
  const [pathFrom, setPathFrom] = useState<EntityId | ''>('');
  const [picked, setPicked] = useState<PickedFtm | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<GraphViewRow | null>(null);

  const labelOf = useCallback(
    (id: EntityId): string => {
      const e = network?.entityById.get(id);
      return e === undefined ? id : entityLabel(e, protect, network?.pseudonyms ?? NO_NAMES);
    },
    [network, protect],
  );

  // The canvas comes before the analysis (which waits for its first picture), and the ring
  // colours come from the analysis: the canvas reads the appearance of this render from a ref
  // when it builds, and takes later changes as a change of data (below), never as a rebuild.
  const appearanceRef = useRef<Appearance | null>(null);
  const canvas = useNetworkCanvas(network, {
    appearance: appearanceRef,
    visible: filters.visible,
    saved: views.positions,
    typeLabel: (type) => t(`model.linkType.${type}`),
    takeWarmLayout,
    onSelect: (s) => {
      setSelection(s);
      if (s !== null) setTab('details');
    },
  });
  const controller = canvas.canvas;
  // The analysis starts once the canvas is drawn: on a large case it keeps every core busy for
  // seconds, and the analyst should see the picture first. On a large case it also waits for
  // fcose to refine the first picture: two cores cannot run both at full speed.
  const canvasReady = canvas.drawn !== null && canvas.drawn.of === graph && !canvas.layingOut;
  const analysis = useAnalysis(network?.input ?? null, canvasReady);
  const { communityOf } = analysis;
  const colourOf = useCallback(
    (id: EntityId): string => {
      if (colourMode === 'community') {
        const c = communityOf.get(id);
        return c === undefined
          ? OTHER_COMMUNITY_COLOUR
          : (COMMUNITY_COLOURS[c] ?? OTHER_COMMUNITY_COLOUR);
      }
      return roleColour(network?.entityById.get(id)?.roles ?? []);
    },
    [network, colourMode, communityOf],
  );
  const appearance = useMemo<Appearance>(
    () => ({ labelOf, colourOf, pinned }),
    [labelOf, colourOf, pinned],
  );
  appearanceRef.current = appearance;
  useEffect(() => {
    controller?.setAppearance(appearance);
  }, [controller, appearance]);
  // Until the picture of this graph is complete an export would leave links out. That includes
  // the time before the first picture of a rebuilt canvas (after an import, or any change to
  // the case elsewhere), when the canvas has no links at all yet.
  const linksPending = canvas.complete?.of !== graph;

  const fail = (e: unknown): void => setError(e instanceof Error ? e.message : String(e));

  const runLayout = (name: LayoutName): void => {
    canvas.setLayout(name);
    controller?.runLayout(name, {
      saved: views.positions,
      ...(selection?.type === 'node' ? { root: selection.id } : {}),
      scores: new Map(analysis.result?.centrality.map((r) => [r.id, r.pagerank]) ?? []),
    });
  };

  const focus = (id: EntityId): void => {
    if (filters.visible !== null && !filters.visible.entities.has(id))
      filters.dispatch({ type: 'unhide', id });
    controller?.focus(id);
  };

  const expand = (id: EntityId): void => {
    if (graph === null) return;
    const around = new Set<EntityId>();
    for (const l of graph.links) {
      if (l.source === id) around.add(l.target);
      if (l.target === id) around.add(l.source);
    }
    filters.dispatch({ type: 'reveal', ids: around });
    setMessage(t('network.expanded', { count: around.size }));
  };

  const save = async (name: string, id?: GraphViewRow['id']): Promise<void> => {
    if (controller === null) return;
    setError(null);
    try {
      await views.save({
        name,
        ...(id !== undefined ? { id } : {}),
        positions: controller.savedPositions(),
        hidden: [...filters.state.hidden],
        layout: canvas.layout,
      });
      setMessage(t('network.views.saved', { name }));
    } catch (e) {
      fail(e);
    }
  };

  const exportPicture = async (format: 'png' | 'svg'): Promise<void> => {
    if (controller === null) return;
    setError(null);
    try {
      await assertVaultIntegrity(vault);
      const date = new Date().toISOString().slice(0, 10);
      const header = pictureHeader(t, {
        reference: caseRow?.reference ?? '',
        title: caseRow?.title ?? '',
        date,
        protect,
        colourMode,
        rings: analysis.rings.length,
      });
      const data =
        format === 'png'
          ? await controller.png(header)
          : new TextEncoder().encode(controller.svg(header));
      const fileName = `network-${date}.${format}`;
      const saved = await platform.saveFile({ suggestedName: fileName, data });
      if (!saved.saved) return;
      // Only the audit log changed: no changed() here, which would reload the case and lay the
      // picture out afresh under the user's eyes. The Audit view reads the log when it opens.
      const shown = controller.shown().entities.size;
      await auditExport(vault, caseId, format, fileName, shown, protect);
      setMessage(t('network.exported', { name: fileName }));
    } catch (e) {
      fail(e);
    }
  };

  const exportFtmFile = async (): Promise<void> => {
    if (controller === null || graph === null) return;
    setError(null);
    try {
      await assertVaultIntegrity(vault);
      const shown = controller.shown();
      const file = ftmFileOf(graph, shown.entities, shown.links, protect);
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
      fail(e);
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

  if (loadError !== null)
    return (
      <p className="form-error" role="alert">
        {t('common.error', { message: loadError })}
      </p>
    );
  if (network === null || graph === null) return <p className="muted">{t('app.loading')}</p>;

  const importButton = (
    <button type="button" onClick={() => void pickFtm()} data-testid="ftm-import">
      {t('network.ftm.button')}
    </button>
  );
  const notice = message !== null && (
    <p className="notice" role="status" data-testid="network-message">
      {message}
    </p>
  );
  const importDialog = picked !== null && (
    <FtmImportDialog
      caseId={caseId}
      file={picked}
      onClose={() => setPicked(null)}
      onImported={(entities, links) => {
        setPicked(null);
        setMessage(t('network.ftm.done', counted(t, entities, links)));
      }}
    />
  );

  if (graph.entities.length === 0)
    return (
      <>
        {notice}
        <EmptyState title={t('network.emptyTitle')} body={t('network.emptyBody')}>
          {importButton}
        </EmptyState>
        {importDialog}
      </>
    );

  const visible = filters.visible;
  const listed = graph.entities.filter((e) => visible?.entities.has(e.id) === true);

  return (
    <div className="network">
      <NetworkToolbar
        importButton={importButton}
        protect={protect}
        onProtect={setProtect}
        colourMode={colourMode}
        onColourMode={setColourMode}
        layout={canvas.layout}
        onLayout={runLayout}
        canBreadthFirst={selection?.type === 'node'}
        canSaved={views.positions !== null}
        onFit={() => controller?.fit()}
        onFind={(needle) => {
          const hit = graph.entities.find((e) => labelOf(e.id).toLowerCase().includes(needle));
          if (hit !== undefined) focus(hit.id);
          return hit !== undefined;
        }}
        onNotFound={(text) => setMessage(t('network.notFound', { text }))}
        exportsDisabled={linksPending}
        onExportPicture={(format) => void exportPicture(format)}
        onExportFtm={() => void exportFtmFile()}
      />
      <ViewsBar
        views={views.views}
        active={views.active}
        onActive={(id) => {
          views.setActive(id);
          canvas.setLayout('saved');
        }}
        onApply={() => runLayout('saved')}
        onSave={() => {
          const current = views.views.find((v) => v.id === views.active);
          void save(current?.name ?? t('network.views.defaultName'), current?.id);
        }}
        onSaveAs={() => setNaming(true)}
        onDelete={setConfirmDelete}
        hiddenCount={filters.state.hidden.size}
        onShowHidden={() => filters.dispatch({ type: 'showHidden' })}
      />
      <FiltersPanel state={filters.state} dispatch={filters.dispatch} />
      <TimeSlider months={network.months} state={filters.state} dispatch={filters.dispatch} />

      {notice}
      {error !== null && (
        <p className="form-error" role="alert" data-testid="network-error">
          {t('common.error', { message: error })}
        </p>
      )}

      <div className="network-body">
        <div className="network-canvas-wrap">
          <div
            ref={canvas.containerRef}
            className="network-canvas"
            data-testid="network-canvas"
            data-nodes={canvas.drawn?.nodes}
            data-edges={canvas.complete?.edges}
            data-draw-ms={canvas.drawn?.ms}
            data-complete-ms={canvas.complete?.ms}
            // The links the filters leave on the complete picture (those without the 'filtered'
            // class): lets tests/e2e/networkLarge.e2e.test.ts check that links added a frame
            // after the first picture of a large case still obey the filters.
            data-visible-edges={linksPending ? undefined : canvas.visibleEdges}
            data-fits={canvas.fits}
            role="img"
            aria-label={t('network.canvasLabel', {
              nodes: String(visible?.entities.size ?? 0),
              links: String(visible?.links.size ?? 0),
            })}
          />
          {canvas.layingOut && (
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
        </div>
        <Legend colourMode={colourMode} rings={analysis.rings.length} />
        <SidePanel
          network={network}
          analysis={analysis}
          tab={tab}
          onTab={setTab}
          selection={selection}
          labelOf={labelOf}
          protect={protect}
          pinned={pinned}
          pathFrom={pathFrom}
          onPathFrom={setPathFrom}
          onSelectLink={(id) => {
            // A link the canvas does not show (its other end is in another case) still has
            // details.
            if (controller?.selectLink(id as LinkId) !== true) setSelection({ type: 'edge', id });
          }}
          onFocus={focus}
          onExpand={expand}
          onHide={(id) => {
            filters.dispatch({ type: 'hide', id });
            setSelection(null);
          }}
          onPin={(id) =>
            setPinned((p) => {
              const next = new Set(p);
              if (!next.delete(id)) next.add(id);
              return next;
            })
          }
          onShowPath={(path) => controller?.showPath(path)}
        >
          <NodeList
            entities={listed}
            labelOf={labelOf}
            colourOf={colourOf}
            communityOf={communityOf}
            positions={canvas.positions}
            onFocus={focus}
          />
        </SidePanel>
      </div>

      {importDialog}
      {naming && (
        <SaveViewDialog
          onClose={() => setNaming(false)}
          onSave={(name) => {
            setNaming(false);
            void save(name);
          }}
        />
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
            views.remove(view).catch(fail);
          }}
        />
      )}
    </div>
  );
}

const NO_MONTHS: readonly string[] = [];
const NO_NAMES: ReadonlyMap<EntityId, string> = new Map();
