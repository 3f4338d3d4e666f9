import type { Dispatch, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterAction, FilterState } from '../../../core/graph';

type Props = Readonly<{
  months: readonly string[];
  state: FilterState;
  dispatch: Dispatch<FilterAction>;
}>;

/** The time range of the links shown, and its replay month by month. */
export function TimeSlider({ months, state, dispatch }: Props): ReactNode {
  const { t } = useTranslation();
  if (months.length <= 1) return null;
  const last = months.length - 1;
  const from = state.range?.[0] ?? 0;
  const to = state.range?.[1] ?? last;
  return (
    <div className="network-time" data-testid="network-time">
      <button
        type="button"
        onClick={() => dispatch({ type: 'togglePlay' })}
        data-testid="time-play"
      >
        {state.playing ? t('network.time.pause') : t('network.time.play')}
      </button>
      <label className="inline">
        {t('network.time.from')}{' '}
        <input
          type="range"
          min={0}
          max={last}
          value={from}
          onChange={(e) =>
            dispatch({ type: 'setFrom', index: Number(e.target.value), months: months.length })
          }
          aria-valuetext={months[from]}
        />
      </label>
      <label className="inline">
        {t('network.time.to')}{' '}
        <input
          type="range"
          min={0}
          max={last}
          value={to}
          onChange={(e) => dispatch({ type: 'setTo', index: Number(e.target.value) })}
          aria-valuetext={months[to]}
          data-testid="time-to"
        />
      </label>
      <span className="mono small">
        {months[from]} – {months[to]}
      </span>
      {state.range !== null && (
        <button type="button" className="link" onClick={() => dispatch({ type: 'allTime' })}>
          {t('network.time.all')}
        </button>
      )}
      <span className="hint">{t('network.time.undated')}</span>
    </div>
  );
}
