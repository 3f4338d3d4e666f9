/*
 * Force-directed layout of a large case off the UI thread. fcose on 5,000 entities takes
 * seconds, as long as building the canvas itself; here it runs on a headless Cytoscape while
 * the canvas is built, and only the positions come back.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResponse } from './layoutClient';

cytoscape.use(fcose);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, edges, options } = event.data;
  let response: LayoutResponse;
  try {
    const cy = cytoscape({
      headless: true,
      // fcose reads node sizes from the style: the same 26 px as the canvas (style.ts).
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 26, height: 26 } }],
      elements: [
        ...nodes.map((id) => ({ group: 'nodes' as const, data: { id } })),
        ...edges.map(([source, target], i) => ({
          group: 'edges' as const,
          data: { id: `e${i}`, source, target },
        })),
      ],
    });
    cy.layout({ name: 'fcose', ...options }).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      positions[n.id()] = n.position();
    });
    response = { ok: true, positions };
  } catch (error) {
    response = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
