import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRow } from '../../../core/exchange';
import { generateMatchKey, setMatchKey, showMatchKey } from '../../../core/exchange';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { Field } from '../shell/Field';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';

type Props = Readonly<{ partner: PartnerRow }>;

/** The secret shared with one partner for match-only packages: make one, or enter theirs. */
export function MatchKeyControls({ partner }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [shown, setShown] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const hasKey = partner.matchKey !== undefined;

  const run = async (fn: () => Promise<void>): Promise<void> => {
    setError(null);
    setSaved(false);
    try {
      await fn();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <div className="exchange-match-key" data-testid="match-key-controls">
      <div className="label small">{t('exchange.partners.matchKey')}</div>
      <p className="small muted">
        {hasKey ? t('exchange.partners.matchKeySet') : t('exchange.partners.matchKeyNone')}
      </p>
      <div className="actions">
        <button
          type="button"
          data-testid="match-key-generate"
          onClick={() =>
            hasKey
              ? setConfirmReplace(true)
              : void run(async () => setShown(await generateMatchKey(vault, partner.id)))
          }
        >
          {hasKey ? t('exchange.partners.generateAgain') : t('exchange.partners.generate')}
        </button>
        {hasKey && (
          <button
            type="button"
            data-testid="match-key-show"
            onClick={() =>
              shown !== null
                ? setShown(null)
                : void run(async () => setShown(await showMatchKey(vault, partner.id)))
            }
          >
            {shown !== null ? t('exchange.partners.hide') : t('exchange.partners.show')}
          </button>
        )}
      </div>
      {shown !== null && (
        <>
          <p className="small">{t('exchange.partners.handOver', { agency: partner.agency })}</p>
          <p className="fingerprint mono" data-testid="match-key-value">
            {shown}
          </p>
        </>
      )}
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await setMatchKey(vault, partner.id, typed);
            setTyped('');
            setSaved(true);
          });
        }}
      >
        <Field
          label={t('exchange.partners.enter', { agency: partner.agency })}
          hint={t('exchange.partners.enterHint')}
          value={typed}
          secret
          testId="match-key-input"
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
        <button type="submit" disabled={typed.trim() === ''} data-testid="match-key-save">
          {t('exchange.partners.save')}
        </button>
      </form>
      {saved && (
        <p className="ok-banner" role="status">
          {t('exchange.partners.saved')}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {confirmReplace && (
        <ConfirmDialog
          title={t('exchange.partners.replaceTitle')}
          message={t('exchange.partners.replaceMessage', { agency: partner.agency })}
          confirmLabel={t('exchange.partners.generateAgain')}
          danger
          onCancel={() => setConfirmReplace(false)}
          onConfirm={() => {
            setConfirmReplace(false);
            void run(async () => setShown(await generateMatchKey(vault, partner.id)));
          }}
        />
      )}
    </div>
  );
}
