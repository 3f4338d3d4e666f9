import { useMemo, useState } from 'react';
import type { GraphViewId, GraphViewRow } from '../../../core/db';
import type { CaseId, EntityId } from '../../../core/model';
import { useSession } from '../vault/session';
import { deleteView, listViews, saveView, type Positions } from '../../../core/graph';

export type SavedViews = Readonly<{
  views: readonly GraphViewRow[];
  active: GraphViewId | '';
  setActive: (id: GraphViewId | '') => void;
  /** The open view's positions, or null when none is open. */
  positions: Positions | null;
  save: (
    input: Readonly<{
      name: string;
      id?: GraphViewId;
      positions: Positions;
      hidden: readonly EntityId[];
      layout: string;
    }>,
  ) => Promise<void>;
  remove: (view: GraphViewRow) => Promise<void>;
}>;

/** The case's saved views (as loaded with the network) and the one open, saved and deleted. */
export function useSavedViews(caseId: CaseId, loaded: readonly GraphViewRow[]): SavedViews {
  const { vault } = useSession();
  const [views, setViews] = useState<readonly GraphViewRow[]>(loaded);
  const [active, setActive] = useState<GraphViewId | ''>(loaded[0]?.id ?? '');
  const [source, setSource] = useState(loaded);
  // Taken over during render, not in an effect: the canvas is built in the same commit as a
  // newly loaded network, and must see the open view's positions then.
  if (source !== loaded) {
    setSource(loaded);
    setViews(loaded);
    // The most recent view opens by default; a view the analyst chose stays open.
    setActive((current) => (current === '' ? (loaded[0]?.id ?? '') : current));
  }
  const positions = useMemo(
    () => views.find((v) => v.id === active)?.positions ?? null,
    [views, active],
  );
  return {
    views,
    active,
    setActive,
    positions,
    save: async (input) => {
      const row = await saveView(vault, { caseId, ...input });
      setViews(await listViews(vault, caseId));
      setActive(row.id);
    },
    remove: async (view) => {
      await deleteView(vault, view);
      setViews(await listViews(vault, caseId));
      setActive('');
    },
  };
}
