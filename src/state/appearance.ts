/**
 * Appearance decisions
 * ====================
 *
 * Given the explorer state, how should each node and edge look? These are the
 * decisions behind sigma's nodeReducer/edgeReducer, kept here as pure
 * functions over the precomputed view index so they are unit-tested in Node
 * and the renderer only translates a look into colours and sizes.
 *
 * Rules, in order:
 *  - an edge whose relation type is switched off is hidden;
 *  - the highlighted relation is emphasised;
 *  - while a node is hovered (or, failing that, selected) it and its visible
 *    neighbours are in focus and everything else is dimmed; a selected edge
 *    likewise keeps its two ends in focus;
 *  - otherwise, while the entity search has text, the entities it finds are in
 *    focus and the rest dimmed;
 *  - a node whose relations are all filtered out is muted (faded, still labelled).
 *
 * With an `AnalysisView` (analysisView.ts) first: nodes and edges it leaves
 * out are hidden; a traced path, or the relations of the sentence hovered in
 * the article, are emphasised and everything else dimmed.
 */

import { otherEnd, type ViewIndex } from '../graph/viewIndex.ts';
import type { AnalysisView } from './analysisView.ts';
import type { ExplorerState } from './explorerState.ts';

export type EdgeLook = 'hidden' | 'dimmed' | 'normal' | 'highlighted';
export type NodeLook = 'selected' | 'focus' | 'normal' | 'muted' | 'dimmed' | 'hidden';

/** The node whose neighbourhood is in focus: the hovered node, else the selected one. */
export function focusNode(state: ExplorerState): string | null {
  if (state.hoveredNode !== null) return state.hoveredNode;
  return state.selection.kind === 'node' ? state.selection.id : null;
}

/** The edge whose ends are in focus when no node is: the selected edge. */
function focusEdge(state: ExplorerState): string | null {
  if (state.hoveredNode !== null) return null;
  return state.selection.kind === 'edge' ? state.selection.id : null;
}

export function isEdgeVisible(index: ViewIndex, state: ExplorerState, edge: string): boolean {
  const indexed = index.edges.get(edge);
  return indexed !== undefined && state.enabledTypes.has(indexed.type);
}

export function edgeLook(index: ViewIndex, state: ExplorerState, edge: string, analysis?: AnalysisView): EdgeLook {
  const indexed = index.edges.get(edge);
  if (indexed === undefined || !state.enabledTypes.has(indexed.type)) return 'hidden';
  if (analysis) {
    if (!analysis.visibleEdges.has(edge)) return 'hidden';
    if (analysis.hoveredEdges.size > 0) return analysis.hoveredEdges.has(edge) ? 'highlighted' : 'dimmed';
    if (analysis.path?.kind === 'found') return analysis.path.edges.has(edge) ? 'highlighted' : 'dimmed';
  }
  if (edge === state.highlightedRelation) return 'highlighted';
  const node = focusNode(state);
  if (node !== null) return indexed.source === node || indexed.target === node ? 'normal' : 'dimmed';
  const selectedEdge = focusEdge(state);
  if (selectedEdge !== null) return 'dimmed';
  if (state.search.query.trim() !== '') return 'dimmed';
  return 'normal';
}

/** The last focus neighbourhood computed: the reducers ask once per node per frame, and the answer is the same for all. */
let lastNeighbourhood: { index: ViewIndex; enabledTypes: ReadonlySet<string>; focus: string; nodes: ReadonlySet<string> } | null = null;

/** `focus` and the nodes joined to it by a visible edge (computed once per focus and filter, not per node). */
function visibleNeighbourhood(index: ViewIndex, state: ExplorerState, focus: string): ReadonlySet<string> {
  const last = lastNeighbourhood;
  if (last && last.index === index && last.enabledTypes === state.enabledTypes && last.focus === focus) return last.nodes;
  const nodes = new Set([focus]);
  for (const key of index.nodeEdges.get(focus) ?? []) {
    const edge = index.edges.get(key);
    if (edge && state.enabledTypes.has(edge.type)) nodes.add(otherEnd(edge, focus));
  }
  lastNeighbourhood = { index, enabledTypes: state.enabledTypes, focus, nodes };
  return nodes;
}

function isEndOf(index: ViewIndex, edge: string | null, node: string): boolean {
  if (edge === null) return false;
  const indexed = index.edges.get(edge);
  return indexed !== undefined && (indexed.source === node || indexed.target === node);
}

function hasVisibleEdge(index: ViewIndex, state: ExplorerState, node: string): boolean {
  const incident = index.nodeEdges.get(node);
  if (!incident || incident.length === 0) return true; // an isolated entity is not "filtered out"
  for (const key of incident) {
    const edge = index.edges.get(key);
    if (edge && state.enabledTypes.has(edge.type)) return true;
  }
  return false;
}

export function nodeLook(index: ViewIndex, state: ExplorerState, node: string, analysis?: AnalysisView): NodeLook {
  if (analysis) {
    if (analysis.visibleNodes !== null && !analysis.visibleNodes.has(node)) return 'hidden';
    if (analysis.hoveredEnds.size > 0) return analysis.hoveredEnds.has(node) ? 'focus' : 'dimmed';
    if (analysis.path?.kind === 'found') {
      const { from, to } = state.analysis.path;
      if (node === from || node === to) return 'selected';
      return analysis.path.nodes.has(node) ? 'focus' : 'dimmed';
    }
  }
  const selection = state.selection;
  const selected =
    (selection.kind === 'node' && selection.id === node) || (selection.kind === 'edge' && isEndOf(index, selection.id, node));
  if (selected) return 'selected';
  const highlighted = state.highlightedRelation;
  if (highlighted !== null && isEdgeVisible(index, state, highlighted) && isEndOf(index, highlighted, node)) return 'focus';
  const focus = focusNode(state);
  if (focus !== null) return visibleNeighbourhood(index, state, focus).has(node) ? 'focus' : 'dimmed';
  if (focusEdge(state) !== null) return 'dimmed';
  if (state.search.query.trim() !== '') return state.search.matches.includes(node) ? 'focus' : 'dimmed';
  return hasVisibleEdge(index, state, node) ? 'normal' : 'muted';
}
