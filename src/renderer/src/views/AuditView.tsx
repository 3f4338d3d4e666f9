import i18next from 'i18next';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit';
import type { AuditVerification } from '../../../core/audit';
import { EmptyState } from '../shell/EmptyState';
import { useSession } from '../vault/session';
import { useFormatSettings } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { errorText } from '../vault/errorText';

/** The most recent entries shown; verification always walks the whole chain. */
const SHOWN = 500;

export function AuditView(): ReactNode {
  const { t } = useTranslation();
  const format = useFormatSettings();
  const { vault, revision, currentCaseId } = useSession();
  const [entries, setEntries] = useState<readonly AuditEntry[] | null>(null);
  const [onlyCase, setOnlyCase] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const query =
      onlyCase && currentCaseId !== null
        ? vault.db.audit.where('caseId').equals(currentCaseId).reverse().limit(SHOWN)
        : vault.db.audit.orderBy('seq').reverse().limit(SHOWN);
    query.toArray().then(
      (rows) => live && setEntries(rows),
      (e: unknown) => live && setError(errorText(i18next.t, e)),
    );
    return () => {
      live = false;
    };
  }, [vault, revision, onlyCase, currentCaseId]);

  const verify = (): void => {
    setBusy(true);
    setResult(null);
    vault.audit.verify().then(
      (verification) => {
        setResult(verification);
        setBusy(false);
      },
      (e: unknown) => {
        setError(errorText(t, e));
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
                  {formatDateTime(entry.at, format, { seconds: true })}
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
