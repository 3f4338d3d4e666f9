import {
  KIND_SHAPES,
  LINE_DASH,
  OFFICIAL_RING,
  ROLE_ORDER,
  lineStyle,
  primaryName,
  roleColour,
  type EntityKind,
} from '../model';
import { esc } from './html';
import { REPORT_FONT_FAMILY } from './reportFonts.generated';
import type { ReportStrings } from './reportStrings';
import type { ManifestEntity, ManifestLink } from './types';

/*
 * The report's network picture: an inline SVG with a circular layout. The layout depends only
 * on the bundle's content (grouped by role, then by name), so the same bundle always draws the
 * same picture and a printed copy matches the file. Shapes (kind), colours (role), the
 * officials' gold double ring and line styles (reliability) are the app's own (core/model/
 * appearance.ts). Labels are placed so that none overlaps another label or a node: node names
 * move outwards until they are clear, link labels slide along their line, and a link label
 * that finds no free place becomes a numbered marker explained under the picture.
 */

export function entityColour(entity: ManifestEntity): string {
  return roleColour(entity.roles);
}

export function displayName(entity: ManifestEntity): string {
  return primaryName(entity.names) ?? '(unnamed)';
}

function groupIndex(entity: ManifestEntity): number {
  const i = ROLE_ORDER.findIndex((r) => entity.roles.includes(r));
  return i === -1 ? ROLE_ORDER.length : i;
}

function dashFor(reliability: ManifestLink['reliability']): string {
  const dash = LINE_DASH[lineStyle(reliability)];
  return dash === '' ? '' : ` stroke-dasharray="${dash}"`;
}

const NODE_R = 16;

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function polygon(x: number, y: number, r: number, points: ReadonlyArray<[number, number]>): string {
  return points.map(([px, py]) => `${round(x + px * r)},${round(y + py * r)}`).join(' ');
}

function regular(n: number, rotation: number): Array<[number, number]> {
  return Array.from({ length: n }, (_, i) => {
    const a = rotation + (2 * Math.PI * i) / n;
    return [Math.cos(a), Math.sin(a)] as [number, number];
  });
}

/** One kind's shape, as Cytoscape draws it on the app's network view. */
export function shapeSvg(kind: EntityKind, x: number, y: number, r: number, fill: string): string {
  const attrs = `fill="${fill}" stroke="#fff" stroke-width="2"`;
  switch (KIND_SHAPES[kind]) {
    case 'ellipse':
      return `<circle cx="${x}" cy="${y}" r="${r}" ${attrs}/>`;
    case 'round-rectangle':
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${2 * r}" height="${2 * r}" rx="${round(r / 3)}" ${attrs}/>`;
    case 'rectangle':
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${2 * r}" height="${2 * r}" ${attrs}/>`;
    case 'diamond':
      return `<polygon points="${polygon(x, y, r * 1.15, regular(4, -Math.PI / 2))}" ${attrs}/>`;
    case 'hexagon':
      return `<polygon points="${polygon(x, y, r * 1.05, regular(6, 0))}" ${attrs}/>`;
    case 'octagon':
      return `<polygon points="${polygon(x, y, r * 1.05, regular(8, Math.PI / 8))}" ${attrs}/>`;
    case 'round-triangle':
      return `<polygon points="${polygon(x, y, r * 1.2, regular(3, -Math.PI / 2))}" stroke-linejoin="round" ${attrs}/>`;
    case 'vee':
      return `<polygon points="${polygon(x, y, r, [
        [-1, -1],
        [0, -0.33],
        [1, -1],
        [0, 1],
      ])}" ${attrs}/>`;
    default:
      return `<circle cx="${x}" cy="${y}" r="${r}" ${attrs}/>`;
  }
}

/** The officials' thick gold double ring, as on screen. */
export function officialRing(x: number, y: number, r: number): string {
  return (
    `<circle cx="${x}" cy="${y}" r="${r + 4}" fill="none" stroke="${OFFICIAL_RING}" stroke-width="2.5"/>` +
    `<circle cx="${x}" cy="${y}" r="${r + 8}" fill="none" stroke="${OFFICIAL_RING}" stroke-width="2.5"/>`
  );
}

