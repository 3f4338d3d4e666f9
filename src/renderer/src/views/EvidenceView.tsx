import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';

export function EvidenceView(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <header className="view-header">
        <h1>{t('evidence.title')}</h1>
      </header>
      <EmptyState title={t('evidence.emptyTitle')} body={t('evidence.emptyBody')} />
    </>
  );
}
