import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addPartner, readPartnerKeyFile, type PublicKeyFile } from '../../../core/exchange';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';
import { chosenFileBytes } from './fileBytes';

type Props = Readonly<{ ownFingerprint: string; onAdded: (agency: string) => void }>;

/**
 * Adding a partner: the key file is read and both fingerprints are shown side by side; the
 * partner is stored only once the user states they compared them out of band, because a key
 * file that travelled by e-mail or USB stick may have been swapped on the way.
 */
export function AddPartnerForm({ ownFingerprint, onAdded }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const confirmId = useId();
  const fileId = useId();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [file, setFile] = useState<PublicKeyFile | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const reset = (): void => {
    setBytes(null);
    setFile(null);
    setConfirmed(false);
    setInputKey((k) => k + 1);
  };

  const choose = async (input: HTMLInputElement): Promise<void> => {
    setError(null);
    setFile(null);
    setConfirmed(false);
    const picked = await chosenFileBytes(input);
    if (!picked) return;
    try {
      setFile(readPartnerKeyFile(picked.data));
      setBytes(picked.data);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const add = async (): Promise<void> => {
    if (!bytes) return;
    setBusy(true);
    setError(null);
    try {
      const row = await addPartner(vault, bytes, confirmed);
      reset();
      onAdded(row.agency);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form exchange-add-partner" data-testid="add-partner-form">
      <h3>{t('exchange.partners.add')}</h3>
      <div className="field">
        <label htmlFor={fileId}>{t('exchange.partners.keyFile')}</label>
        <input
          key={inputKey}
          id={fileId}
          type="file"
          accept=".json,application/json"
          data-testid="partner-key-file"
          onChange={(e) => void choose(e.currentTarget)}
        />
        <div className="hint">{t('exchange.partners.keyFileHint')}</div>
      </div>
      {file && (
        <>
          <div className="exchange-fingerprints">
            <div>
              <div className="label small">
                {t('exchange.partners.theirFingerprint', { agency: file.agency })}
              </div>
              <p className="fingerprint mono" data-testid="partner-fingerprint">
                {file.fingerprint}
              </p>
            </div>
            <div>
              <div className="label small">{t('exchange.partners.yourFingerprint')}</div>
              <p className="fingerprint mono">{ownFingerprint}</p>
            </div>
          </div>
          <p className="warning">{t('exchange.partners.compare', { agency: file.agency })}</p>
          <label className="inline" htmlFor={confirmId}>
            <input
              id={confirmId}
              type="checkbox"
              checked={confirmed}
              data-testid="partner-confirmed"
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
            {t('exchange.partners.confirmed')}
          </label>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={!confirmed || busy}
              data-testid="partner-add"
              onClick={() => void add()}
            >
              {t('exchange.partners.addButton')}
            </button>
            <button type="button" onClick={reset}>
              {t('exchange.partners.cancel')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="partner-error">
          {error}
        </p>
      )}
    </div>
  );
}
