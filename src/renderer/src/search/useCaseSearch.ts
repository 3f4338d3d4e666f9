import { useMemo, useRef } from 'react';
import { tablesOf } from '../../../core/cases';
import type { CaseId } from '../../../core/model';
import { SEARCH_PARTS, syncCaseSearch, type CaseSearch } from '../../../core/search';
import { useVaultRead } from '../vault/useVaultRead';

export type CaseSearchState =
  | Readonly<{ status: 'indexing'; search: CaseSearch | null }>
  | Readonly<{ status: 'ready'; search: CaseSearch; revision: number }>
  | Readonly<{ status: 'error'; message: string }>;

const SEARCH_TABLES = tablesOf(SEARCH_PARTS);

/**
 * The in-memory search of the open case. Built after unlock from the decrypted rows and
 * brought up to date after every committed write that touches what it indexes (only changed
 * documents are re-indexed). It lives in this component's memory only: it is never written
 * anywhere, and it goes when the vault locks and the view unmounts.
 */
export function useCaseSearch(caseId: CaseId): CaseSearchState {
  const ref = useRef<CaseSearch | null>(null);
  const syncs = useRef(0);
  const state = useVaultRead(
    SEARCH_TABLES,
    caseId,
    async (vault) => {
      const search = await syncCaseSearch(vault, caseId, ref.current ?? undefined);
      ref.current = search;
      // A new state object per sync: the CaseSearch changes in place.
      return { search, revision: ++syncs.current };
    },
    [],
  );
  return useMemo(() => {
    if (state.status === 'error') return state;
    if (state.status === 'loading') return { status: 'indexing', search: null };
    return { status: 'ready', ...state.data };
  }, [state]);
}
