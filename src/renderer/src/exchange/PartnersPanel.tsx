import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRow } from '../../../core/exchange';
import { removePartner } from '../../../core/exchange';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { EmptyState } from '../shell/EmptyState';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';
import { AddPartnerForm } from './AddPartnerForm';
import { shortDate } from './fileBytes';
import { MatchKeyControls } from './MatchKeyControls';

type Props = Readonly<{ partners: readonly PartnerRow[]; ownFingerprint: string }>;

export function PartnersPanel({ partners, ownFingerprint }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [added, setAdded] = useState<string | null>(null);
  const [removing, setRemoving] = useState<PartnerRow | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby="partners-heading" data-testid="partners-panel">
      <h2 id="partners-heading">{t('exchange.partners.heading')}</h2>
      {partners.length === 0 ? (
        <EmptyState title={t('exchange.emptyTitle')} body={t('exchange.emptyBody')} />
      ) : (
        <ul className="slot-list exchange-partners">
          {partners.map((p) => (
            <li key={p.id} data-testid="partner-row">
              <div className="exchange-partner">
                <strong>{p.agency}</strong>
                <p className="fingerprint mono small">{p.fingerprint}</p>
                <p className="small muted">
                  {t('exchange.partners.confirmedBy', {
                    name: p.confirmedBy.name,
                    date: shortDate(p.confirmedAt),
                  })}
                </p>
                <MatchKeyControls partner={p} />
              </div>
              <button type="button" onClick={() => setRemoving(p)}>
                {t('exchange.partners.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {added && (
        <p className="ok-banner" role="status">
          {t('exchange.partners.added', { agency: added })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <AddPartnerForm ownFingerprint={ownFingerprint} onAdded={setAdded} />
      {removing && (
        <ConfirmDialog
          title={t('exchange.partners.removeTitle')}
          message={t('exchange.partners.removeMessage', { agency: removing.agency })}
          confirmLabel={t('exchange.partners.remove')}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const id = removing.id;
            setRemoving(null);
            removePartner(vault, id).catch((e: unknown) => setError(errorText(t, e)));
          }}
        />
      )}
    </section>
  );
}
