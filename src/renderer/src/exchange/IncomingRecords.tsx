import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomingRecordRow } from '../../../core/exchange';
import { decideMatch, listIncoming } from '../../../core/exchange';
import type { EntityId } from '../../../core/model';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';
import { useVaultRead } from '../vault/useVaultRead';
import { shortDate } from './fileBytes';

/**
 * Records received from partners, each with its candidates among local people: score and
 * reasons, and the user's decision. Confirming attaches; nothing is merged.
 */
export function IncomingRecords(): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const read = useVaultRead(['incomingRecords', 'entities'], null, (v) => listIncoming(v), []);
  const rows: IncomingRecordRow[] | null = read.status === 'ready' ? read.data : null;
  const [decideError, setError] = useState<string | null>(null);
  const error = decideError ?? (read.status === 'error' ? errorText(t, read.error) : null);

  const decide = async (
    row: IncomingRecordRow,
    entityId: EntityId,
    decision: 'confirmed' | 'rejected',
  ): Promise<void> => {
    setError(null);
    try {
      await decideMatch(vault, row.id, entityId, decision);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <section
      className="panel exchange-wide"
      aria-labelledby="incoming-heading"
      data-testid="incoming-panel"
    >
      <h2 id="incoming-heading">{t('exchange.incoming.heading')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {rows !== null && rows.length === 0 && <p className="muted">{t('exchange.incoming.none')}</p>}
      {rows?.map((row) => {
        const r = row.record;
        return (
          <article className="exchange-incoming" key={row.id} data-testid="incoming-record">
            <h3>{r.names.map((n) => n.value).join(' · ')}</h3>
            <p className="small muted">
              {t('exchange.incoming.from', {
                agency: row.partnerAgency,
                sent: shortDate(row.sentAt),
                received: shortDate(row.receivedAt),
              })}
            </p>
            <p className="small">
              {[
                r.birthDate ? t('exchange.incoming.born', { date: r.birthDate }) : null,
                r.nationality ?? null,
                r.documents.length > 0
                  ? t('exchange.incoming.documents', {
                      list: r.documents.map((d) => `${d.type} ${d.number}`).join(', '),
                    })
                  : null,
                r.indicators.length > 0
                  ? t('exchange.incoming.indicators', {
                      list: r.indicators.map((i) => t(`exchange.record.indicator.${i}`)).join(', '),
                    })
                  : null,
              ]
                .filter((x) => x !== null)
                .join(' · ')}
            </p>
            {row.candidates.length === 0 ? (
              <p className="muted small">{t('exchange.incoming.noCandidates')}</p>
            ) : (
              <>
                <div className="label small">{t('exchange.incoming.candidates')}</div>
                <ul className="exchange-candidates">
                  {row.candidates.map((c) => (
                    <li key={c.entityId} data-testid="match-candidate">
                      <div>
                        <strong data-testid="candidate-name">{c.name}</strong>{' '}
                        <span className="badge" data-testid="candidate-score">
                          {t('exchange.incoming.score', { score: c.score.toFixed(2) })}
                        </span>
                        <ul className="small muted" data-testid="candidate-reasons">
                          {c.reasons.map((reason, i) => (
                            <li key={i}>{reason}</li>
                          ))}
                        </ul>
                      </div>
                      <div className="row-actions">
                        {c.decision === 'confirmed' && (
                          <span className="ok-banner small" data-testid="candidate-confirmed">
                            {t('exchange.incoming.confirmed', { name: c.name })}
                          </span>
                        )}
                        {c.decision === 'rejected' && (
                          <span className="muted small" data-testid="candidate-rejected">
                            {t('exchange.incoming.rejected')}
                          </span>
                        )}
                        {c.decision !== 'confirmed' && (
                          <button
                            type="button"
                            className="primary"
                            data-testid="match-confirm"
                            onClick={() => void decide(row, c.entityId, 'confirmed')}
                          >
                            {t('exchange.incoming.confirm')}
                          </button>
                        )}
                        {c.decision !== 'rejected' && (
                          <button
                            type="button"
                            data-testid="match-reject"
                            onClick={() => void decide(row, c.entityId, 'rejected')}
                          >
                            {t('exchange.incoming.reject')}
                          </button>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
