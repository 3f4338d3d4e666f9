import type { TFunction } from 'i18next';
import { ENTITY_KINDS, NO_ROLE_COLOUR, ROLE_COLOURS, ROLE_ORDER } from '../../../core/model';
import { COMMUNITY_COLOURS, KIND_SHAPES, OTHER_COMMUNITY_COLOUR } from './graphModel';
import type { LegendEntry, PictureHeader } from './pictureFrame';

/**
 * The header and legend of an exported picture, in the interface language: the same legend as
 * the one beside the canvas (Legend.tsx), for the colour mode in use.
 */
export function pictureHeader(
  t: TFunction,
  options: Readonly<{
    reference: string;
    title: string;
    /** The export's date, YYYY-MM-DD. */
    date: string;
    protect: boolean;
    colourMode: 'role' | 'community';
    rings: number;
  }>,
): PictureHeader {
  const legend: LegendEntry[] = [{ type: 'heading', label: t('network.legend.kinds') }];
  for (const kind of ENTITY_KINDS)
    legend.push({ type: 'shape', shape: KIND_SHAPES[kind], label: t(`model.kind.${kind}`) });
  if (options.colourMode === 'role') {
    legend.push({ type: 'heading', label: t('network.legend.roles') });
    for (const role of ROLE_ORDER)
      legend.push({ type: 'colour', colour: ROLE_COLOURS[role], label: t(`model.role.${role}`) });
    legend.push({ type: 'colour', colour: NO_ROLE_COLOUR, label: t('network.legend.noRole') });
  } else {
    legend.push({ type: 'heading', label: t('network.legend.communities') });
    COMMUNITY_COLOURS.slice(0, options.rings).forEach((colour, i) =>
      legend.push({
        type: 'colour',
        colour,
        label: t('network.legend.ring', { number: String(i + 1) }),
      }),
    );
    legend.push({
      type: 'colour',
      colour: OTHER_COMMUNITY_COLOUR,
      label:
        options.rings > COMMUNITY_COLOURS.length
          ? t('network.legend.otherRings')
          : t('network.legend.noRing'),
    });
  }
  legend.push(
    { type: 'heading', label: t('network.legend.marks') },
    { type: 'official', label: t('network.legend.official') },
    ...(['solid', 'dashed', 'dotted'] as const).map((style): LegendEntry => ({
      type: 'line',
      style,
      label: t(`network.legend.${style}`),
    })),
  );
  return {
    lines: [
      t('network.picture.title', { reference: options.reference, title: options.title }),
      t('network.picture.exported', { date: options.date }),
      ...(options.protect ? [t('network.picture.pseudonymised')] : []),
    ],
    legend,
  };
}
