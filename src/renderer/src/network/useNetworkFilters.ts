import { useEffect, useMemo, useReducer, type Dispatch } from 'react';
import {
  filterReducer,
  filtersOf,
  INITIAL_FILTERS,
  rangeNarrowed,
  visibleElements,
  type FilterAction,
  type FilterState,
  type Visible,
} from '../../../core/graph';
import type { CaseGraph } from './graphModel';

/** How often the replay moves the end of the time range on by a month. */
const REPLAY_STEP_MS = 400;

/** The filters and time slider as one reducer, and what they leave shown of the case. */
export function useNetworkFilters(
  graph: CaseGraph | null,
  months: readonly string[],
): Readonly<{ state: FilterState; dispatch: Dispatch<FilterAction>; visible: Visible | null }> {
  const [state, dispatch] = useReducer(filterReducer, INITIAL_FILTERS);
  const visible = useMemo(
    () =>
      graph === null
        ? null
        : visibleElements(graph, filtersOf(state, months), rangeNarrowed(state, months)),
    // The replay flag alone changes nothing shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, months, state.kinds, state.roles, state.linkTypes, state.hidden, state.range],
  );
  useEffect(() => {
    if (!state.playing) return;
    const timer = setInterval(
      () => dispatch({ type: 'tick', months: months.length }),
      REPLAY_STEP_MS,
    );
    return () => clearInterval(timer);
  }, [state.playing, months.length]);
  return { state, dispatch, visible };
}
