import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openCaseStore } from '../../../core/cases';
import type { VaultTableName } from '../../../core/db';
import type { CaseId } from '../../../core/model';
import { DEFAULT_SETTINGS, listVaults, type UnlockedVault } from '../../../core/vault';
import { ocrQueueFor } from '../evidence/ocrQueue';
import { platform } from '../platform';
import { CreateVaultForm } from './CreateVaultForm';
import { IntegrityBanner } from './IntegrityBanner';
import { RestoreForm } from './RestoreForm';
import { SessionContext, type VaultSession } from './session';
import { UnlockForm } from './UnlockForm';
import { useIdleLock } from './useIdleLock';
import { useReadOf } from './useVaultRead';

type Screen = 'loading' | 'create' | 'unlock' | 'restore';

const DEFAULT_VAULT_NAME = 'ringtrace';

/** Why the vault was locked ("locked after 10 minutes idle"), carried across the fresh start. */
const LOCK_NOTICE_KEY = 'ringtrace:lock-notice';

function takeLockNotice(): string | null {
  const notice = sessionStorage.getItem(LOCK_NOTICE_KEY);
  sessionStorage.removeItem(LOCK_NOTICE_KEY);
  return notice;
}

/**
 * Nothing of the cases exists in the UI until a vault is unlocked: the session (and with it
 * the vault's keys) lives only in this component's state, and locking drops it.
 */
export function VaultGate({ children }: Readonly<{ children: ReactNode }>): ReactNode {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>('loading');
  const [vaults, setVaults] = useState<readonly string[]>([]);
  const [vault, setVault] = useState<UnlockedVault | null>(null);
  const [notice, setNotice] = useState<string | null>(takeLockNotice);

  const refreshVaults = useCallback(async () => {
    const names = await listVaults();
    setVaults(names);
    setScreen(names.length === 0 ? 'create' : 'unlock');
  }, []);

  useEffect(() => {
    void refreshVaults();
  }, [refreshVaults]);

  const onUnlocked = useCallback((unlocked: UnlockedVault) => {
    setNotice(null);
    setVault(unlocked);
    // OCR jobs a restart or crash interrupted go back in the queue and resume at once.
    ocrQueueFor(unlocked).kick();
  }, []);

  const lock = useCallback(
    (reason: string | null = null) => {
      setVault((current) => {
        // Stop OCR first: it holds decrypted page images that must go with the keys.
        if (current) ocrQueueFor(current).stop();
        current?.lock();
        return null;
      });
      setNotice(reason);
      void refreshVaults();
      // The keys are wiped; the case text this page decrypted, and the strings the passphrase
      // passed through, are still in its heap until collected. Start the window afresh (a new
      // renderer process in the desktop app, a reload in browser mode) so they go at once.
      if (reason !== null) sessionStorage.setItem(LOCK_NOTICE_KEY, reason);
      void platform.freshRenderer();
    },
    [refreshVaults],
  );

  if (vault !== null) {
    return (
      <UnlockedSession vault={vault} onLock={lock}>
        {children}
      </UnlockedSession>
    );
  }

  const titles: Record<Screen, string> = {
    loading: t('app.loading'),
    create: t('vault.createTitle'),
    unlock: t('vault.unlockTitle'),
    restore: t('vault.restoreTitle'),
  };
  const freeName = (): string => {
    let name = DEFAULT_VAULT_NAME;
    for (let i = 2; vaults.includes(name); i += 1) name = `${DEFAULT_VAULT_NAME}-${i}`;
    return name;
  };

  return (
    <div className="gate" data-testid={`gate-${screen}`}>
      <div className="gate-card">
        <div className="gate-brand">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>
          {t('app.name')}
        </div>
        <h1>{titles[screen]}</h1>
        {screen === 'create' && <CreateVaultForm onCreated={onUnlocked} defaultName={freeName()} />}
        {screen === 'unlock' && (
          <UnlockForm vaults={vaults} onUnlocked={onUnlocked} notice={notice} />
        )}
        {screen === 'restore' && <RestoreForm onRestored={onUnlocked} defaultName={freeName()} />}
        <div className="gate-links">
          {screen !== 'restore' && (
            <button
              type="button"
              className="link"
              onClick={() => setScreen('restore')}
              data-testid="gate-to-restore"
            >
              {t('vault.orRestore')}
            </button>
          )}
          {screen === 'unlock' && (
            <button
              type="button"
              className="link"
              onClick={() => setScreen('create')}
              data-testid="gate-to-create"
            >
              {t('vault.newVault')}
            </button>
          )}
          {screen !== 'unlock' && vaults.length > 0 && (
            <button
              type="button"
              className="link"
              onClick={() => setScreen('unlock')}
              data-testid="gate-to-unlock"
            >
              {t('vault.backToUnlock')}
            </button>
          )}
          {screen === 'restore' && vaults.length === 0 && (
            <button type="button" className="link" onClick={() => setScreen('create')}>
              {t('vault.orCreate')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * Writes that do not bump the legacy revision: saving a graph view must not re-lay out the
 * network, and an audit entry alone (an export) changes nothing a view shows.
 */
const QUIET_TABLES: ReadonlySet<VaultTableName> = new Set(['graphViews', 'audit', 'vaultMeta']);

type SessionProps = Readonly<{
  vault: UnlockedVault;
  onLock: (reason: string | null) => void;
  children: ReactNode;
}>;

function UnlockedSession({ vault, onLock, children }: SessionProps): ReactNode {
  const { t } = useTranslation();
  const [currentCaseId, setCurrentCaseId] = useState<CaseId | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(
    () =>
      vault.changes.subscribe((change) => {
        if ([...change.tables].some((t) => !QUIET_TABLES.has(t))) setRevision((r) => r + 1);
      }),
    [vault],
  );
  const settings = useReadOf(vault, ['settings'], null, (v) => v.settings.get(), []);
  const idleMinutes =
    settings.status === 'ready' ? settings.data.idleLockMinutes : DEFAULT_SETTINGS.idleLockMinutes;

  const onIdle = useCallback(
    () => onLock(t('vault.lockedIdle', { minutes: String(idleMinutes) })),
    [onLock, t, idleMinutes],
  );
  useIdleLock(idleMinutes, onIdle);

  const session = useMemo<VaultSession>(
    () => ({
      vault,
      cases: openCaseStore(vault),
      currentCaseId,
      openCase: setCurrentCaseId,
      revision,
      lock: () => onLock(null),
    }),
    [vault, currentCaseId, revision, onLock],
  );
  return (
    <SessionContext.Provider value={session}>
      <IntegrityBanner vault={vault} />
      {children}
    </SessionContext.Provider>
  );
}
