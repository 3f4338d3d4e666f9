import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportTab } from '../bundle/ExportTab';
import { VerifyPanel } from '../bundle/VerifyPanel';
import { EmptyState } from '../shell/EmptyState';
import { useSession } from '../vault/session';
import '../styles/bundle.css';

type Tab = 'export' | 'verify';

/**
 * Export a signed evidence bundle of the open case, or verify one. Verifying needs no open
 * case (a bundle may come from another agency), so only the export side asks for one.
 */
export function BundleView(): ReactNode {
  const { t } = useTranslation();
  const { currentCaseId } = useSession();
  const [tab, setTab] = useState<Tab>('export');
  return (
    <>
      <header className="view-header">
        <h1>{t('bundle.title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('bundle.title')}>
          {(['export', 'verify'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              data-testid={`bundle-tab-${name}`}
              onClick={() => setTab(name)}
            >
              {name === 'export' ? t('bundle.tabExport') : t('bundle.tabVerify')}
            </button>
          ))}
        </div>
      </header>
      {tab === 'verify' ? (
        <VerifyPanel />
      ) : currentCaseId === null ? (
        <EmptyState title={t('cases.noCaseOpen')} body={t('cases.noCaseOpenBody')}>
          <a className="button" href="#/cases" data-testid="go-to-cases">
            {t('cases.goToCases')}
          </a>
        </EmptyState>
      ) : (
        <ExportTab caseId={currentCaseId} />
      )}
    </>
  );
}
