import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../shell/EmptyState';

/** Partner agencies and exchange packages belong to the vault, not to one case. */
export function ExchangeView(): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <header className="view-header">
        <h1>{t('exchange.title')}</h1>
      </header>
      <EmptyState title={t('exchange.emptyTitle')} body={t('exchange.emptyBody')} />
    </>
  );
}
