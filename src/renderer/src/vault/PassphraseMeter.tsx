import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assessPassphrase, MIN_PASSPHRASE_LENGTH } from '../../../core/vault';

type Props = Readonly<{ passphrase: string }>;

/** Shows the strength while the user types, and why a passphrase is not accepted yet. */
export function PassphraseMeter({ passphrase }: Props): ReactNode {
  const { t } = useTranslation();
  if (passphrase === '') return null;
  const assessment = assessPassphrase(passphrase);
  return (
    <div className="passphrase-meter" data-testid="passphrase-meter" aria-live="polite">
      <div className={`meter meter-${assessment.score}`} aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={i < assessment.score ? 'on' : ''} />
        ))}
      </div>
      <div>
        {t('vault.strength', {
          label: t(`vault.strengthLabels.${assessment.score}`),
          bits: String(Math.round(assessment.bits)),
        })}
      </div>
      {assessment.problems.length > 0 && (
        <ul className="problems">
          {assessment.problems.map((problem) => (
            <li key={problem}>
              {t(`vault.problems.${problem}`, { min: String(MIN_PASSPHRASE_LENGTH) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function isAcceptablePassphrase(passphrase: string): boolean {
  return assessPassphrase(passphrase).acceptable;
}
