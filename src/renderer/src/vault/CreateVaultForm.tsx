import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createVault, type UnlockedVault } from '../../../core/vault';
import { Field } from '../shell/Field';
import { errorText } from './errorText';
import { EMPTY_ACTOR, IdentityFields, isCompleteActor } from './IdentityFields';
import { NewPassphraseFields, newPassphraseReady } from './NewPassphraseFields';

type Props = Readonly<{ onCreated: (vault: UnlockedVault) => void; defaultName: string }>;

export function CreateVaultForm({ onCreated, defaultName }: Props): ReactNode {
  const { t } = useTranslation();
  const [name, setName] = useState(defaultName);
  const [actor, setActor] = useState(EMPTY_ACTOR);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready =
    name.trim() !== '' && isCompleteActor(actor) && newPassphraseReady(passphrase, repeat);

  return (
    <form
      autoComplete="off"
      className="form"
      data-testid="create-vault-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready || busy) return;
        setBusy(true);
        setError(null);
        createVault({ name: name.trim(), passphrase, actor }).then(onCreated, (e: unknown) => {
          setError(errorText(t, e));
          setBusy(false);
        });
      }}
    >
      <p className="intro">{t('vault.createIntro')}</p>
      <Field
        label={t('vault.name')}
        value={name}
        required
        testId="create-vault-name"
        onChange={(e) => setName(e.target.value)}
      />
      <h3>{t('vault.identityTitle')}</h3>
      <p className="hint">{t('vault.identityIntro')}</p>
      <IdentityFields actor={actor} onChange={setActor} prefix="create" />
      <NewPassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        prefix="create"
        onChange={(p, r) => {
          setPassphrase(p);
          setRepeat(r);
        }}
      />
      {error !== null && (
        <div className="form-error" role="alert" data-testid="create-vault-error">
          {error}
        </div>
      )}
      <button
        type="submit"
        className="primary"
        disabled={!ready || busy}
        data-testid="create-vault-submit"
      >
        {busy ? t('vault.creating') : t('vault.create')}
      </button>
    </form>
  );
}
