import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';
import { CaseRequired } from './CaseRequired';

export function BundleView(): ReactNode {
  const { t } = useTranslation();
  return (
    <CaseRequired title={t('bundle.title')}>
      <header className="view-header">
        <h1>{t('bundle.title')}</h1>
      </header>
      <EmptyState title={t('bundle.emptyTitle')} body={t('bundle.emptyBody')} />
    </CaseRequired>
  );
}
