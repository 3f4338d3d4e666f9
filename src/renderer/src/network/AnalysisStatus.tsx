import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisState } from './useAnalysis';

/** The analysis's progress, with cancel; its failure or cancellation, with retry. */
export function AnalysisStatus({
  state,
  onCancel,
  onRetry,
}: Readonly<{ state: AnalysisState; onCancel: () => void; onRetry: () => void }>): ReactNode {
  const { t } = useTranslation();
  if (state.status === 'running') {
    const p = state.progress;
    return (
      <div className="network-progress" role="status" data-testid="analysis-running">
        <span>
          {p === null
            ? t('network.analysis.starting')
            : t('network.analysis.progress', {
                stage: t(`network.analysis.stage.${p.stage}`),
                done: String(p.done),
                total: String(p.total),
              })}
        </span>
        <progress max={p?.total ?? 1} value={p?.done ?? 0} />
        <button type="button" onClick={onCancel} data-testid="analysis-cancel">
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  if (state.status === 'cancelled')
    return (
      <p className="notice small" role="status" data-testid="analysis-cancelled">
        {t('network.analysis.cancelled')}{' '}
        <button type="button" className="link" onClick={onRetry}>
          {t('network.analysis.retry')}
        </button>
      </p>
    );
  if (state.status === 'error')
    return (
      <p className="form-error" role="alert" data-testid="analysis-error">
        {t('network.analysis.failed', { message: state.message })}
        <button type="button" className="link" onClick={onRetry}>
          {t('network.analysis.retry')}
        </button>
      </p>
    );
  if (state.status === 'done')
    return (
      <p className="small muted" data-testid="analysis-done">
        {t('network.analysis.done')}
      </p>
    );
  return null;
}
