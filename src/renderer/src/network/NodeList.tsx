import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity, EntityId } from '../../../core/model';
import type { Point } from './NetworkCanvas';

type Props = Readonly<{
  /** The entities the filters leave shown, in the case's order. */
  entities: readonly Entity[];
  labelOf: (id: EntityId) => string;
  colourOf: (id: EntityId) => string;
  communityOf: ReadonlyMap<EntityId, number>;
  positions: ReadonlyMap<EntityId, Point>;
  onFocus: (id: EntityId) => void;
}>;

/**
 * The entities shown, as a list a keyboard and a screen reader can use: the canvas's picture in
 * words, rendered from the model (labels, colours, rings) and the canvas's positions snapshot.
 */
export function NodeList(props: Props): ReactNode {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="network-node-list"
      data-testid="network-node-list"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('network.nodeList', { count: props.entities.length })}</summary>
      <ul>
        {/* Only while open: thousands of rows re-rendered on every progress message of the
            analysis cost more than the canvas itself on a large case. */}
        {(open ? props.entities : []).map((e) => {
          const p = props.positions.get(e.id);
          return (
            <li
              key={e.id}
              data-testid="network-node"
              data-id={e.id}
              data-colour={props.colourOf(e.id)}
              data-community={props.communityOf.get(e.id)}
              data-x={p?.x.toFixed(1)}
              data-y={p?.y.toFixed(1)}
            >
              <button type="button" className="link" onClick={() => props.onFocus(e.id)}>
                {props.labelOf(e.id)}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
