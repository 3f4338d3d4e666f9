import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaseRow, CitationRow, GraphViewRow, LinkRow } from '../../../core/db';
import { graphInputFromCase, monthRange, type GraphInput } from '../../../core/graph';
import type { CaseId, Entity, EntityId } from '../../../core/model';
import { useSession } from '../vault/session';
import { loadCaseGraph, victimPseudonyms, type CaseGraph } from './graphModel';
import { startLayoutWorker } from './layoutClient';
import { LARGE } from './NetworkCanvas';
import { listViews } from '../../../core/graph';

/** The case's network and what is derived from it once per load, for every panel. */
export type CaseNetwork = Readonly<{
  graph: CaseGraph;
  input: GraphInput;
  entityById: ReadonlyMap<EntityId, Entity>;
  linkById: ReadonlyMap<string, LinkRow>;
  linksByEntity: ReadonlyMap<EntityId, readonly LinkRow[]>;
  citationsOf: (id: string) => readonly CitationRow[];
  /** Victims' protective pseudonyms (one call, so that a stored pseudonym can replace it). */
  pseudonyms: ReadonlyMap<EntityId, string>;
  /** The time slider's months. */
  months: readonly string[];
}>;

export function caseNetworkOf(graph: CaseGraph): CaseNetwork {
  const citations = new Map<string, CitationRow[]>();
  for (const c of graph.citations) {
    const key = c.entityId ?? c.linkId;
    if (key === undefined) continue;
    const list = citations.get(key);
    if (list === undefined) citations.set(key, [c]);
    else list.push(c);
  }
  const linksByEntity = new Map<EntityId, LinkRow[]>();
  const add = (id: EntityId, link: LinkRow): void => {
    const list = linksByEntity.get(id);
    if (list === undefined) linksByEntity.set(id, [link]);
    else list.push(link);
  };
  for (const l of graph.links) {
    add(l.source, l);
    if (l.target !== l.source) add(l.target, l);
  }
  return {
    graph,
    input: graphInputFromCase(
      graph.entities,
      graph.links,
      new Set(graph.citations.flatMap((c) => (c.linkId !== undefined ? [c.linkId] : []))),
    ),
    entityById: new Map(graph.entities.map((e) => [e.id, e])),
    linkById: new Map(graph.links.map((l) => [l.id, l])),
    linksByEntity,
    citationsOf: (id) => citations.get(id) ?? [],
    pseudonyms: victimPseudonyms(graph.entities),
    months: monthRange(graph.links),
  };
}

const NO_VIEWS: readonly GraphViewRow[] = [];

export type CaseNetworkState = Readonly<{
  network: CaseNetwork | null;
  /** The case itself (its reference and title head an exported picture). */
  caseRow: CaseRow | null;
  /** The case's saved views as loaded with the network, the most recent first. */
  views: readonly GraphViewRow[];
  loadError: string | null;
  /** A layout worker started ahead of need for a large case, handed over once. */
  takeWarmLayout: () => Worker | undefined;
}>;

/**
 * Loads a case's network and its saved views: the one place the Network view reads the vault,
 * so that it can move to the shared case-data layer in one change. Reloads after a change
 * elsewhere (the session's revision).
 */
export function useCaseNetwork(caseId: CaseId): CaseNetworkState {
  const { vault, revision } = useSession();
  const warm = useRef<Worker | null>(null);
  const [loaded, setLoaded] = useState<{
    graph: CaseGraph;
    views: GraphViewRow[];
    caseRow: CaseRow | null;
  } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  // A large case gets its layout worker started now, while its rows are decrypted: counting
  // by the index reads no row, so this knows the size long before the rows arrive.
  useEffect(() => {
    let live = true;
    void vault.db.entities
      .where('caseId')
      .equals(caseId)
      .count()
      .then((count) => {
        if (live && count > LARGE && warm.current === null) warm.current = startLayoutWorker();
      });
    return () => {
      live = false;
      warm.current?.terminate();
      warm.current = null;
    };
  }, [vault, caseId, revision]);

  useEffect(() => {
    let live = true;
    void Promise.all([
      loadCaseGraph(vault, caseId),
      listViews(vault, caseId),
      vault.db.cases.get(caseId),
    ]).then(
      ([graph, views, caseRow]) => live && setLoaded({ graph, views, caseRow: caseRow ?? null }),
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [vault, caseId, revision]);

  const network = useMemo(() => (loaded === null ? null : caseNetworkOf(loaded.graph)), [loaded]);
  return {
    network,
    caseRow: loaded?.caseRow ?? null,
    views: loaded?.views ?? NO_VIEWS,
    loadError,
    takeWarmLayout: () => {
      const worker = warm.current ?? undefined;
      warm.current = null;
      return worker;
    },
  };
}
