import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphPath } from '../../../core/graph';
import type { EntityId } from '../../../core/model';
import { AnalysisStatus } from './AnalysisStatus';
import { DetailsPanel, type Selection } from './DetailsPanel';
import { ExposurePanel } from './ExposurePanel';
import { PathPanel } from './PathPanel';
import { RankingPanel } from './RankingPanel';
import type { Analysis } from './useAnalysis';
import type { CaseNetwork } from './useCaseNetwork';

export type Tab = 'details' | 'ranking' | 'exposure' | 'path';

type Props = Readonly<{
  network: CaseNetwork;
  analysis: Analysis;
  tab: Tab;
  onTab: (tab: Tab) => void;
  selection: Selection;
  labelOf: (id: EntityId) => string;
  protect: boolean;
  pinned: ReadonlySet<EntityId>;
  pathFrom: EntityId | '';
  onPathFrom: (id: EntityId | '') => void;
  onSelectLink: (id: string) => void;
  onFocus: (id: EntityId) => void;
  onExpand: (id: EntityId) => void;
  onHide: (id: EntityId) => void;
  onPin: (id: EntityId) => void;
  onShowPath: (path: GraphPath | null) => void;
  /** Below the tabs: the node list. */
  children?: ReactNode;
}>;

/** The analysis status and the tabs beside the canvas: details, ranking, exposure, path. */
export function SidePanel(props: Props): ReactNode {
  const { t } = useTranslation();
  const { network, analysis, selection } = props;
  const result = analysis.result;
  const wait = <p className="muted">{t('network.analysis.wait')}</p>;
  return (
    <aside className="network-side">
      <AnalysisStatus state={analysis.state} onCancel={analysis.cancel} onRetry={analysis.retry} />
      <div className="tabs" role="tablist">
        {(['details', 'ranking', 'exposure', 'path'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={props.tab === name}
            onClick={() => props.onTab(name)}
            data-testid={`network-tab-${name}`}
          >
            {t(`network.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div className="network-tab" role="tabpanel">
        {props.tab === 'details' && (
          <DetailsPanel
            selection={selection}
            entity={selection?.type === 'node' ? network.entityById.get(selection.id) : undefined}
            link={selection?.type === 'edge' ? network.linkById.get(selection.id) : undefined}
            citations={selection === null ? [] : network.citationsOf(selection.id)}
            links={
              selection?.type === 'node' ? (network.linksByEntity.get(selection.id) ?? []) : []
            }
            onSelectLink={props.onSelectLink}
            labelOf={props.labelOf}
            protect={props.protect}
            pinned={selection?.type === 'node' && props.pinned.has(selection.id)}
            onExpand={props.onExpand}
            onHide={props.onHide}
            onPin={props.onPin}
            onPathFrom={(id) => {
              props.onPathFrom(id);
              props.onTab('path');
            }}
          />
        )}
        {props.tab === 'ranking' &&
          (result !== null ? (
            <RankingPanel result={result} labelOf={props.labelOf} onSelect={props.onFocus} />
          ) : (
            wait
          ))}
        {props.tab === 'exposure' &&
          (result !== null ? (
            <ExposurePanel
              result={result}
              maxHops={analysis.maxHops}
              timeAware={analysis.timeAware}
              onMaxHops={analysis.setMaxHops}
              onTimeAware={analysis.setTimeAware}
              labelOf={props.labelOf}
              citationsOfLink={network.citationsOf}
            />
          ) : (
            wait
          ))}
        {props.tab === 'path' && (
          <PathPanel
            input={network.input}
            entities={network.graph.entities}
            from={props.pathFrom}
            onFrom={props.onPathFrom}
            labelOf={props.labelOf}
            citationsOfLink={network.citationsOf}
            onShow={props.onShowPath}
          />
        )}
      </div>
      {props.children}
    </aside>
  );
}
