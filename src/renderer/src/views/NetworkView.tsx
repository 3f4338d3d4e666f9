import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';

export function NetworkView(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <header className="view-header">
        <h1>{t('network.title')}</h1>
      </header>
      <EmptyState title={t('network.emptyTitle')} body={t('network.emptyBody')} />
    </>
  );
}
