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
 */

import type Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes } from '../graph/attributes.ts';

type NewsSigma = Sigma<NodeAttributes, EdgeAttributes>;

export function rereadPositions(sigma: NewsSigma, { schedule = false } = {}): void {
  sigma.refresh({ partialGraph: { nodes: [] }, schedule });
}

export function restyleInPlace(sigma: NewsSigma, nodes: readonly string[], edges: readonly string[]): void {
  sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
}
