import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationRow } from '../../../core/db';
import { shortestPath, type GraphInput, type GraphPath } from '../../../core/graph';
import type { Entity, EntityId } from '../../../core/model';
import { PathSteps } from './PathSteps';

type Props = Readonly<{
  input: GraphInput;
  entities: readonly Entity[];
  from: EntityId | '';
  onFrom: (id: EntityId | '') => void;
  labelOf: (id: EntityId) => string;
  citationsOfLink: (linkId: string) => readonly CitationRow[];
  onShow: (path: GraphPath | null) => void;
}>;

/**
 * How A reaches B. A single shortest path is a breadth-first search (milliseconds even on
 * the bench's 15,000 links), so it runs here rather than in the analysis worker.
 */
export function PathPanel(props: Props): ReactNode {
  const { t } = useTranslation();
  const [to, setTo] = useState<EntityId | ''>('');
  const [outcome, setOutcome] = useState<GraphPath | null | undefined>(undefined);
  const sorted = [...props.entities].sort((a, b) =>
    props.labelOf(a.id).localeCompare(props.labelOf(b.id)),
  );
  const choose = (value: string, set: (id: EntityId | '') => void): void => {
    set(value as EntityId | '');
    setOutcome(undefined);
    props.onShow(null);
  };
  const find = (): void => {
    if (props.from === '' || to === '') return;
    const path = shortestPath(props.input, props.from, to);
    setOutcome(path);
    props.onShow(path);
  };
  const options = sorted.map((e) => (
    <option key={e.id} value={e.id}>
      {props.labelOf(e.id)}
    </option>
  ));
  return (
    <div data-testid="network-path-panel">
      <div className="field">
        <label htmlFor="path-from">{t('network.path.from')}</label>
        <select
          id="path-from"
          value={props.from}
          onChange={(e) => choose(e.target.value, props.onFrom)}
          data-testid="path-from"
        >
          <option value="">{t('network.path.choose')}</option>
          {options}
        </select>
      </div>
      <div className="field">
        <label htmlFor="path-to">{t('network.path.to')}</label>
        <select
          id="path-to"
          value={to}
          onChange={(e) => choose(e.target.value, setTo)}
          data-testid="path-to"
        >
          <option value="">{t('network.path.choose')}</option>
          {options}
        </select>
      </div>
      <button
        type="button"
        className="primary"
        disabled={props.from === '' || to === '' || props.from === to}
        onClick={find}
        data-testid="path-find"
      >
        {t('network.path.find')}
      </button>
      {outcome === null && (
        <p className="notice" role="status">
          {t('network.path.noPath')}
        </p>
      )}
      {outcome !== null && outcome !== undefined && (
        <>
          <p className="small">
            {t('network.path.summary', {
              hops: String(outcome.steps.length),
              strength: outcome.strength.toFixed(2),
            })}
          </p>
          <PathSteps
            path={outcome}
            labelOf={props.labelOf}
            citationsOfLink={props.citationsOfLink}
          />
        </>
      )}
    </div>
  );
}
