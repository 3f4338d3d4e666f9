import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';

export function AuditView(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <header className="view-header">
        <h1>{t('audit.title')}</h1>
      </header>
      <EmptyState title={t('audit.emptyTitle')} body={t('audit.emptyBody')} />
    </>
  );
}
