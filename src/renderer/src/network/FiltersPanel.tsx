import type { Dispatch, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterAction, FilterState } from '../../../core/graph';
import { ENTITY_KINDS, LINK_TYPES, ROLES } from '../../../core/model';

type Props = Readonly<{ state: FilterState; dispatch: Dispatch<FilterAction> }>;

/** Kinds, roles and link types shown. */
export function FiltersPanel({ state, dispatch }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <details className="network-filters">
      <summary>{t('network.filters.title')}</summary>
      <fieldset>
        <legend>{t('network.filters.kinds')}</legend>
        {ENTITY_KINDS.map((k) => (
          <label key={k} className="inline">
            <input
              type="checkbox"
              checked={state.kinds.has(k)}
              onChange={() => dispatch({ type: 'toggleKind', kind: k })}
            />{' '}
            {t(`model.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('network.filters.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="inline">
            <input
              type="checkbox"
              checked={state.roles.has(r)}
              onChange={() => dispatch({ type: 'toggleRole', role: r })}
            />{' '}
            {t(`model.role.${r}`)}
          </label>
        ))}
        <span className="hint">{t('network.filters.rolesHint')}</span>
      </fieldset>
      <fieldset>
        <legend>{t('network.filters.linkTypes')}</legend>
        {LINK_TYPES.map((l) => (
          <label key={l} className="inline">
            <input
              type="checkbox"
              checked={state.linkTypes.has(l)}
              onChange={() => dispatch({ type: 'toggleLinkType', linkType: l })}
            />{' '}
            {t(`model.linkType.${l}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
