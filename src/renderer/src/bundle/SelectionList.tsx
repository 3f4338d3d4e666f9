import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type SelectionItem = Readonly<{ id: string; label: ReactNode; detail?: ReactNode }>;

type Props = Readonly<{
  title: string;
  items: readonly SelectionItem[];
  selected: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
  testId: string;
  children?: ReactNode;
}>;

/** A titled list of checkboxes with "select all" and "clear": one kind of record to export. */
export function SelectionList({
  title,
  items,
  selected,
  onChange,
  testId,
  children,
}: Props): ReactNode {
  const { t } = useTranslation();
  const headingId = useId();
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="bundle-list" aria-labelledby={headingId} data-testid={testId}>
      <div className="bundle-list-head">
        <h3 id={headingId}>
          {title}{' '}
          <span className="muted small">
            ({selected.size}/{items.length})
          </span>
        </h3>
        {items.length > 0 && (
          <div className="bundle-list-actions">
            <button
              type="button"
              className="link"
              onClick={() => onChange(new Set(items.map((i) => i.id)))}
              data-testid={`${testId}-all`}
            >
              {t('bundle.selectAll')}
            </button>
            <button type="button" className="link" onClick={() => onChange(new Set())}>
              {t('bundle.selectNone')}
            </button>
          </div>
        )}
      </div>
      {children}
      {items.length === 0 ? (
        <p className="muted small">{t('bundle.noneOfKind')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <label>
                <input
                  type="checkbox"
                  checked={selected.has(item.id)}
                  onChange={(e) => toggle(item.id, e.target.checked)}
                  data-testid={`${testId}-item`}
                />
                <span>
                  {item.label}
                  {item.detail !== undefined && (
                    <span className="muted small"> · {item.detail}</span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
