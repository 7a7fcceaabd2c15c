/**
 * Fit the graph with its labels
 * =============================
 *
 * sigma fits the node positions to the canvas, but labels hang off to the
 * right of their nodes in screen pixels, so names of the right-most nodes run
 * off the canvas. This widens sigma's bounding box on the right, in graph
 * units, until every label ends inside the canvas at the default camera
 * (on a phone, only so far). It
 * uses sigma's own coordinate conversions, so it holds for any canvas size;
 * the component calls it at start and whenever sigma resizes.
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';
import { LABEL_GAP } from '../graph/labelPlacement.ts';
import { LABEL_PASS_MAX_NODES } from '../graph/layout.ts';
import { rereadPositions } from './sigmaRefresh.ts';

const HOME_CAMERA = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
/** Canvases narrower than this (CSS pixels) are phones. */
const NARROW_CANVAS = 600;

export function fitGraphWithLabels(
  sigma: Sigma<NodeAttributes, EdgeAttributes>,
  measureLabel: (label: string) => number,
  margin = 10,
): void {
  const graph = sigma.getGraph();
  // Measured against sigma's own fit: undo a previous widening (right after construction there is none to undo).
  if (sigma.getCustomBBox() !== null) {
    sigma.setCustomBBox(null);
    rereadPositions(sigma);
  }
  // Past this size not every label is drawn, and a few cut-off names are fine.
  if (graph.order === 0 || graph.order > LABEL_PASS_MAX_NODES) return;
  const base = sigma.getBBox();
  const { width } = sigma.getDimensions();
  // On a phone, room for the longest name would squeeze the graph into a corner (its labels then overlap):
  // widen by at most a quarter there, and let a long name run off the edge until the reader zooms or pans.
  const maxExtra = width < NARROW_CANVAS ? 0.25 * (base.x[1] - base.x[0]) : Infinity;
  let extra = 0;
  for (let round = 0; round < 4; round++) {
    let overflow = 0;
    graph.forEachNode((_node, attributes) => {
      const centre = sigma.graphToViewport(attributes, { cameraState: HOME_CAMERA });
      const right = centre.x + sigma.scaleSize(attributes.size, 1) + LABEL_GAP + measureLabel(attributes.label);
      overflow = Math.max(overflow, right - (width - margin));
    });
    if (overflow <= 0.5) return;
    extra = Math.min(maxExtra, extra + overflow / sigma.getGraphToViewportRatio());
    sigma.setCustomBBox({ x: [base.x[0], base.x[1] + extra], y: [base.y[0], base.y[1]] });
    rereadPositions(sigma);
  }
}

/** Measures label text in the same font sigma's label drawer uses. */
export function createLabelMeasurer(font: string): (label: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (label) => label.length * 8;
  context.font = font;
  const cache = new Map<string, number>();
  return (label) => {
    let width = cache.get(label);
    if (width === undefined) {
      width = context.measureText(label).width;
      cache.set(label, width);
    }
    return width;
  };
}
