import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OriginalsPolicy } from '../../../core/bundle';

type Props = Readonly<{ value: OriginalsPolicy; onChange: (value: OriginalsPolicy) => void }>;

const OPTIONS = [
  { policy: 'all', label: 'bundle.originalsAll', hint: 'bundle.originalsAllHint' },
  {
    policy: 'not-naming-victims',
    label: 'bundle.originalsNotNaming',
    hint: 'bundle.originalsNotNamingHint',
  },
  { policy: 'none', label: 'bundle.originalsNone', hint: 'bundle.originalsNoneHint' },
] as const;

/** Originals cannot be redacted: the choice is only whether each goes in whole or not at all. */
export function OriginalsChoice({ value, onChange }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <fieldset className="bundle-choice" data-testid="bundle-originals">
      <legend>{t('bundle.originalsTitle')}</legend>
      {OPTIONS.map((option) => (
        <label key={option.policy}>
          <input
            type="radio"
            name="bundle-originals"
            checked={value === option.policy}
            onChange={() => onChange(option.policy)}
            data-testid={`bundle-originals-${option.policy}`}
          />
          <span>
            {t(option.label)}
            <span className="hint block">{t(option.hint)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
