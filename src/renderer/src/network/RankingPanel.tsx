import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ringsOf, type AnalysisResult, type CentralityRow } from '../../../core/graph';
import type { EntityId } from '../../../core/model';

type Props = Readonly<{
  result: AnalysisResult;
  labelOf: (id: EntityId) => string;
  onSelect: (id: EntityId) => void;
}>;

type SortKey = 'betweenness' | 'pagerank' | 'degree';
const SHOWN = 25;

/** Who brokers (betweenness) and who leads (PageRank, degree): the top of each ranking. */
export function RankingPanel({ result, labelOf, onSelect }: Props): ReactNode {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortKey>('betweenness');
  const rows: CentralityRow[] = [...result.centrality]
    .sort((a, b) => b[sort] - a[sort] || a.id.localeCompare(b.id))
    .slice(0, SHOWN);
  return (
    <div data-testid="network-ranking">
      <p className="small">
        {t('network.ranking.intro', { communities: String(ringsOf(result.communities).length) })}
      </p>
      <div className="tabs" role="tablist" aria-label={t('network.ranking.sortBy')}>
        {(['betweenness', 'pagerank', 'degree'] as const).map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={sort === key}
            onClick={() => setSort(key)}
            data-testid={`ranking-sort-${key}`}
          >
            {t(`network.ranking.${key}`)}
          </button>
        ))}
      </div>
      <table className="table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('network.ranking.name')}</th>
            <th>{t('network.ranking.betweenness')}</th>
            <th>{t('network.ranking.pagerank')}</th>
            <th>{t('network.ranking.degree')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.id} data-testid="ranking-row">
              <td>{i + 1}</td>
              <td>
                <button type="button" className="link" onClick={() => onSelect(row.id)}>
                  {labelOf(row.id)}
                </button>
              </td>
              <td>{row.betweenness.toFixed(3)}</td>
              <td>{row.pagerank.toFixed(3)}</td>
              <td>{row.degree}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
