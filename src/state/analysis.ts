/**
 * Analysis state
 * ==============
 *
 * The analyst's tools layered on the explorer: which entity types are shown,
 * whether entities left with no visible relation are hidden, a 1- or 2-step
 * neighbourhood focus, the two ends of a "how is X connected to Y?" path, the
 * sentence hovered in the article pane and the last camera request. Kept in
 * one sub-object of `ExplorerState` so the derived view (visibility, path) is
 * memoised on its identity: hovering a node does not recompute a path.
 * Transitions follow the explorer's rule: no change returns the same object.
 */

import type { EntityTypeId } from '../model/index.ts';
import type { ExplorerState, Transition } from './explorerState.ts';

export type FocusDepth = 1 | 2;

export interface AnalysisState {
  hiddenEntityTypes: ReadonlySet<EntityTypeId>;
  hideUnconnected: boolean;
  /** Show only this node's neighbourhood, `depth` steps over visible relations. */
  focus: { node: string; depth: FocusDepth } | null;
  /** The ends of the path being traced; the path shows once both are set. */
  path: { from: string | null; to: string | null };
  /** Relations supported by the sentence under the pointer in the article pane. */
  hoveredRelations: readonly string[];
  /** Ask the graph view to glide to a node; `seq` makes a repeated request for the same node count. */
  camera: { node: string; seq: number } | null;
}

export const INITIAL_ANALYSIS: AnalysisState = {
  hiddenEntityTypes: new Set(),
  hideUnconnected: false,
  focus: null,
  path: { from: null, to: null },
  hoveredRelations: [],
  camera: null,
};

function withAnalysis(state: ExplorerState, analysis: AnalysisState): ExplorerState {
  return analysis === state.analysis ? state : { ...state, analysis };
}

export const toggleEntityType =
  (type: EntityTypeId): Transition =>
  (state) => {
    const hidden = new Set(state.analysis.hiddenEntityTypes);
    if (hidden.has(type)) hidden.delete(type);
    else hidden.add(type);
    return withAnalysis(state, { ...state.analysis, hiddenEntityTypes: hidden });
  };

export const showAllEntityTypes = (): Transition => (state) =>
  state.analysis.hiddenEntityTypes.size === 0 ? state : withAnalysis(state, { ...state.analysis, hiddenEntityTypes: new Set() });

export const setHideUnconnected =
  (hide: boolean): Transition =>
  (state) =>
    state.analysis.hideUnconnected === hide ? state : withAnalysis(state, { ...state.analysis, hideUnconnected: hide });

export const setFocus =
  (node: string, depth: FocusDepth): Transition =>
  (state) => {
    const current = state.analysis.focus;
    if (current && current.node === node && current.depth === depth) return state;
    return withAnalysis(state, { ...state.analysis, focus: { node, depth } });
  };

export const clearFocus = (): Transition => (state) =>
  state.analysis.focus === null ? state : withAnalysis(state, { ...state.analysis, focus: null });

export const setPathEnd =
  (end: 'from' | 'to', node: string | null): Transition =>
  (state) => {
    if (state.analysis.path[end] === node) return state;
    return withAnalysis(state, { ...state.analysis, path: { ...state.analysis.path, [end]: node } });
  };

export const swapPathEnds = (): Transition => (state) => {
  const { from, to } = state.analysis.path;
  return from === to ? state : withAnalysis(state, { ...state.analysis, path: { from: to, to: from } });
};

export const clearPath = (): Transition => (state) =>
  state.analysis.path.from === null && state.analysis.path.to === null
    ? state
    : withAnalysis(state, { ...state.analysis, path: { from: null, to: null } });

export const hoverRelations =
  (ids: readonly string[]): Transition =>
  (state) => {
    const current = state.analysis.hoveredRelations;
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return state;
    return withAnalysis(state, { ...state.analysis, hoveredRelations: ids });
  };

export const requestCamera =
  (node: string): Transition =>
  (state) =>
    withAnalysis(state, { ...state.analysis, camera: { node, seq: (state.analysis.camera?.seq ?? 0) + 1 } });
