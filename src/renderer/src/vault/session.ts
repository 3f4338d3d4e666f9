import { createContext, useContext } from 'react';
import type { CaseStore } from '../../../core/cases';
import type { CaseId } from '../../../core/model';
import type { UnlockedVault } from '../../../core/vault';

/** What every view of an unlocked vault works with. It exists only while the vault is open. */
export type VaultSession = Readonly<{
  vault: UnlockedVault;
  cases: CaseStore;
  /** The case the Evidence, Network and Search views work on. */
  currentCaseId: CaseId | null;
  openCase: (id: CaseId | null) => void;
  /** Bumped after every change, so that views re-read what they show. */
  revision: number;
  changed: () => void;
  lock: () => void;
}>;

export const SessionContext = createContext<VaultSession | null>(null);

export function useSession(): VaultSession {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession is used outside an unlocked vault');
  return session;
}
