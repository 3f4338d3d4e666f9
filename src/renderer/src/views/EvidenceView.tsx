import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceItemView, parseEvidenceHash } from '../evidence/EvidenceItemView';
import { EvidenceList } from '../evidence/EvidenceList';
import { IntakePanel } from '../evidence/IntakePanel';
import type { CiteSelection } from '../evidence/PageViewer';
import { useOcrQueue } from '../evidence/useOcrQueue';
import { useSession } from '../vault/session';
import { CaseRequired } from './CaseRequired';
import '../styles/evidence.css';

/**
 * Name of the window event a citation request is sent as (detail: CiteSelection), so that the
 * entities feature can create the citation without this view knowing about entities.
 */
export const CITE_EVENT = 'ringtrace:cite';

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
  const [cited, setCited] = useState<CiteSelection | null>(null);
  const onCite = useCallback((selection: CiteSelection) => {
    window.dispatchEvent(new CustomEvent<CiteSelection>(CITE_EVENT, { detail: selection }));
    setCited(selection);
  }, []);

  if (location !== null)
    return (
      <>
        {cited !== null && (
          <p className="notice" role="status" data-testid="cite-notice">
            {t('evidence.viewer.citeSent', { quote: cited.quote })}
          </p>
        )}
        <EvidenceItemView location={location} onCite={onCite} />
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
