import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../shell/Field';
import { PassphraseMeter, isAcceptablePassphrase } from './PassphraseMeter';

type Props = Readonly<{
  passphrase: string;
  repeat: string;
  onChange: (passphrase: string, repeat: string) => void;
  prefix: string;
  label?: string;
}>;

/** A new passphrase typed twice, with its strength shown as it is typed. */
export function NewPassphraseFields({
  passphrase,
  repeat,
  onChange,
  prefix,
  label,
}: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={label ?? t('vault.passphrase')}
        secret
        value={passphrase}
        autoComplete="off"
        testId={`${prefix}-passphrase`}
        onChange={(e) => onChange(e.target.value, repeat)}
      />
      <PassphraseMeter passphrase={passphrase} />
      <Field
        label={t('vault.passphraseRepeat')}
        secret
        value={repeat}
        autoComplete="off"
        testId={`${prefix}-passphrase-repeat`}
        onChange={(e) => onChange(passphrase, e.target.value)}
      />
      {repeat !== '' && repeat !== passphrase && (
        <div className="form-error" role="alert">
          {t('vault.passphraseMismatch')}
        </div>
      )}
    </>
  );
}

export function newPassphraseReady(passphrase: string, repeat: string): boolean {
  return passphrase === repeat && isAcceptablePassphrase(passphrase);
}
