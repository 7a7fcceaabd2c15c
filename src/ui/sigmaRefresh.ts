/**
 * The two partial refreshes of sigma 3 the explorer relies on
 * ===========================================================
 *
 * `sigma.refresh()` with no argument re-runs the reducers on every node and
 * edge and re-indexes the whole graph. Two cheaper forms, named here because
 * their meaning hides in the options:
 *  - re-reading positions: an empty partial refresh runs no reducer but
 *    re-processes the graph (sigma reads x/y and recomputes its bounding box);
 *  - re-styling in place: the given items go through the reducers and are
 *    written back into their slots, with no re-indexing (positions, sizes and
 *    draw order must be unchanged).
 *
 * Sigma throws on an in-place re-style ("can't be repaint") while a full
 * refresh it has scheduled itself is pending (a resize, a settings change:
 * the slots are cleared until the next frame re-indexes them). Then the
 * re-style becomes a full refresh, which that frame needed anyway.
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';

type NewsSigma = Sigma<NodeAttributes, EdgeAttributes>;

export function rereadPositions(sigma: NewsSigma, { schedule = false } = {}): void {
  sigma.refresh({ partialGraph: { nodes: [] }, schedule });
}

export function restyleInPlace(sigma: NewsSigma, nodes: readonly string[], edges: readonly string[]): void {
  try {
    sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("can't be repaint")) throw error;
    sigma.refresh();
  }
}
