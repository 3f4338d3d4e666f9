import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreVault, type UnlockedVault } from '../../../core/vault';
import { Field } from '../shell/Field';
import { errorText } from './errorText';

type Props = Readonly<{ onRestored: (vault: UnlockedVault) => void; defaultName: string }>;

export function RestoreForm({ onRestored, defaultName }: Props): ReactNode {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState(defaultName);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = file !== null && name.trim() !== '' && passphrase !== '';

  return (
    <form
      autoComplete="off"
      className="form"
      data-testid="restore-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready || busy) return;
        setBusy(true);
        setError(null);
        restoreVault(file, { name: name.trim(), passphrase }).then(onRestored, (e: unknown) => {
          setError(errorText(t, e));
          setBusy(false);
        });
      }}
    >
      <p className="intro">{t('vault.restoreIntro')}</p>
      <div className="field">
        <label htmlFor="restore-file">{t('vault.restoreFile')}</label>
        <input
          id="restore-file"
          type="file"
          data-testid="restore-file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <Field
        label={t('vault.restoreName')}
        value={name}
        testId="restore-name"
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        label={t('vault.passphrase')}
        secret
        value={passphrase}
        autoComplete="off"
        testId="restore-passphrase"
        onChange={(e) => setPassphrase(e.target.value)}
      />
      {error !== null && (
        <div className="form-error" role="alert" data-testid="restore-error">
          {error}
        </div>
      )}
      <button
        type="submit"
        className="primary"
        disabled={!ready || busy}
        data-testid="restore-submit"
      >
        {busy ? t('vault.restoring') : t('vault.restore')}
      </button>
    </form>
  );
}
