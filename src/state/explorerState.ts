/**
 * Explorer state
 * ==============
 *
 * What the reader has done to the view: the selected node or edge, the node
 * under the mouse, the relation types shown, the relation picked in the side
 * panel, the entity search typed in the legend, the articles shown (for a
 * corpus), the analyst's tools (analystTools.ts) and the last camera request.
 * Every change is a pure transition `(args) => (state) => state`
 * so the UI, the tests and the URL (shareableView.ts) all drive it the same way;
 * a transition that changes nothing returns the very same object, which lets
 * React and the graph renderer skip work.
 */

import type { DayWindow, Entity, EntityTypeId, RelationTypeId } from '../model/index.ts';
import { toggledDocuments } from './documentFilter.ts';
import { searchEntities } from './entitySearch.ts';

export type WidthBy = 'sentences' | 'outlets';

export type Selection = { kind: 'none' } | { kind: 'node'; id: string } | { kind: 'edge'; id: string };

export type NeighbourhoodDepth = 1 | 2;

/**
 * The analyst's tools layered on the explorer (transitions in analystTools.ts):
 * kept in one sub-object so the scene (scene.ts) can tell at a glance whether
 * any of them changed.
 */
export interface AnalystTools {
  hiddenEntityTypes: ReadonlySet<EntityTypeId>;
  hideUnconnected: boolean;
  /** Show only this node's neighbourhood, `depth` steps over visible relations. */
  neighbourhood: { node: string; depth: NeighbourhoodDepth } | null;
  /** The ends of the path being traced; the path shows once both are set. */
  path: { from: string | null; to: string | null };
  /** Relations supported by the sentence under the pointer in the article pane. */
  hoveredRelations: readonly string[];
  /** Draw only the relations the analyst has not reviewed yet (the review's "unreviewed only" filter). */
  unreviewedOnly: boolean;
}

export const INITIAL_TOOLS: AnalystTools = {
  hiddenEntityTypes: new Set(),
  hideUnconnected: false,
  neighbourhood: null,
  path: { from: null, to: null },
  hoveredRelations: [],
  unreviewedOnly: false,
};

export interface ExplorerState {
  selection: Selection;
  hoveredNode: string | null;
  /** Relation types whose edges are drawn (the legend is this filter). */
  enabledTypes: ReadonlySet<RelationTypeId>;
  /** The relation picked in the side panel (or the clicked edge): drawn emphasised. */
  highlightedRelation: string | null;
  /** The entity search box: its text and the ids of the entities it finds (drawn in focus). */
  search: { query: string; matches: readonly string[] };
  /** Articles shown, for a corpus; null = all (the article filter). */
  documents: ReadonlySet<string> | null;
  /** The timeline's window: relations reported on a day inside it (day numbers, inclusive); null = all time, undated included. */
  window: DayWindow | null;
  /** Keep relations reported by at least this many outlets (wire copies counted once); 1 keeps all. */
  minOutlets: number;
  /** What an edge's width shows: its number of supporting sentences, or of outlets. */
  widthBy: WidthBy;
  /** Entity-type filter, neighbourhood, path, article hover (see analystTools.ts). */
  tools: AnalystTools;
  /** Ask the graph view to glide to a node; `seq` makes a repeated request for the same node count. */
  camera: { node: string; seq: number } | null;
  /** Where the reader left the camera (sigma's camera state), for the shareable link; absent until it moves. */
  view?: CameraView | null;
  /** A camera to jump to (a link was opened); `seq` makes a repeated restore count. */
  viewRequest?: { view: CameraView; seq: number } | null;
}

/** sigma's camera: centre in normalised graph coordinates, and zoom ratio (1 = whole graph). */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export type Transition = (state: ExplorerState) => ExplorerState;

const NO_SELECTION: Selection = { kind: 'none' };
const NO_SEARCH: ExplorerState['search'] = { query: '', matches: [] };

export function initialExplorerState(relationTypes: Iterable<RelationTypeId>): ExplorerState {
  return {
    selection: NO_SELECTION,
    hoveredNode: null,
    enabledTypes: new Set(relationTypes),
    highlightedRelation: null,
    search: NO_SEARCH,
    documents: null,
    window: null,
    minOutlets: 1,
    widthBy: 'sentences',
    tools: INITIAL_TOOLS,
    camera: null,
    view: null,
    viewRequest: null,
  };
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

/** Shows or hides one article of `all` (the last one shown stays: see documentFilter.ts). */
export const toggleDocument =
  (all: readonly string[], id: string): Transition =>
  (state) => {
    const documents = toggledDocuments(state.documents, all, id);
    return documents === state.documents ? state : { ...state, documents };
  };

/** The timeline's window (null: all time). A window equal to the current one changes nothing. */
export const setWindow =
  (window: DayWindow | null): Transition =>
  (state) =>
    window === state.window || (window !== null && state.window !== null && window.from === state.window.from && window.to === state.window.to)
      ? state
      : { ...state, window: window === null ? null : { from: Math.min(window.from, window.to), to: Math.max(window.from, window.to) } };

/** Keep relations reported by at least `count` outlets (whole numbers from 1). */
export const setMinOutlets =
  (count: number): Transition =>
  (state) => {
    const minOutlets = Number.isFinite(count) ? Math.max(1, Math.floor(count)) : 1;
    return minOutlets === state.minOutlets ? state : { ...state, minOutlets };
  };

export const setWidthBy =
  (widthBy: WidthBy): Transition =>
  (state) =>
    widthBy === state.widthBy ? state : { ...state, widthBy };

/** The canvas reports where the camera came to rest (never re-requests it: that would fight the reader). */
export const noteView =
  (view: CameraView | null): Transition =>
  (state) => {
    const old = state.view ?? null;
    if (old === view || (old !== null && view !== null && old.x === view.x && old.y === view.y && old.ratio === view.ratio)) return state;
    return { ...state, view };
  };

/** Ask the canvas to put the camera at `view` (an opened link). */
export const requestView =
  (view: CameraView): Transition =>
  (state) => ({ ...state, view, viewRequest: { view, seq: (state.viewRequest?.seq ?? 0) + 1 } });

export const requestCamera =
  (node: string): Transition =>
  (state) => ({ ...state, camera: { node, seq: (state.camera?.seq ?? 0) + 1 } });

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
