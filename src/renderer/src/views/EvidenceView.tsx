import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceItemView, parseEvidenceHash } from '../evidence/viewer/EvidenceItemView';
import { EvidenceList } from '../evidence/EvidenceList';
import { IntakePanel } from '../evidence/intake/IntakePanel';
import type { CiteSelection } from '../evidence/viewer/PageViewer';
import { useOcrQueue } from '../evidence/runtime/useOcrQueue';
import { useSession } from '../vault/session';
import { CiteSelectionDialog } from '../entities/CiteSelectionDialog';
import type { CaseId } from '../../../core/model';
import { CaseRequired } from './CaseRequired';
import '../styles/evidence.css';

function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function EvidenceView(): ReactNode {
  const { t } = useTranslation();
  const { currentCaseId, vault } = useSession();
  // Opening Evidence at all (even without a case) resumes OCR jobs a restart interrupted.
  useOcrQueue(vault);
  const location = parseEvidenceHash(useHash());
  // Words selected in the viewer become a citation for an entity or link of the page's case.
  const [citing, setCiting] = useState<{ selection: CiteSelection; caseId: CaseId } | null>(null);
  const [cited, setCited] = useState<{ what: string; href: string } | null>(null);
  const onCite = useCallback(
    (selection: CiteSelection) => {
      setCited(null);
      void vault.db.pages.get(selection.pageId).then((page) => {
        if (page) setCiting({ selection, caseId: page.caseId });
      });
    },
    [vault],
  );

  if (location !== null)
    return (
      <>
        {cited !== null && (
          <p className="notice" role="status" data-testid="cite-notice">
            {t('entities.citeSelection.done', { what: cited.what })}{' '}
            <a href={cited.href}>{t('entities.citeSelection.open', { what: cited.what })}</a>
          </p>
        )}
        <EvidenceItemView location={location} onCite={onCite} />
        {citing !== null && (
          <CiteSelectionDialog
            selection={citing.selection}
            caseId={citing.caseId}
            onClose={() => setCiting(null)}
            onCited={(what, href) => setCited({ what, href })}
          />
        )}
      </>
    );

  return (
    <CaseRequired title={t('evidence.title')}>
      <header className="view-header">
        <h1>{t('evidence.title')}</h1>
      </header>
      {currentCaseId !== null && (
        <>
          <IntakePanel caseId={currentCaseId} />
          <EvidenceList caseId={currentCaseId} />
        </>
      )}
    </CaseRequired>
  );
}
