/**
 * What frames an exported network picture: a header (title, case reference, date, and "victims
 * pseudonymised" while protection is on) and the legend, so that a picture taken out of the app
 * says what it is and what its shapes, colours and lines mean. Laid out once here as plain boxes;
 * exportSvg.ts and NetworkCanvas.png() draw the same boxes.
 */
import { LINE_DASH, type LineStyle } from '../../../core/model';

export type LegendEntry =
  | Readonly<{ type: 'shape'; shape: string; label: string }>
  | Readonly<{ type: 'colour'; colour: string; label: string }>
  | Readonly<{ type: 'official'; label: string }>
  | Readonly<{ type: 'line'; style: LineStyle; label: string }>
  | Readonly<{ type: 'heading'; label: string }>;

export type PictureHeader = Readonly<{
  /** Header lines, already in the interface language; the first is the title. */
  lines: readonly string[];
  legend: readonly LegendEntry[];
}>;

export const HEADER_LINE = 20;
export const LEGEND_ROW = 18;
export const LEGEND_WIDTH = 220;
const PAD = 16;

export type Frame = Readonly<{
  /** Height of the header band above the picture. */
  headerHeight: number;
  /** Width of the legend column right of the picture. */
  legendWidth: number;
  /** Height the legend needs; the whole picture is at least this tall below the header. */
  legendHeight: number;
  lines: ReadonlyArray<Readonly<{ text: string; x: number; y: number; bold: boolean }>>;
  /** Legend rows, x and y relative to the legend column's top left corner. */
  rows: ReadonlyArray<Readonly<{ entry: LegendEntry; x: number; y: number }>>;
}>;

export function frameOf(header: PictureHeader): Frame {
  const lines = header.lines.map((text, i) => ({
    text,
    x: PAD,
    y: PAD + (i + 1) * HEADER_LINE - 5,
    bold: i === 0,
  }));
  const rows = header.legend.map((entry, i) => ({ entry, x: PAD, y: PAD + i * LEGEND_ROW }));
  return {
    headerHeight: PAD + header.lines.length * HEADER_LINE + PAD / 2,
    legendWidth: LEGEND_WIDTH,
    legendHeight: 2 * PAD + header.legend.length * LEGEND_ROW,
    lines,
    rows,
  };
}

export function dashOf(style: LineStyle): string {
  return LINE_DASH[style] ?? '';
}
