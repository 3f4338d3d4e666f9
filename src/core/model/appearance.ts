/**
 * How roles and a link's grading look, wherever a network is drawn: the app's network view
 * (Cytoscape and its SVG export) and the report inside an evidence bundle. One definition, so
 * that a prosecutor's printed report shows the colours and line styles the investigator saw.
 */
import type { EntityKind, Role, SourceReliability } from './case';

/**
 * The role that decides an entity's colour when it has several: the most serious first.
 * Officials are also marked by a thick gold double ring, whatever their colour.
 */
export const ROLE_ORDER: readonly Role[] = [
  'official',
  'recruiter',
  'broker',
  'transporter',
  'financier',
  'suspect',
  'victim',
  'witness',
];

export const ROLE_COLOURS: Readonly<Record<Role, string>> = {
  official: '#6a1b9a',
  recruiter: '#c62828',
  broker: '#d84315',
  transporter: '#ef6c00',
  financier: '#ad1457',
  suspect: '#8e0000',
  victim: '#00796b',
  witness: '#1565c0',
};
export const NO_ROLE_COLOUR = '#757575';

export function roleColour(roles: readonly Role[]): string {
  for (const role of ROLE_ORDER) if (roles.includes(role)) return ROLE_COLOURS[role];
  return NO_ROLE_COLOUR;
}

/** Line style carries the source's reliability: solid for A-B, dashed for C-D, dotted for E-F. */
export type LineStyle = 'solid' | 'dashed' | 'dotted';
export function lineStyle(reliability: SourceReliability): LineStyle {
  if (reliability === 'A' || reliability === 'B') return 'solid';
  if (reliability === 'C' || reliability === 'D') return 'dashed';
  return 'dotted';
}

/** SVG stroke-dasharray of each line style ('' for a solid line). */
export const LINE_DASH: Readonly<Record<LineStyle, string>> = {
  solid: '',
  dashed: '7 4',
  dotted: '2 4',
};

/**
 * The shape that tells an entity's kind, by its Cytoscape name; the bundle report draws the
 * same shapes in SVG (src/core/bundle/networkSvg.ts), so a printed report matches the screen.
 */
export const KIND_SHAPES: Readonly<Record<EntityKind, string>> = {
  person: 'ellipse',
  organization: 'round-rectangle',
  phone: 'diamond',
  bankAccount: 'hexagon',
  vehicle: 'round-triangle',
  address: 'vee',
  identityDocument: 'rectangle',
  onlineAccount: 'octagon',
};

/** Officials wear a thick gold double ring, on screen and in the report. */
export const OFFICIAL_RING = '#f9a825';
