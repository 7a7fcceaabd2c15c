/**
 * Step back (Escape)
 * ==================
 *
 * Escape undoes the innermost thing the reader has narrowed the view to, one
 * press at a time: first the selection (and the relation highlighted in it),
 * then the neighbourhood focus, then the traced path. A reader who focused on
 * an entity and pressed Escape would otherwise be left with a graph cut down
 * to a neighbourhood and no panel saying why.
 */

import { clearFocus, clearPath } from './analysis.ts';
import { clearSelection, type Transition } from './explorerState.ts';

export const stepBack = (): Transition => (state) => {
  if (state.selection.kind !== 'none' || state.highlightedRelation !== null) return clearSelection()(state);
  if (state.analysis.focus !== null) return clearFocus()(state);
  return clearPath()(state);
};
