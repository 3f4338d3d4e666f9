import { useEffect, useMemo, useRef, useState } from 'react';
import {
  ringsOf,
  type AnalysisProgress,
  type AnalysisResult,
  type GraphInput,
} from '../../../core/graph';
import type { EntityId } from '../../../core/model';
import { AnalysisCancelled, runAnalysis, type AnalysisRun } from './analysisClient';

export type AnalysisState =
  | Readonly<{ status: 'idle' }>
  | Readonly<{ status: 'running'; progress: AnalysisProgress | null }>
  | Readonly<{ status: 'done'; result: AnalysisResult }>
  | Readonly<{ status: 'cancelled' }>
  | Readonly<{ status: 'error'; message: string }>;

export type Analysis = Readonly<{
  state: AnalysisState;
  result: AnalysisResult | null;
  /** The communities of two or more entities: a community of one is not a ring. */
  rings: readonly (readonly EntityId[])[];
  /** Each entity's ring (index into rings); entities in no ring are absent. */
  communityOf: ReadonlyMap<EntityId, number>;
  maxHops: number;
  setMaxHops: (hops: number) => void;
  timeAware: boolean;
  setTimeAware: (on: boolean) => void;
  cancel: () => void;
  retry: () => void;
}>;

/**
 * The analysis in workers, re-run when the graph or the exposure options change. It starts only
 * once `ready` (the canvas is drawn and, on a large case, refined): on a large case it keeps
 * every core busy for seconds, and the analyst should see the picture first.
 */
export function useAnalysis(input: GraphInput | null, ready: boolean): Analysis {
  const runRef = useRef<AnalysisRun | null>(null);
  const [state, setState] = useState<AnalysisState>({ status: 'idle' });
  const [maxHops, setMaxHops] = useState(2);
  const [timeAware, setTimeAware] = useState(true);
  const [rerun, setRerun] = useState(0);

  useEffect(() => {
    if (input === null || input.nodes.length === 0 || !ready) return;
    const run = runAnalysis(input, { maxHops, timeAware }, (progress) =>
      setState({ status: 'running', progress }),
    );
    runRef.current = run;
    setState({ status: 'running', progress: null });
    run.result.then(
      (r) => setState({ status: 'done', result: r }),
      (e: unknown) =>
        setState(
          e instanceof AnalysisCancelled
            ? { status: 'cancelled' }
            : { status: 'error', message: e instanceof Error ? e.message : String(e) },
        ),
    );
    return () => run.cancel();
  }, [input, maxHops, timeAware, rerun, ready]);

  const result = state.status === 'done' ? state.result : null;
  const rings = useMemo(() => (result === null ? [] : ringsOf(result.communities)), [result]);
  const communityOf = useMemo(() => {
    const map = new Map<EntityId, number>();
    rings.forEach((members, i) => members.forEach((id) => map.set(id, i)));
    return map;
  }, [rings]);

  return {
    state,
    result,
    rings,
    communityOf,
    maxHops,
    setMaxHops,
    timeAware,
    setTimeAware,
    cancel: () => runRef.current?.cancel(),
    retry: () => setRerun((n) => n + 1),
  };
}
