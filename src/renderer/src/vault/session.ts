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
  /**
   * @deprecated Read through useVaultRead/useCaseRead, which re-read on the vault's change
   * events. Bumped after every committed write except those touching only saved graph views
   * and the audit log; kept for network/ and evidence/ until they move to the hooks.
   */
  revision: number;
  lock: () => void;
}>;

export const SessionContext = createContext<VaultSession | null>(null);

export function useSession(): VaultSession {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession is used outside an unlocked vault');
  return session;
}
