import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnPublicKey } from '../../../core/exchange';
import { platform } from '../platform';
import { errorText } from '../vault/errorText';

/** This vault's exchange key: its fingerprint to read out, its public key file to hand over. */
export function OwnKeyPanel({ ownKey: key }: Readonly<{ ownKey: OwnPublicKey | null }>): ReactNode {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (): Promise<void> => {
    if (!key) return;
    try {
      const slug = key.agency.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'agency';
      const result = await platform.saveFile({
        suggestedName: `ringtrace-key-${slug}.json`,
        data: key.file,
      });
      if (result.saved) setMessage({ ok: true, text: t('exchange.ownKey.saved') });
    } catch (error) {
      setMessage({ ok: false, text: errorText(t, error) });
    }
  };

  return (
    <section className="panel" aria-labelledby="own-key-heading" data-testid="own-key-panel">
      <h2 id="own-key-heading">{t('exchange.ownKey.heading')}</h2>
      <p className="muted">{t('exchange.ownKey.body')}</p>
      {key === null ? (
        <p className="muted">{t('exchange.working')}</p>
      ) : (
        <>
          <p>{t('exchange.ownKey.agency', { agency: key.agency })}</p>
          <div className="label small">{t('exchange.ownKey.fingerprint')}</div>
          <p className="fingerprint mono" data-testid="own-fingerprint">
            {key.fingerprint}
          </p>
          <button type="button" onClick={() => void save()} data-testid="save-own-key">
            {t('exchange.ownKey.save')}
          </button>
        </>
      )}
      {message && (
        <p
          className={message.ok ? 'ok-banner' : 'form-error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
