/**
 * Analyst tools — transitions
 * ===========================
 *
 * The analyst's tools layered on the explorer: which entity types are shown,
 * whether entities left with no visible relation are hidden, a 1- or 2-step
 * neighbourhood, the two ends of a "how is X connected to Y?" path and the
 * sentence hovered in the article pane. Their state lives in
 * `ExplorerState.tools` (explorerState.ts); what they leave on screen is
 * decided in scene.ts. Transitions follow the explorer's rule: no change
 * returns the same object.
 */

import type { EntityTypeId } from '../model/index.ts';
import type { AnalystTools, ExplorerState, NeighbourhoodDepth, Transition } from './explorerState.ts';

function withTools(state: ExplorerState, tools: AnalystTools): ExplorerState {
  return tools === state.tools ? state : { ...state, tools };
}

export const toggleEntityType =
  (type: EntityTypeId): Transition =>
  (state) => {
    const hidden = new Set(state.tools.hiddenEntityTypes);
    if (hidden.has(type)) hidden.delete(type);
    else hidden.add(type);
    return withTools(state, { ...state.tools, hiddenEntityTypes: hidden });
  };

export const showAllEntityTypes = (): Transition => (state) =>
  state.tools.hiddenEntityTypes.size === 0 ? state : withTools(state, { ...state.tools, hiddenEntityTypes: new Set() });

export const setHideUnconnected =
  (hide: boolean): Transition =>
  (state) =>
    state.tools.hideUnconnected === hide ? state : withTools(state, { ...state.tools, hideUnconnected: hide });

export const setNeighbourhood =
  (node: string, depth: NeighbourhoodDepth): Transition =>
  (state) => {
    const current = state.tools.neighbourhood;
    if (current && current.node === node && current.depth === depth) return state;
    return withTools(state, { ...state.tools, neighbourhood: { node, depth } });
  };

export const clearNeighbourhood = (): Transition => (state) =>
  state.tools.neighbourhood === null ? state : withTools(state, { ...state.tools, neighbourhood: null });

export const setPathEnd =
  (end: 'from' | 'to', node: string | null): Transition =>
  (state) => {
    if (state.tools.path[end] === node) return state;
    return withTools(state, { ...state.tools, path: { ...state.tools.path, [end]: node } });
  };

export const swapPathEnds = (): Transition => (state) => {
  const { from, to } = state.tools.path;
  return from === to ? state : withTools(state, { ...state.tools, path: { from: to, to: from } });
};

export const clearPath = (): Transition => (state) =>
  state.tools.path.from === null && state.tools.path.to === null ? state : withTools(state, { ...state.tools, path: { from: null, to: null } });

export const hoverRelations =
  (ids: readonly string[]): Transition =>
  (state) => {
    const current = state.tools.hoveredRelations;
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return state;
    return withTools(state, { ...state.tools, hoveredRelations: ids });
  };

/** Draw only the relations not reviewed yet (what is left to check). */
export const setUnreviewedOnly =
  (on: boolean): Transition =>
  (state) =>
    state.tools.unreviewedOnly === on ? state : withTools(state, { ...state.tools, unreviewedOnly: on });
