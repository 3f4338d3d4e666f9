import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';
import { CaseRequired } from './CaseRequired';

export function EntitiesView(): ReactNode {
  const { t } = useTranslation();
  return (
    <CaseRequired title={t('entities.title')}>
      <header className="view-header">
        <h1>{t('entities.title')}</h1>
      </header>
      <EmptyState title={t('entities.emptyTitle')} body={t('entities.emptyBody')} />
    </CaseRequired>
  );
}
