import type cytoscape from 'cytoscape';

/**
 * Room around a node's centre: half the largest node (an official, 38 px with its ring) and a
 * little more, so that fitting to centres frames the nodes themselves.
 */
const NODE_MARGIN = 24;

/**
 * Fits the view to the nodes' centres. `cy.fit()` asks for the bounding box of every element,
 * which on a freshly mounted large case computes the full style, label sizes and link geometry
 * of 20,000 elements before anything is drawn: seconds on a slow machine. The centres are
 * already known (they were just set), so the same framing costs a pass over 5,000 positions.
 * Nodes hidden by a filter are left out, as cy.fit() leaves them out.
 */
export function fitToNodes(cy: cytoscape.Core, padding: number): void {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((node) => {
    if (node.hasClass('filtered')) return;
    const p = node.position();
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  });
  if (x1 > x2) return;
  x1 -= NODE_MARGIN;
  y1 -= NODE_MARGIN;
  x2 += NODE_MARGIN;
  y2 += NODE_MARGIN;
  const width = cy.width();
  const height = cy.height();
  const fitted = Math.min((width - 2 * padding) / (x2 - x1), (height - 2 * padding) / (y2 - y1));
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), fitted));
  cy.viewport({
    zoom,
    pan: { x: (width - zoom * (x1 + x2)) / 2, y: (height - zoom * (y1 + y2)) / 2 },
  });
}
