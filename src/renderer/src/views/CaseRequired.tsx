import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../vault/session';
import { EmptyState } from '../shell/EmptyState';

type Props = Readonly<{ title: string; children: ReactNode }>;

/** Evidence, Network and Search work on one case: without an open case they say so. */
export function CaseRequired({ title, children }: Props): ReactNode {
  const { t } = useTranslation();
  const { currentCaseId } = useSession();
  if (currentCaseId !== null) return children;
  return (
    <>
      <header className="view-header">
        <h1>{title}</h1>
      </header>
      <EmptyState title={t('cases.noCaseOpen')} body={t('cases.noCaseOpenBody')}>
        <a className="button" href="#/cases" data-testid="go-to-cases">
          {t('cases.goToCases')}
        </a>
      </EmptyState>
    </>
  );
}
