import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NamingOriginal, OriginalsPolicy } from '../../../core/bundle';

type Props = Readonly<{
  value: OriginalsPolicy;
  onChange: (value: OriginalsPolicy) => void;
  /** Seized originals of the selection whose text names a victim (empty when not protecting). */
  naming?: readonly NamingOriginal[];
  /** Those of them the officer chose to include anyway. */
  includeAnyway?: ReadonlySet<string>;
  onIncludeAnywayChange?: (next: ReadonlySet<string>) => void;
}>;

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
export function OriginalsChoice({
  value,
  onChange,
  naming = [],
  includeAnyway = new Set(),
  onIncludeAnywayChange,
}: Props): ReactNode {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(includeAnyway);
    if (on) next.add(id);
    else next.delete(id);
    onIncludeAnywayChange?.(next);
  };
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
      {naming.length > 0 && value !== 'none' && (
        <div className="notice" data-testid="bundle-naming-originals">
          <p className="small">{t('bundle.namingOriginalsIntro', { count: naming.length })}</p>
          <ul className="plain">
            {naming.map((item) => (
              <li key={item.evidenceId} data-testid="bundle-naming-original">
                <label className="inline small">
                  {value === 'not-naming-victims' && (
                    <input
                      type="checkbox"
                      checked={includeAnyway.has(item.evidenceId)}
                      onChange={(e) => toggle(item.evidenceId, e.target.checked)}
                      data-testid={`bundle-include-anyway-${item.exhibitRef}`}
                    />
                  )}
                  <span className="mono">{item.exhibitRef}</span> {item.fileName}{' '}
                  <span className="muted">
                    {t('bundle.namesVictims', { victims: item.victims.join(', ') })}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {value === 'not-naming-victims' && (
            <p className="hint">{t('bundle.includeAnywayHint')}</p>
          )}
        </div>
      )}
    </fieldset>
  );
}
