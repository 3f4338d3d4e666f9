import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, NO_ROLE_COLOUR, ROLE_COLOURS, ROLE_ORDER } from '../../../core/model';
import {
  COMMUNITY_COLOURS,
  KIND_SHAPES,
  OFFICIAL_RING,
  OTHER_COMMUNITY_COLOUR,
} from './graphModel';

/** Small SVG versions of the canvas shapes, so the legend shows exactly what the canvas draws. */
function ShapeIcon({ shape, colour }: Readonly<{ shape: string; colour: string }>): ReactNode {
  const common = { fill: colour, stroke: '#455a64', strokeWidth: 1 };
  let el: ReactNode;
  switch (shape) {
    case 'ellipse':
      el = <circle cx="8" cy="8" r="6" {...common} />;
      break;
    case 'round-rectangle':
      el = <rect x="2" y="2" width="12" height="12" rx="3" {...common} />;
      break;
    case 'rectangle':
      el = <rect x="2" y="2" width="12" height="12" {...common} />;
      break;
    case 'diamond':
      el = <polygon points="8,1 15,8 8,15 1,8" {...common} />;
      break;
    case 'round-triangle':
      el = <polygon points="8,2 14,14 2,14" {...common} />;
      break;
    case 'vee':
      el = <polygon points="2,2 8,6 14,2 8,14" {...common} />;
      break;
    case 'hexagon':
      el = <polygon points="4,2 12,2 15,8 12,14 4,14 1,8" {...common} />;
      break;
    default:
      el = <polygon points="5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" {...common} />;
  }
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {el}
    </svg>
  );
}

type Props = Readonly<{
  colourMode: 'role' | 'community';
  /** Rings found (communities of two or more). */
  rings: number;
}>;

/**
 * What the canvas's shapes, colours and marks mean. It stands beside the canvas, never over it
 * (it once hid the entities in a corner), open at first and folded away by its summary.
 */
export function Legend({ colourMode, rings }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <details className="network-legend" data-testid="network-legend" open>
      <summary>{t('network.legend.title')}</summary>
      <div className="network-legend-grid">
        <section>
          <h4>{t('network.legend.kinds')}</h4>
          <ul>
            {ENTITY_KINDS.map((kind) => (
              <li key={kind}>
                <ShapeIcon shape={KIND_SHAPES[kind]} colour="#eceff1" />
                {t(`model.kind.${kind}`)}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h4>
            {colourMode === 'role' ? t('network.legend.roles') : t('network.legend.communities')}
          </h4>
          <ul>
            {colourMode === 'role' ? (
              <>
                {ROLE_ORDER.map((role) => (
                  <li key={role}>
                    <ShapeIcon shape="ellipse" colour={ROLE_COLOURS[role]} />
                    {t(`model.role.${role}`)}
                  </li>
                ))}
                <li>
                  <ShapeIcon shape="ellipse" colour={NO_ROLE_COLOUR} />
                  {t('network.legend.noRole')}
                </li>
              </>
            ) : (
              <>
                {COMMUNITY_COLOURS.slice(0, rings).map((c, i) => (
                  <li key={c} data-testid="legend-ring">
                    <ShapeIcon shape="ellipse" colour={c} />
                    {t('network.legend.ring', { number: String(i + 1) })}
                  </li>
                ))}
                <li>
                  <ShapeIcon shape="ellipse" colour={OTHER_COMMUNITY_COLOUR} />
                  {rings > COMMUNITY_COLOURS.length
                    ? t('network.legend.otherRings')
                    : t('network.legend.noRing')}
                </li>
              </>
            )}
          </ul>
        </section>
        <section>
          <h4>{t('network.legend.marks')}</h4>
          <ul>
            <li>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <circle cx="8" cy="8" r="5" fill="#6a1b9a" stroke={OFFICIAL_RING} strokeWidth="3" />
              </svg>
              {t('network.legend.official')}
            </li>
            {(['solid', 'dashed', 'dotted'] as const).map((style) => (
              <li key={style}>
                <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
                  <line
                    x1="1"
                    y1="5"
                    x2="27"
                    y2="5"
                    stroke="#607d8b"
                    strokeWidth="2"
                    strokeDasharray={
                      style === 'solid' ? undefined : style === 'dashed' ? '6 3' : '2 3'
                    }
                  />
                </svg>
                {t(`network.legend.${style}`)}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </details>
  );
}
