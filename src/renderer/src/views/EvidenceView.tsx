import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';
import { CaseRequired } from './CaseRequired';

export function EvidenceView(): ReactNode {
  const { t } = useTranslation();
  return (
    <CaseRequired title={t('evidence.title')}>
      <header className="view-header">
        <h1>{t('evidence.title')}</h1>
      </header>
      <EmptyState title={t('evidence.emptyTitle')} body={t('evidence.emptyBody')} />
    </CaseRequired>
  );
}
