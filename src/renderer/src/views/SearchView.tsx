import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';

export function SearchView(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <header className="view-header">
        <h1>{t('search.title')}</h1>
      </header>
      <EmptyState title={t('search.emptyTitle')} body={t('search.emptyBody')} />
    </>
  );
}
