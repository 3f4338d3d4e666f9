import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationRow } from '../../../core/db';
import type { AnalysisResult } from '../../../core/graph';
import type { EntityId } from '../../../core/model';
import { PathSteps } from './PathSteps';

type Props = Readonly<{
  result: AnalysisResult;
  maxHops: number;
  timeAware: boolean;
  onMaxHops: (hops: number) => void;
  onTimeAware: (on: boolean) => void;
  labelOf: (id: EntityId) => string;
  citationsOfLink: (linkId: string) => readonly CitationRow[];
}>;

/** The anti-corruption unit's report: each official, and the suspects within k links. */
export function ExposurePanel(props: Props): ReactNode {
  const { t } = useTranslation();
  const { result } = props;
  return (
    <div data-testid="network-exposure">
      <div className="inline-form">
        <label className="inline">
          {t('network.exposure.hops')}{' '}
          <select
            value={props.maxHops}
            onChange={(e) => props.onMaxHops(Number(e.target.value))}
            data-testid="exposure-hops"
          >
            {[1, 2, 3, 4].map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={props.timeAware}
            onChange={(e) => props.onTimeAware(e.target.checked)}
          />{' '}
          {t('network.exposure.timeAware')}
        </label>
      </div>
      {result.exposure.length === 0 && <p className="muted">{t('network.exposure.none')}</p>}
      {result.exposure.map((official) => (
        <section
          key={official.official}
          className="network-official"
          data-testid="exposure-official"
        >
          <h3>{props.labelOf(official.official)}</h3>
          <p className="small muted">
            {official.timeAware ? t('network.exposure.timed') : t('network.exposure.untimed')}
          </p>
          {official.suspects.length === 0 ? (
            <p className="muted small">{t('network.exposure.noSuspects')}</p>
          ) : (
            <ul>
              {official.suspects.map((s) => (
                <li key={s.id} data-testid="exposure-suspect">
                  <strong>{props.labelOf(s.id)}</strong>{' '}
                  <span className="small muted">
                    {t('network.exposure.suspectLine', {
                      hops: String(s.hops),
                      strength: s.path.strength.toFixed(2),
                    })}
                  </span>
                  <PathSteps
                    path={s.path}
                    labelOf={props.labelOf}
                    citationsOfLink={props.citationsOfLink}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
