import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VictimProtectionMode } from '../../../core/bundle';

type Props = Readonly<{
  value: VictimProtectionMode;
  onChange: (value: VictimProtectionMode) => void;
}>;

/**
 * Victims are protected unless the user deliberately opts out; the opt-out carries its
 * warning in plain view here, and the export asks once more before it runs.
 */
export function VictimChoice({ value, onChange }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <fieldset className="bundle-choice" data-testid="bundle-victims">
      <legend>{t('bundle.victimsTitle')}</legend>
      <label>
        <input
          type="radio"
          name="bundle-victims"
          checked={value === 'pseudonymise'}
          onChange={() => onChange('pseudonymise')}
          data-testid="bundle-victims-protect"
        />
        <span>
          {t('bundle.victimsProtect')}
          <span className="hint block">{t('bundle.victimsProtectHint')}</span>
        </span>
      </label>
      <label>
        <input
          type="radio"
          name="bundle-victims"
          checked={value === 'include-identities'}
          onChange={() => onChange('include-identities')}
          data-testid="bundle-victims-include"
        />
        <span>{t('bundle.victimsInclude')}</span>
      </label>
      {value === 'include-identities' && (
        <div className="warning" role="alert" data-testid="bundle-victims-warning">
          {t('bundle.victimsIncludeWarning')}
        </div>
      )}
    </fieldset>
  );
}
