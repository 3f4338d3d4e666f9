import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchPanel } from '../search/SearchPanel';
import { useSession } from '../vault/session';
import { CaseRequired } from './CaseRequired';
import '../styles/search.css';

export function SearchView(): ReactNode {
  const { t } = useTranslation();
  const { currentCaseId } = useSession();
  return (
    <CaseRequired title={t('search.title')}>
      <header className="view-header">
        <h1>{t('search.title')}</h1>
      </header>
      {currentCaseId !== null && <SearchPanel key={currentCaseId} caseId={currentCaseId} />}
    </CaseRequired>
  );
}
