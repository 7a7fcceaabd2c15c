/**
 * Step back (Escape)
 * ==================
 *
 * Escape undoes the innermost thing the reader has narrowed the view to, one
 * press at a time: first the selection (and the relation highlighted in it),
 * then the neighbourhood, then the traced path. A reader who narrowed to
 * an entity and pressed Escape would otherwise be left with a graph cut down
 * to a neighbourhood and no panel saying why.
 */

import { clearNeighbourhood, clearPath } from './analystTools.ts';
import { clearSelection, type Transition } from './explorerState.ts';

export const stepBack = (): Transition => (state) => {
  if (state.selection.kind !== 'none' || state.highlightedRelation !== null) return clearSelection()(state);
  if (state.tools.neighbourhood !== null) return clearNeighbourhood()(state);
  return clearPath()(state);
};
