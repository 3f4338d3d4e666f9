import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../vault/session';

/** The fingerprint the court needs, to be handed over apart from the bundle. */
export function SigningKeyPanel(): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  return (
    <section className="bundle-key" aria-labelledby="bundle-key-title">
      <h3 id="bundle-key-title">{t('bundle.keyTitle')}</h3>
      <p className="muted small">{t('bundle.keyBody')}</p>
      <div className="fingerprint mono" data-testid="bundle-fingerprint">
        {vault.signing.fingerprint}
      </div>
    </section>
  );
}
