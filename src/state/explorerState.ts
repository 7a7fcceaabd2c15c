/**
 * Explorer state
 * ==============
 *
 * What the reader has done to the view: the selected node or edge, the node
 * under the mouse, the relation types shown, the relation picked in the side
 * panel, and the entity search typed in the legend. Every change is a pure transition `(args) => (state) => state`
 * so the UI, the tests and a future URL/undo layer all drive it the same way;
 * a transition that changes nothing returns the very same object, which lets
 * React and the graph renderer skip work.
 */

import type { Entity, RelationTypeId } from '../model/index.ts';
import { INITIAL_ANALYSIS, type AnalysisState } from './analysis.ts';
import { searchEntities } from './entitySearch.ts';

export type Selection = { kind: 'none' } | { kind: 'node'; id: string } | { kind: 'edge'; id: string };

export interface ExplorerState {
  selection: Selection;
  hoveredNode: string | null;
  /** Relation types whose edges are drawn (the legend is this filter). */
  enabledTypes: ReadonlySet<RelationTypeId>;
  /** The relation picked in the side panel (or the clicked edge): drawn emphasised. */
  highlightedRelation: string | null;
  /** The entity search box: its text and the ids of the entities it finds (drawn in focus). */
  search: { query: string; matches: readonly string[] };
  /** Entity-type filter, neighbourhood focus, path, article hover (see analysis.ts). */
  analysis: AnalysisState;
}

export type Transition = (state: ExplorerState) => ExplorerState;

const NO_SELECTION: Selection = { kind: 'none' };
const NO_SEARCH: ExplorerState['search'] = { query: '', matches: [] };

export function initialExplorerState(relationTypes: Iterable<RelationTypeId>): ExplorerState {
  return { selection: NO_SELECTION, hoveredNode: null, enabledTypes: new Set(relationTypes), highlightedRelation: null, search: NO_SEARCH, analysis: INITIAL_ANALYSIS };
}

export const selectNode =
  (id: string): Transition =>
  (state) =>
    state.selection.kind === 'node' && state.selection.id === id && state.highlightedRelation === null
      ? state
      : { ...state, selection: { kind: 'node', id }, highlightedRelation: null };

/** Selecting an edge also highlights it: the panel and the graph show the same relation. */
export const selectEdge =
  (id: string): Transition =>
  (state) =>
    state.selection.kind === 'edge' && state.selection.id === id && state.highlightedRelation === id
      ? state
      : { ...state, selection: { kind: 'edge', id }, highlightedRelation: id };

export const clearSelection = (): Transition => (state) =>
  state.selection.kind === 'none' && state.highlightedRelation === null
    ? state
    : { ...state, selection: NO_SELECTION, highlightedRelation: null };

export const hoverNode =
  (id: string | null): Transition =>
  (state) =>
    state.hoveredNode === id ? state : { ...state, hoveredNode: id };

/** Picking the highlighted relation again un-highlights it. */
export const toggleHighlightedRelation =
  (id: string): Transition =>
  (state) => ({ ...state, highlightedRelation: state.highlightedRelation === id ? null : id });

export const toggleRelationType =
  (type: RelationTypeId): Transition =>
  (state) => {
    const enabledTypes = new Set(state.enabledTypes);
    if (enabledTypes.has(type)) enabledTypes.delete(type);
    else enabledTypes.add(type);
    return { ...state, enabledTypes };
  };

export const showAllRelationTypes =
  (types: Iterable<RelationTypeId>): Transition =>
  (state) => {
    const all = new Set(types);
    return sameSet(all, state.enabledTypes) ? state : { ...state, enabledTypes: all };
  };

export const hideAllRelationTypes = (): Transition => (state) =>
  state.enabledTypes.size === 0 ? state : { ...state, enabledTypes: new Set() };

/** Searching among `entities`; the matches are computed here once, not per drawn node. */
export const setSearch =
  (query: string, entities: readonly Entity[]): Transition =>
  (state) => {
    if (query === state.search.query) return state;
    if (query.trim() === '') return { ...state, search: query === '' ? NO_SEARCH : { query, matches: [] } };
    return { ...state, search: { query, matches: searchEntities(entities, query).map((hit) => hit.entity.id) } };
  };

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
