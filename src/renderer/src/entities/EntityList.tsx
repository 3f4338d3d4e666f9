import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, propertyValues } from '../../../core/entities';
import { ENTITY_KINDS, type Entity, type EntityId } from '../../../core/model';
import { normalizeName } from '../../../core/names';

type Props = Readonly<{
  entities: readonly Entity[];
  filter: string;
  selected: EntityId | null;
  onSelect: (id: EntityId) => void;
}>;

/** A filter matches any name or alias (any script, case and accents ignored) or any value. */
function matches(e: Entity, filter: string): boolean {
  const f = normalizeName(filter);
  if (f === '') return true;
  const hay = [
    ...e.names.map((n) => n.value),
    ...Object.values(e.properties).flatMap(propertyValues),
    ...e.roles,
  ];
  return hay.some((h) => normalizeName(h).includes(f) || h.includes(filter.trim()));
}

/** The case's entities grouped by kind, with their roles as chips. */
export function EntityList({ entities, filter, selected, onSelect }: Props): ReactNode {
  const { t } = useTranslation();
  const shown = entities.filter((e) => matches(e, filter));
  if (shown.length === 0)
    return (
      <p className="muted" data-testid="entities-no-match">
        {t('entities.list.noMatch')}
      </p>
    );
  return (
    <nav className="entities-list" aria-label={t('entities.list.label')}>
      {ENTITY_KINDS.map((kind) => {
        const group = shown
          .filter((e) => e.kind === kind)
          .sort((a, b) => displayName(a).localeCompare(displayName(b)));
        if (group.length === 0) return null;
        return (
          <section key={kind} data-testid={`entities-group-${kind}`}>
            <h3>
              {t(`entities.kindPlural.${kind}`)} <span className="muted">{group.length}</span>
            </h3>
            <ul>
              {group.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    className="entities-item"
                    aria-current={e.id === selected ? 'true' : undefined}
                    data-testid="entity-item"
                    data-entity-id={e.id}
                    onClick={() => onSelect(e.id)}
                  >
                    <span className="entities-item-name">{displayName(e)}</span>
                    {e.names.length > 1 && (
                      <span className="muted small">
                        {' '}
                        {t('entities.list.aliases', { count: e.names.length - 1 })}
                      </span>
                    )}
                    <span className="entities-chips">
                      {e.roles.map((r) => (
                        <span key={r} className={`entities-chip role-${r}`}>
                          {t(`model.role.${r}`)}
                        </span>
                      ))}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
