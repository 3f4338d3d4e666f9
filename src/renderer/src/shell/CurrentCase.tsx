import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../core/model';
import { useSession } from '../vault/session';

/** The open case, shown above the navigation so that every view says what it works on. */
export function CurrentCase(): ReactNode {
  const { t } = useTranslation();
  const { cases, currentCaseId, revision } = useSession();
  const [current, setCurrent] = useState<Case | null>(null);
  useEffect(() => {
    let live = true;
    if (currentCaseId === null) setCurrent(null);
    else
      cases.get(currentCaseId).then(
        (c) => live && setCurrent(c),
        () => live && setCurrent(null),
      );
    return () => {
      live = false;
    };
  }, [cases, currentCaseId, revision]);
  return (
    <div className="current-case" data-testid="current-case">
      <div className="label">{t('cases.current')}</div>
      {current ? (
        <div>
          <span className="mono">{current.reference}</span> {current.title}
        </div>
      ) : (
        <div className="muted">{t('cases.noCaseOpen')}</div>
      )}
    </div>
  );
}
