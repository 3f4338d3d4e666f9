import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '../../../core/model';
import { EmptyState } from '../shell/EmptyState';
import { ExportPanel } from './ExportPanel';
import { useCaseRead } from '../vault/useVaultRead';
import { ALL_CASE_PARTS } from '../../../core/cases';

/** The export side of the Bundle view for the open case: its empty, loading and error states. */
export function ExportTab({ caseId }: Readonly<{ caseId: CaseId }>): ReactNode {
  const { t } = useTranslation();
  // Every record of the case a bundle may be cut from, re-read when a write touches one.
  const state = useCaseRead(caseId, ALL_CASE_PARTS);
  if (state.status === 'loading') return <p className="muted">{t('bundle.loading')}</p>;
  if (state.status === 'error')
    return (
      <div className="form-error" role="alert">
        {t('common.error', { message: state.message })}
      </div>
    );
  const { data } = state;
  if (data.entities.length === 0 && data.links.length === 0 && data.evidence.length === 0)
    return (
      <div data-testid="bundle-nothing">
        <EmptyState title={t('bundle.nothingTitle')} body={t('bundle.nothingBody')}>
          <div className="actions">
            <a className="button" href="#/evidence">
              {t('bundle.goToEvidence')}
            </a>
            <a className="button" href="#/entities">
              {t('bundle.goToEntities')}
            </a>
          </div>
        </EmptyState>
      </div>
    );
  // Keyed by case, so that a selection never carries over to another case.
  return <ExportPanel key={caseId} caseId={caseId} data={data} />;
}
