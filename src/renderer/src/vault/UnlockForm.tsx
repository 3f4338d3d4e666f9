import type { ReactNode } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openVault, type UnlockedVault } from '../../../core/vault';
import { Field } from '../shell/Field';
import { errorText } from './errorText';

type Props = Readonly<{
  vaults: readonly string[];
  onUnlocked: (vault: UnlockedVault) => void;
  notice: string | null;
}>;

export function UnlockForm({ vaults, onUnlocked, notice }: Props): ReactNode {
  const { t } = useTranslation();
  const [name, setName] = useState(vaults[0] ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  return (
    <form
      autoComplete="off"
      className="form"
      data-testid="unlock-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || passphrase === '') return;
        // The passphrase is held only for the derivation: out of the field and the state now.
        const secret = passphrase;
        setPassphrase('');
        setBusy(true);
        setError(null);
        openVault(name)
          .then((handle) => handle.unlock(secret))
          .then(onUnlocked, (e: unknown) => {
            setError(errorText(t, e));
            setBusy(false);
            // Back to the field, so that a keyboard user can type again at once.
            setTimeout(() => input.current?.focus(), 0);
          });
      }}
    >
      <p className="intro">{t('vault.unlockIntro')}</p>
      {notice !== null && (
        <div className="notice" role="status" data-testid="unlock-notice">
          {notice}
        </div>
      )}
      {vaults.length > 1 && (
        <div className="field">
          <label htmlFor="vault-select">{t('vault.chooseVault')}</label>
          <select id="vault-select" value={name} onChange={(e) => setName(e.target.value)}>
            {vaults.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field
        label={t('vault.passphrase')}
        secret
        value={passphrase}
        autoComplete="off"
        autoFocus
        ref={input}
        testId="unlock-passphrase"
        onChange={(e) => setPassphrase(e.target.value)}
      />
      {error !== null && (
        <div className="form-error" role="alert" data-testid="unlock-error">
          {error}
        </div>
      )}
      <button
        type="submit"
        className="primary"
        disabled={busy || passphrase === ''}
        data-testid="unlock-submit"
      >
        {busy ? t('vault.unlocking') : t('vault.unlock')}
      </button>
    </form>
  );
}
