import { useEffect, useRef, useState } from 'react';
import type { CaseId } from '../../../core/model';
import { syncCaseSearch, type CaseSearch } from '../../../core/search';
import { useSession } from '../vault/session';
import i18next from 'i18next';
import { errorText } from '../vault/errorText';

export type CaseSearchState =
  | Readonly<{ status: 'indexing'; search: CaseSearch | null }>
  | Readonly<{ status: 'ready'; search: CaseSearch; revision: number }>
  | Readonly<{ status: 'error'; message: string }>;

/**
 * The in-memory search of the open case. Built after unlock from the decrypted rows and
 * brought up to date on every session revision (only changed documents are re-indexed). It
 * lives in this component's memory only: it is never written anywhere, and it goes when the
 * vault locks and the view unmounts.
 */
export function useCaseSearch(caseId: CaseId): CaseSearchState {
  const { vault, revision } = useSession();
  const ref = useRef<CaseSearch | null>(null);
  const [state, setState] = useState<CaseSearchState>({ status: 'indexing', search: null });
  useEffect(() => {
    let live = true;
    setState((previous) =>
      previous.status === 'ready' && previous.search.caseId === caseId
        ? previous
        : { status: 'indexing', search: null },
    );
    syncCaseSearch(vault.db, caseId, ref.current ?? undefined).then(
      (search) => {
        ref.current = search;
        if (live) setState({ status: 'ready', search, revision });
      },
      (e: unknown) => live && setState({ status: 'error', message: errorText(i18next.t, e) }),
    );
    return () => {
      live = false;
    };
  }, [vault, caseId, revision]);
  return state;
}
