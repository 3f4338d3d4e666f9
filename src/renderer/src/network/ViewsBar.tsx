import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphViewId, GraphViewRow } from '../../../core/db';

type Props = Readonly<{
  views: readonly GraphViewRow[];
  active: GraphViewId | '';
  onActive: (id: GraphViewId | '') => void;
  onApply: () => void;
  onSave: () => void;
  onSaveAs: () => void;
  onDelete: (view: GraphViewRow) => void;
  hiddenCount: number;
  onShowHidden: () => void;
}>;

/** The saved views: open, apply, save, save as, delete; and the entities hidden by hand. */
export function ViewsBar(props: Props): ReactNode {
  const { t } = useTranslation();
  const current = props.views.find((v) => v.id === props.active);
  return (
    <div className="network-toolbar">
      <label className="inline">
        {t('network.views.label')}{' '}
        <select
          value={props.active}
          onChange={(e) => props.onActive(e.target.value as GraphViewId | '')}
          data-testid="view-select"
        >
          <option value="">{t('network.views.none')}</option>
          {props.views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={props.active === ''}
        onClick={props.onApply}
        data-testid="view-apply"
      >
        {t('network.views.apply')}
      </button>
      <button type="button" onClick={props.onSave} data-testid="save-positions">
        {t('network.views.save')}
      </button>
      <button type="button" onClick={props.onSaveAs} data-testid="save-view-as">
        {t('network.views.saveAs')}
      </button>
      <button
        type="button"
        className="danger"
        disabled={current === undefined}
        onClick={() => current !== undefined && props.onDelete(current)}
        data-testid="view-delete"
      >
        {t('network.views.delete')}
      </button>
      {props.hiddenCount > 0 && (
        <button type="button" onClick={props.onShowHidden} data-testid="show-hidden">
          {t('network.showHidden', { count: props.hiddenCount })}
        </button>
      )}
    </div>
  );
}
