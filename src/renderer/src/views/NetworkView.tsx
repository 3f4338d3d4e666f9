import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkWorkbench } from '../network/NetworkWorkbench';
import { useSession } from '../vault/session';
import '../styles/network.css';
import { CaseRequired } from './CaseRequired';

export function NetworkView(): ReactNode {
  const { t } = useTranslation();
  const { currentCaseId } = useSession();
  return (
    <CaseRequired title={t('network.title')}>
      <header className="view-header">
        <h1>{t('network.title')}</h1>
      </header>
      {/* Keyed by case: switching cases starts from a clean canvas, filters and analysis. */}
      {currentCaseId !== null && <NetworkWorkbench key={currentCaseId} caseId={currentCaseId} />}
    </CaseRequired>
  );
}
