import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';
import { CaseRequired } from './CaseRequired';

export function NetworkView(): ReactNode {
  const { t } = useTranslation();
  return (
    <CaseRequired title={t('network.title')}>
      <header className="view-header">
        <h1>{t('network.title')}</h1>
      </header>
      <EmptyState title={t('network.emptyTitle')} body={t('network.emptyBody')} />
    </CaseRequired>
  );
}
