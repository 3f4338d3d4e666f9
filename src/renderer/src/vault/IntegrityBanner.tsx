import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrityReport, UnlockedVault } from '../../../core/vault';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { errorText } from './errorText';

/**
 * Says, on every screen of an unlocked vault, that its integrity check failed and what it
 * found (records removed, added or rolled back outside the app), until the user restores a
 * backup or accepts the current state (audited). Exports refuse meanwhile.
 */
export function IntegrityBanner({ vault }: Readonly<{ vault: UnlockedVault }>): ReactNode {
  const { t } = useTranslation();
  const [report, setReport] = useState<IntegrityReport>(() => vault.integrity.lastReport);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (report.ok) return null;
  const accept = async (): Promise<void> => {
    setConfirming(false);
    try {
      setReport(await vault.integrity.acceptCurrentState());
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <div className="warning integrity-banner" role="alert" data-testid="integrity-banner">
      <strong>{t('vault.integrity.title')}</strong> {report.message} {t('vault.integrity.whatToDo')}{' '}
      <button type="button" onClick={() => setConfirming(true)} data-testid="integrity-accept">
        {t('vault.integrity.accept')}
      </button>
      {error !== null && <div className="form-error">{error}</div>}
      {confirming && (
        <ConfirmDialog
          title={t('vault.integrity.acceptTitle')}
          message={t('vault.integrity.acceptMessage')}
          confirmLabel={t('vault.integrity.accept')}
          danger
          onConfirm={() => void accept()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
