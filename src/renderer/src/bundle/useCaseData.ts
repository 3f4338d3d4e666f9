import { useEffect, useState } from 'react';
import { loadCaseData, type CaseData } from '../../../core/bundle';
import type { CaseId } from '../../../core/model';
import { useSession } from '../vault/session';
import i18next from 'i18next';
import { errorText } from '../vault/errorText';

export type CaseDataState =
  | Readonly<{ status: 'loading' }>
  | Readonly<{ status: 'ready'; data: CaseData }>
  | Readonly<{ status: 'error'; message: string }>;

/** Every record of the case a bundle may be cut from, re-read after every change. */
export function useCaseData(caseId: CaseId): CaseDataState {
  const { vault, revision } = useSession();
  const [state, setState] = useState<CaseDataState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadCaseData(vault.db, caseId).then(
      (data) => live && setState({ status: 'ready', data }),
      (e: unknown) => live && setState({ status: 'error', message: errorText(i18next.t, e) }),
    );
    return () => {
      live = false;
    };
  }, [vault, caseId, revision]);
  return state;
}