export type Box = Readonly<{ x0: number; y0: number; x1: number; y1: number }>;

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** A generous estimate of a label's width: no font metrics exist without a DOM. */
function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.62 + 6;
}

export type NetworkPicture = Readonly<{
  svg: string;
  /** Link labels that found no free place: drawn as numbered markers, listed under the picture. */
  footnotes: readonly Readonly<{ n: number; text: string }>[];
  /** Where every label ended up, for the tests' overlap check. */
  labelBoxes: readonly Box[];
}>;

export function networkSvg(
  entities: readonly ManifestEntity[],
  links: readonly ManifestLink[],
  strings: ReportStrings,
): NetworkPicture {
  const font = `'${REPORT_FONT_FAMILY}', sans-serif`;
  if (entities.length === 0)
    return {
      svg: `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="400" height="60" viewBox="0 0 400 60" font-family="${esc(font)}"><text x="200" y="35" text-anchor="middle" font-size="14" fill="#555">${esc(strings.noLinks)}</text></svg>`,
      footnotes: [],
      labelBoxes: [],
    };

  const nodes = [...entities].sort(
    (a, b) =>
      groupIndex(a) - groupIndex(b) ||
      displayName(a).localeCompare(displayName(b)) ||
      a.id.localeCompare(b.id),
  );
  const n = nodes.length;
  const radius = n === 1 ? 0 : Math.max(200, (n * (NODE_R * 2 + 80)) / (2 * Math.PI));
  const longest = Math.max(...nodes.map((node) => textWidth(displayName(node), 13)));
  const marginX = Math.ceil(NODE_R + 60 + longest);
  const marginY = NODE_R + 90;
  const width = Math.ceil(2 * (radius + marginX));
  const height = Math.ceil(2 * (radius + marginY));
  const cx = width / 2;
  const cy = height / 2;
  const pos = new Map<string, { x: number; y: number; angle: number }>();
  nodes.forEach((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    pos.set(node.id, {
      x: round(cx + radius * Math.cos(angle)),
      y: round(cy + radius * Math.sin(angle)),
      angle,
    });
  });

  // Every node (with its ring) is an obstacle for every label.
  const taken: Box[] = [...pos.values()].map((p) => ({
    x0: p.x - NODE_R - 9,
    y0: p.y - NODE_R - 9,
    x1: p.x + NODE_R + 9,
    y1: p.y + NODE_R + 9,
  }));
  const labelBoxes: Box[] = [];
  const free = (box: Box): boolean => taken.every((t) => !overlaps(t, box));

  const shapes: string[] = [];
  for (const node of nodes) {
    const p = pos.get(node.id);
    if (p === undefined) continue;
    const official = node.roles.includes('official');
    const name = displayName(node);
    const w = textWidth(name, 13);
    const cos = n === 1 ? 0 : Math.cos(p.angle);
    const sin = n === 1 ? 1 : Math.sin(p.angle);
    const anchor = Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
    let box: Box | undefined;
    let lx = p.x;
    let ly = p.y;
    // Outwards from the centre, step by step, until the label is clear of all else.
    for (let d = NODE_R + 14; d < NODE_R + 14 + 16 * 12; d += 8) {
      lx = p.x + cos * d;
      ly = p.y + sin * d + (Math.abs(cos) < 0.3 ? (sin > 0 ? 10 : 0) : 4);
      const x0 = anchor === 'start' ? lx : anchor === 'end' ? lx - w : lx - w / 2;
      const candidate = { x0, y0: ly - 12, x1: x0 + w, y1: ly + 4 };
      if (free(candidate)) {
        box = candidate;
        break;
      }
    }
    if (box === undefined) {
      const x0 = anchor === 'start' ? lx : anchor === 'end' ? lx - w : lx - w / 2;
      box = { x0, y0: ly - 12, x1: x0 + w, y1: ly + 4 };
    }
    taken.push(box);
    labelBoxes.push(box);
    shapes.push(
      `<g class="node" data-entity="${esc(node.id)}" data-kind="${esc(node.kind)}" data-shape="${esc(KIND_SHAPES[node.kind])}"${official ? ' data-official="true"' : ''}>` +
        (official ? officialRing(p.x, p.y, NODE_R) : '') +
        shapeSvg(node.kind, p.x, p.y, NODE_R, entityColour(node)) +
        `<text x="${round(lx)}" y="${round(ly)}" text-anchor="${anchor}" font-size="13" font-weight="${official ? 700 : 400}" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(name)}</text></g>`,
    );
  }

  const edges: string[] = [];
  const edgeLabels: string[] = [];
  const footnotes: Array<{ n: number; text: string }> = [];
  for (const link of [...links].sort((a, b) => a.id.localeCompare(b.id))) {
    const a = pos.get(link.source);
    const b = pos.get(link.target);
    if (a === undefined || b === undefined) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const pad = NODE_R + 10;
    const x1 = round(a.x + (dx / len) * pad);
    const y1 = round(a.y + (dy / len) * pad);
    const x2 = round(b.x - (dx / len) * pad);
    const y2 = round(b.y - (dy / len) * pad);
    const marker = link.directed ? ' marker-end="url(#arrow)"' : '';
    edges.push(
      `<g class="edge" data-link="${esc(link.id)}"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#455a64" stroke-width="1.8"${dashFor(link.reliability)}${marker}/></g>`,
    );
    const word =
      link.label !== undefined && link.label !== '' ? link.label : strings.linkWords[link.type];
    const text = `${word} (${link.reliability}${link.credibility})`;
    const w = textWidth(text, 11);
    let placed: Box | undefined;
    let at = { x: 0, y: 0 };
    for (const t of [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8]) {
      for (const lift of [0, -14, 14]) {
        const x = x1 + (x2 - x1) * t;
        const y = y1 + (y2 - y1) * t + lift;
        const box = { x0: x - w / 2, y0: y - 10, x1: x + w / 2, y1: y + 3 };
        if (free(box)) {
          placed = box;
          at = { x, y };
          break;
        }
      }
      if (placed !== undefined) break;
    }
    if (placed !== undefined) {
      taken.push(placed);
      labelBoxes.push(placed);
      edgeLabels.push(
        `<text x="${round(at.x)}" y="${round(at.y)}" text-anchor="middle" font-size="11" fill="#263238" stroke="#fff" stroke-width="4" paint-order="stroke">${esc(text)}</text>`,
      );
      continue;
    }
    // No room: a small numbered marker on the line, explained under the picture.
    const number = footnotes.length + 1;
    footnotes.push({ n: number, text });
    const spots: Array<{ x: number; y: number }> = [];
    for (let step = 0; step <= 16; step++) {
      const t = 0.5 + (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * 0.05;
      for (const lift of [0, -12, 12, -24, 24])
        spots.push({
          x: x1 + (x2 - x1) * t + (-(y2 - y1) / len) * lift,
          y: y1 + (y2 - y1) * t + ((x2 - x1) / len) * lift,
        });
    }
    const spot = spots.find((p) => free({ x0: p.x - 8, y0: p.y - 8, x1: p.x + 8, y1: p.y + 8 })) ??
      spots[0] ?? { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
    const box = { x0: spot.x - 8, y0: spot.y - 8, x1: spot.x + 8, y1: spot.y + 8 };
    taken.push(box);
    labelBoxes.push(box);
    edgeLabels.push(
      `<g class="footnote"><circle cx="${round(spot.x)}" cy="${round(spot.y)}" r="8" fill="#fff" stroke="#455a64"/><text x="${round(spot.x)}" y="${round(spot.y + 4)}" text-anchor="middle" font-size="10" fill="#263238">${number}</text></g>`,
    );
  }

  return {
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(font)}">` +
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#455a64"/></marker></defs>' +
      edges.join('') +
      shapes.join('') +
      `<g class="edge-labels">${edgeLabels.join('')}</g>` +
      '</svg>',
    footnotes,
    labelBoxes,
  };
}
