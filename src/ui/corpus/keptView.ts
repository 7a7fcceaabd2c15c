/**
 * Keeping the camera as the drawn graph grows
 * ===========================================
 *
 * In corpus mode a grown graph is swapped into sigma. sigma's camera lives
 * in normalised coordinates (the graph's bounding box mapped to 0…1), which
 * mean other places once the box has grown, so the centre of the view is
 * carried as a graph point and put back in the new box's coordinates. The
 * zoom (the camera ratio) is kept as it is: sigma sizes nodes and labels by
 * it, so keeping the graph's scale instead would blow every disc up each
 * time the box grew. The entities already drawn keep their positions
 * (state/corpusPlacement.ts): on screen the drawing stays centred where it
 * was, only drawn smaller when new entities widened it.
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../../graph/attributes.ts';

export interface KeptView {
  /** The graph point at the centre of the canvas. */
  centre: { x: number; y: number };
  ratio: number;
  angle: number;
}

type Drawing = Sigma<NodeAttributes, EdgeAttributes>;

/** The view on screen now (null while the canvas has no size). */
export function keepView(sigma: Drawing): KeptView | null {
  const { width, height } = sigma.getDimensions();
  if (width === 0 || height === 0) return null;
  const { ratio, angle } = sigma.getCamera().getState();
  return { centre: sigma.viewportToGraph({ x: width / 2, y: height / 2 }), ratio, angle };
}

/** Points sigma, on whatever graph and bounding box it now has, at a kept view. */
export function restoreView(sigma: Drawing, view: KeptView): void {
  // The kept centre in sigma's normalised coordinates (through the viewport and back: the camera cancels out).
  const framed = sigma.viewportToFramedGraph(sigma.graphToViewport(view.centre));
  if (!Number.isFinite(framed.x) || !Number.isFinite(framed.y)) return;
  sigma.getCamera().setState({ x: framed.x, y: framed.y, ratio: view.ratio, angle: view.angle });
}
