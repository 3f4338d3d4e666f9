import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit';
import type { AuditVerification } from '../../../core/audit';
import { EmptyState } from '../shell/EmptyState';
import { useSession } from '../vault/session';
import { useVaultRead } from '../vault/useVaultRead';

/** The most recent entries shown; verification always walks the whole chain. */
const SHOWN = 500;

export function AuditView(): ReactNode {
  const { t, i18n } = useTranslation();
  const { vault, currentCaseId } = useSession();
  const [onlyCase, setOnlyCase] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [busy, setBusy] = useState(false);
  const [verifyError, setError] = useState<string | null>(null);
  const caseId = onlyCase && currentCaseId !== null ? currentCaseId : null;
  // Every write appends an entry, so the log is re-read after any committed change.
  const listing = useVaultRead(
    ['audit'],
    caseId,
    (v) => v.audit.recent({ ...(caseId !== null ? { caseId } : {}), limit: SHOWN }),
    [],
  );
  const entries: readonly AuditEntry[] | null = listing.status === 'ready' ? listing.data : null;
  const error = verifyError ?? (listing.status === 'error' ? listing.message : null);

  const verify = (): void => {
    setBusy(true);
    setResult(null);
    vault.audit.verify().then(
      (verification) => {
        setResult(verification);
        setBusy(false);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };

  return (
    <>
      <header className="view-header">
        <h1>{t('audit.title')}</h1>
        <div className="actions">
          {currentCaseId !== null && (
            <label className="inline">
              <input
                type="checkbox"
                checked={onlyCase}
                onChange={(e) => setOnlyCase(e.target.checked)}
              />
              {t('audit.filterCase')}
            </label>
          )}
          <button
            type="button"
            className="primary"
            onClick={verify}
            disabled={busy}
            data-testid="audit-verify"
          >
            {busy ? t('audit.verifying') : t('audit.verify')}
          </button>
        </div>
      </header>
      {result !== null &&
        (result.intact ? (
          <div className="ok-banner" role="status" data-testid="audit-result">
            {t('audit.intact', { count: result.count })}
          </div>
        ) : (
          <div className="warning" role="alert" data-testid="audit-result">
            {t('audit.broken', {
              seq: String(result.seq),
              problem: t(`audit.problems.${result.problem}`),
              message: result.message,
            })}
          </div>
        ))}
      {error !== null && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {entries !== null && entries.length === 0 && (
        <EmptyState title={t('audit.emptyTitle')} body={t('audit.emptyBody')} />
      )}
      {entries !== null && entries.length > 0 && (
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('audit.seq')}</th>
              <th>{t('audit.at')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq} data-testid="audit-row">
                <td className="mono">{entry.seq}</td>
                <td className="muted nowrap">
                  {new Date(entry.at).toLocaleString(i18n.language, {
                    dateStyle: 'short',
                    timeStyle: 'medium',
                  })}
                </td>
                <td>
                  {entry.actor.name}
                  <div className="muted small">
                    {entry.actor.agency} · {entry.actor.badge}
                  </div>
                </td>
                <td className="mono small">{entry.action}</td>
                <td>{entry.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
