/**
 * Refresh scope
 * =============
 *
 * After a state change, which nodes and edges must the graph view re-style?
 * A full sigma refresh re-runs the reducers on every node and edge and
 * re-processes the whole graph, about a hundred milliseconds of main thread
 * for a 50,000-edge corpus, plus the drawing. The reader's most frequent
 * action, switching a relation type on or off with nothing else going on,
 * changes only that type's edges and the looks of their ends (an entity left
 * with no visible relation is muted, see appearance.ts): those, and only
 * those, are re-styled in place. A selection, a hover or a search can
 * change any look but never shows or hides anything: every item is
 * re-styled, and a view whose draw order does not depend on the looks (big
 * graphs, no z-index) may do it in place. Anything else (a filter together
 * with a selection, an analysis tool) re-processes everything.
 */

import type { RelationTypeId } from '../model/index.ts';
import type { ViewIndex } from '../graph/viewIndex.ts';
import type { ExplorerState } from './explorerState.ts';

export type RefreshScope =
  | { kind: 'none' }
  | { kind: 'everything' }
  /** Re-style just these, in place: positions, sizes and draw order are unchanged. */
  | { kind: 'some'; nodes: string[]; edges: string[] }
  /** Re-style every node and edge; none is shown or hidden, and no position changes. */
  | { kind: 'looks' };

const NONE: RefreshScope = { kind: 'none' };
const EVERYTHING: RefreshScope = { kind: 'everything' };
const LOOKS: RefreshScope = { kind: 'looks' };

/** True when no selection, hover, search or analysis tool shapes the looks: each depends only on its own relations. */
function isPlainView(state: ExplorerState): boolean {
  const { analysis } = state;
  return (
    state.selection.kind === 'none' &&
    state.hoveredNode === null &&
    state.highlightedRelation === null &&
    state.search.query.trim() === '' &&
    analysis.hiddenEntityTypes.size === 0 &&
    !analysis.hideUnconnected &&
    analysis.focus === null &&
    analysis.path.from === null &&
    analysis.path.to === null &&
    analysis.hoveredRelations.length === 0
  );
}

function onlyRelationTypesDiffer(previous: ExplorerState, next: ExplorerState): boolean {
  return (
    previous.selection === next.selection &&
    previous.hoveredNode === next.hoveredNode &&
    previous.highlightedRelation === next.highlightedRelation &&
    previous.search === next.search &&
    previous.analysis === next.analysis
  );
}

/** Only the selection, the hover, the highlighted relation or the search differ: looks change, visibility cannot. */
function onlyEmphasisDiffers(previous: ExplorerState, next: ExplorerState): boolean {
  return previous.enabledTypes === next.enabledTypes && previous.analysis === next.analysis;
}

export function refreshScope(index: ViewIndex, previous: ExplorerState, next: ExplorerState): RefreshScope {
  if (previous === next) return NONE;
  if (onlyEmphasisDiffers(previous, next)) return LOOKS;
  if (!onlyRelationTypesDiffer(previous, next) || !isPlainView(previous) || !isPlainView(next)) return EVERYTHING;
  const switched: RelationTypeId[] = [];
  for (const type of index.relationTypes) if (previous.enabledTypes.has(type) !== next.enabledTypes.has(type)) switched.push(type);
  const edges: string[] = [];
  const nodes = new Set<string>();
  for (const type of switched) {
    for (const key of index.edgesByType.get(type) ?? []) {
      edges.push(key);
      const edge = index.edges.get(key);
      if (edge) nodes.add(edge.source).add(edge.target);
    }
  }
  return edges.length === 0 ? NONE : { kind: 'some', nodes: [...nodes], edges };
}
