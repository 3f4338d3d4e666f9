import type cytoscape from 'cytoscape';
import { esc } from '../../../core/bundle';
import { LINE_DASH, type LineStyle } from '../../../core/model';
import { OFFICIAL_RING } from './graphModel';
import { dashOf, frameOf, type LegendEntry, type PictureHeader } from './pictureFrame';

/*
 * The network as SVG, built from the model positions and the same element data the canvas
 * styles use (no Cytoscape SVG plugin is installed). What is filtered out or hidden on the
 * canvas is left out here too, and labels are the canvas labels, so victim protection holds.
 */

function shapePath(shape: string, x: number, y: number, r: number): string {
  const polygon = (points: ReadonlyArray<readonly [number, number]>): string =>
    `<polygon points="${points.map(([px, py]) => `${(x + px * r).toFixed(1)},${(y + py * r).toFixed(1)}`).join(' ')}"`;
  switch (shape) {
    case 'ellipse':
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}"`;
    case 'rectangle':
    case 'round-rectangle':
      return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" rx="${shape === 'rectangle' ? 0 : r / 3}"`;
    case 'diamond':
      return polygon([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case 'round-triangle':
      return polygon([
        [0, -1],
        [1, 1],
        [-1, 1],
      ]);
    case 'vee':
      return polygon([
        [-1, -1],
        [0, -0.33],
        [1, -1],
        [0, 1],
      ]);
    default: {
      const sides = shape === 'hexagon' ? 6 : 8;
      return polygon(
        Array.from({ length: sides }, (_, i) => {
          const a = (2 * Math.PI * i) / sides + (sides === 8 ? Math.PI / 8 : 0);
          return [Math.cos(a), Math.sin(a)] as const;
        }),
      );
    }
  }
}

function closingTag(shape: string): string {
  return shape === 'ellipse' ? 'circle' : shape.endsWith('rectangle') ? 'rect' : 'polygon';
}

function legendRow(entry: LegendEntry, x: number, y: number): string {
  const label = `<text x="${x + 24}" y="${y + 4}" font-size="11"${entry.type === 'heading' ? ' font-weight="bold"' : ''}>${esc(entry.label)}</text>`;
  switch (entry.type) {
    case 'heading':
      return `<text x="${x}" y="${y + 4}" font-size="11" font-weight="bold">${esc(entry.label)}</text>`;
    case 'shape':
      return `${shapePath(entry.shape, x + 8, y, 6)} fill="#eceff1" stroke="#455a64"></${closingTag(entry.shape)}>${label}`;
    case 'colour':
      return `<circle cx="${x + 8}" cy="${y}" r="6" fill="${esc(entry.colour)}" stroke="#455a64"/>${label}`;
    case 'official':
      return `<circle cx="${x + 8}" cy="${y}" r="5" fill="#6a1b9a" stroke="${OFFICIAL_RING}" stroke-width="3"/>${label}`;
    case 'line': {
      const dash = dashOf(entry.style);
      // A path, not a <line>: the picture's <line> elements are its links, one each (what
      // tests/e2e/networkLarge.e2e.test.ts counts), and the legend's samples are not links.
      return `<path d="M${x} ${y}h18" stroke="#607d8b" stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>${label}`;
    }
  }
}

/**
 * The network as SVG. With a header, the picture carries the title lines above it and the
 * legend beside it (pictureFrame.ts).
 */
export function networkToSvg(cy: cytoscape.Core, header?: PictureHeader): string {
  const nodes = cy.nodes(':visible');
  const edges = cy.edges(':visible');
  const box = nodes.boundingBox({});
  const pad = 40;
  const frame = header !== undefined ? frameOf(header) : null;
  const top = frame?.headerHeight ?? 0;
  const pictureWidth = Math.max(1, Math.ceil(box.w + 2 * pad));
  const pictureHeight = Math.max(1, Math.ceil(box.h + 2 * pad), frame?.legendHeight ?? 0);
  const width = pictureWidth + (frame?.legendWidth ?? 0);
  const height = pictureHeight + top;
  const dx = pad - box.x1;
  const dy = pad - box.y1 + top;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  if (frame !== null) {
    parts.push('<g data-part="header">');
    for (const line of frame.lines)
      parts.push(
        `<text x="${line.x}" y="${line.y}" font-size="${line.bold ? 15 : 12}"${line.bold ? ' font-weight="bold"' : ''}>${esc(line.text)}</text>`,
      );
    parts.push('</g>', `<g data-part="legend" transform="translate(${pictureWidth} ${top})">`);
    for (const row of frame.rows) parts.push(legendRow(row.entry, row.x, row.y));
    parts.push('</g>');
  }
  edges.forEach((edge) => {
    const s = edge.source().position();
    const t = edge.target().position();
    const dash = LINE_DASH[edge.data('lineStyle') as LineStyle] ?? '';
    parts.push(
      `<line x1="${(s.x + dx).toFixed(1)}" y1="${(s.y + dy).toFixed(1)}" x2="${(t.x + dx).toFixed(1)}" y2="${(t.y + dy).toFixed(1)}" stroke="#90a4ae" stroke-width="1.6"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}><title>${esc(String(edge.data('label')))}</title></line>`,
    );
  });
  nodes.forEach((node) => {
    const p = node.position();
    const official = node.data('official') === true;
    const r = official ? 19 : 13;
    const x = p.x + dx;
    const y = p.y + dy;
    const label = esc(String(node.data('label')));
    const stroke = official
      ? ` stroke="${OFFICIAL_RING}" stroke-width="6"`
      : ' stroke="#ffffff" stroke-width="1"';
    parts.push(
      `${shapePath(String(node.data('shape')), x, y, r)} fill="${esc(String(node.data('colour')))}"${stroke}><title>${label}</title></${closingTag(String(node.data('shape')))}>`,
      `<text x="${x.toFixed(1)}" y="${(y + r + 12).toFixed(1)}" font-size="10" text-anchor="middle"${official ? ' font-weight="bold"' : ''}>${label}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
