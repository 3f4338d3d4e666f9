import type cytoscape from 'cytoscape';
import { OFFICIAL_RING } from './graphModel';

/**
 * The canvas stylesheet. Colours and shapes come from each element's data (set from
 * graphModel.ts), so that switching between role and ring colours, or turning victim
 * protection on, changes data rather than the stylesheet.
 */
export function networkStyle(large: boolean): cytoscape.StylesheetStyle[] {
  return [
    {
      selector: 'node',
      style: {
        shape: 'data(shape)' as cytoscape.Css.NodeShape,
        'background-color': 'data(colour)',
        label: 'data(label)',
        width: 26,
        height: 26,
        'font-size': 10,
        'font-family': 'Noto Sans, Noto Sans Khmer, Noto Sans Thai, sans-serif',
        color: '#212121',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        // The thin white border only separates overlapping nodes; on a large case it doubles
        // the cost of drawing every node for a difference no one sees at that zoom. There it
        // is not set at all (0 is Cytoscape's default): each property set costs Cytoscape work
        // per node when the style is computed, and officials set their own border below.
        ...(large ? {} : { 'border-width': 1, 'border-color': '#ffffff' }),
        // Labels on thousands of nodes are unreadable and the slowest part of a draw: on a
        // large case they appear once the user zooms in past 140 %, well past the zoom at which
        // the whole case fits, so the first picture and a Fit draw none.
        ...(large ? { 'min-zoomed-font-size': 14 } : {}),
      },
    },
    {
      // Officials are unmistakable whatever the colour mode: larger, with a thick gold double
      // ring and their label in bold.
      selector: 'node[?official]',
      style: {
        width: 38,
        height: 38,
        'border-width': 7,
        'border-style': 'double',
        'border-color': OFFICIAL_RING,
        'font-weight': 'bold',
      },
    },
    { selector: 'node[?pinned]', style: { 'outline-width': 2, 'outline-color': '#424242' } },
    {
      selector: 'node:selected',
      style: { 'overlay-color': '#1565c0', 'overlay-opacity': 0.25, 'overlay-padding': 6 },
    },
    { selector: '.path', style: { 'underlay-color': '#ffd600', 'underlay-opacity': 0.8 } },
    { selector: '.filtered', style: { display: 'none' } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#90a4ae',
        // Arrows are drawn only on a smaller case (see edge[?directed] below).
        ...(large ? {} : { 'target-arrow-color': '#90a4ae' }),
        'curve-style': large ? 'haystack' : 'bezier',
        'line-style': 'data(lineStyle)' as cytoscape.Css.LineStyle,
        // A large case draws no link labels, so its links carry no label style either: each
        // property is applied to 15,000 links when the canvas is mounted.
        ...(large
          ? {}
          : {
              label: 'data(label)',
              'font-size': 8,
              color: '#546e7a',
              'text-rotation': 'autorotate',
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.8,
              'min-zoomed-font-size': 7,
            }),
      },
    },
    // A large case draws no arrows (at the zoom that shows the whole case they are specks), so
    // its links are not matched against this selector at all.
    ...(large
      ? []
      : [{ selector: 'edge[?directed]', style: { 'target-arrow-shape': 'triangle' as const } }]),
    {
      selector: 'edge:selected',
      style: { 'line-color': '#1565c0', 'target-arrow-color': '#1565c0', width: 3 },
    },
  ];
}
