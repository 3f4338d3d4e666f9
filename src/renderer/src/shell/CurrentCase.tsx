import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../core/model';
import { useSession } from '../vault/session';
import { useVaultRead } from '../vault/useVaultRead';

/** The open case, shown above the navigation so that every view says what it works on. */
export function CurrentCase(): ReactNode {
  const { t } = useTranslation();
  const { cases, currentCaseId } = useSession();
  const read = useVaultRead(
    ['cases'],
    null,
    async (): Promise<Case | null> =>
      currentCaseId === null ? null : cases.get(currentCaseId).catch(() => null),
    [cases, currentCaseId],
  );
  const current = read.status === 'ready' ? read.data : null;
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
