import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';

export function CasesView(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <header className="view-header">
        <h1>{t('cases.title')}</h1>
      </header>
      <EmptyState title={t('cases.emptyTitle')} body={t('cases.emptyBody')} />
    </>
  );
}
