import { LINE_DASH, ROLE_ORDER, lineStyle, primaryName, roleColour } from '../model';
import { esc } from './html';
import type { ManifestEntity, ManifestLink } from './types';

/*
 * The report's network picture: an inline SVG with a circular layout. The layout depends only
 * on the bundle's content (grouped by role, then by name), so the same bundle always draws the
 * same picture and a printed copy matches the file. A force layout would read better for big
 * graphs, but it is not reproducible without seeding and prosecutors' bundles are small.
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

/** Line style carries the source's reliability, as on the app's network view. */
function dashFor(reliability: ManifestLink['reliability']): string {
  const dash = LINE_DASH[lineStyle(reliability)];
  return dash === '' ? '' : ` stroke-dasharray="${dash}"`;
}

const NODE_R = 16;

const EDGE_WORDS: Readonly<Partial<Record<ManifestLink['type'], string>>> = {
  memberOf: 'member of',
  worksFor: 'works for',
  colludedWith: 'colluded with',
};

function nodeShape(entity: ManifestEntity, x: number, y: number): string {
  const fill = entityColour(entity);
  const official = entity.roles.includes('official');
  // A second ring makes officials unmistakable even in a black-and-white print.
  const ring = official
    ? `<circle cx="${x}" cy="${y}" r="${NODE_R + 5}" fill="none" stroke="${fill}" stroke-width="2.5"/>`
    : '';
  if (entity.kind === 'person')
    return `${ring}<circle cx="${x}" cy="${y}" r="${NODE_R}" fill="${fill}" stroke="#fff" stroke-width="2"/>`;
  if (entity.kind === 'organization')
    return `${ring}<rect x="${x - NODE_R}" y="${y - NODE_R}" width="${NODE_R * 2}" height="${NODE_R * 2}" rx="4" fill="${fill}" stroke="#fff" stroke-width="2"/>`;
  const r = NODE_R + 2;
  return `${ring}<polygon points="${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}" fill="${fill}" stroke="#fff" stroke-width="2"/>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function networkSvg(
  entities: readonly ManifestEntity[],
  links: readonly ManifestLink[],
): string {
  if (entities.length === 0)
    return '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Network (empty)" width="400" height="60" viewBox="0 0 400 60"><text x="200" y="35" text-anchor="middle" font-size="14" fill="#555">No people or links in this bundle.</text></svg>';

  const nodes = [...entities].sort(
    (a, b) =>
      groupIndex(a) - groupIndex(b) ||
      displayName(a).localeCompare(displayName(b)) ||
      a.id.localeCompare(b.id),
  );
  const n = nodes.length;
  const radius = n === 1 ? 0 : Math.max(180, (n * (NODE_R * 2 + 70)) / (2 * Math.PI));
  // Room on each side for the longest name, written outwards from its node (about 7.5 px per
  // character of 13 px bold text), so that no label is cut off at the picture's edge.
  const longest = Math.max(...nodes.map((node) => displayName(node).length));
  const marginX = Math.ceil(NODE_R + 24 + longest * 7.5);
  const marginY = NODE_R + 40;
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

  const edges: string[] = [];
  const edgeLabels: string[] = [];
  for (const link of [...links].sort((a, b) => a.id.localeCompare(b.id))) {
    const a = pos.get(link.source);
    const b = pos.get(link.target);
    if (a === undefined || b === undefined) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const pad = NODE_R + 6;
    const x1 = round(a.x + (dx / len) * pad);
    const y1 = round(a.y + (dy / len) * pad);
    const x2 = round(b.x - (dx / len) * pad);
    const y2 = round(b.y - (dy / len) * pad);
    const marker = link.directed ? ' marker-end="url(#arrow)"' : '';
    const label =
      link.label !== undefined && link.label !== ''
        ? link.label
        : (EDGE_WORDS[link.type] ?? link.type);
    edges.push(
      `<g class="edge" data-link="${esc(link.id)}"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#455a64" stroke-width="1.8"${dashFor(link.reliability)}${marker}/></g>`,
    );
    // Labels go in a layer above every line, so that no later line strikes through them.
    edgeLabels.push(
      `<text x="${round((x1 + x2) / 2)}" y="${round((y1 + y2) / 2 - 4)}" text-anchor="middle" font-size="11" fill="#263238" stroke="#fff" stroke-width="4" paint-order="stroke">${esc(label)} (${esc(link.reliability)}${esc(link.credibility)})</text>`,
    );
  }

  const shapes: string[] = [];
  for (const node of nodes) {
    const p = pos.get(node.id);
    if (p === undefined) continue;
    const cos = Math.cos(p.angle);
    const sin = Math.sin(p.angle);
    // Labels sit outside the circle, so they never cross the edges inside it.
    const lx = round(n === 1 ? p.x : p.x + cos * (NODE_R + 12));
    const ly = round(n === 1 ? p.y + NODE_R + 18 : p.y + sin * (NODE_R + 12) + 4);
    const anchor = n === 1 || Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
    const dy = n !== 1 && Math.abs(cos) < 0.3 ? (sin > 0 ? 10 : -4) : 0;
    shapes.push(
      `<g class="node" data-entity="${esc(node.id)}">${nodeShape(node, p.x, p.y)}` +
        `<text x="${lx}" y="${round(ly + dy)}" text-anchor="${anchor}" font-size="13" font-weight="600" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(displayName(node))}</text></g>`,
    );
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Network of the people and links in this bundle" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, 'Noto Sans', 'Noto Sans Khmer', 'Noto Sans Thai', sans-serif">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#455a64"/></marker></defs>' +
    edges.join('') +
    `<g class="edge-labels">${edgeLabels.join('')}</g>` +
    shapes.join('') +
    '</svg>'
  );
}
