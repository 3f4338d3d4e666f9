import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';
import { CaseRequired } from './CaseRequired';

export function SearchView(): ReactNode {
  const { t } = useTranslation();
  return (
    <CaseRequired title={t('search.title')}>
      <header className="view-header">
        <h1>{t('search.title')}</h1>
      </header>
      <EmptyState title={t('search.emptyTitle')} body={t('search.emptyBody')} />
    </CaseRequired>
  );
}
