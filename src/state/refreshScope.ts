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
 * with no visible relation is muted, see scene.ts): those, and only those,
 * are re-styled in place — when the scene is `plain` (nothing lit, nothing
 * narrowed but by relation types and articles). Moving the timeline's
 * window, or the outlet minimum, is the same kind of change: the edges that
 * appear, disappear or stop being new, and their ends (muted or not), are
 * re-styled in place; entities are never hidden by it, so no position or
 * draw order changes. An edge-width change re-styles everything in place. A change that leaves the
 * scene's visibility as it was (a selection, a hover, a search, a path) can
 * change any look but never shows or hides anything: every item is
 * re-styled, and a view whose draw order does not depend on the looks (big
 * graphs, no z-index) may do it in place. Anything else (a filter together
 * with a selection, an entity-type filter) re-processes everything.
 */

import type { RelationTypeId } from '../model/index.ts';
import { changedInputs, type Scene } from './scene.ts';

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

/** Of everything that decides what is shown, only the relation types differ. */
function onlyRelationTypesDiffer(previous: Scene, next: Scene): boolean {
  const changed = changedInputs(previous.visibility.inputs, next.visibility.inputs);
  return changed.length === 1 && changed[0] === 'enabledTypes';
}

/** What differs is among the relation types, the window and the outlet minimum (none of which hides an entity). */
function onlyRelationScopeDiffers(previous: Scene, next: Scene): boolean {
  return changedInputs(previous.visibility.inputs, next.visibility.inputs).every((key) => key === 'enabledTypes' || key === 'window' || key === 'minOutlets');
}

/** Edges whose visibility or newness differ between two scenes of one model, and their ends. */
function changedEdges(previous: Scene, next: Scene): RefreshScope {
  const index = next.visibility.model.index;
  const before = previous.visibility.edges;
  const after = next.visibility.edges;
  const markNew = previous.visibility.inputs.window !== null || next.visibility.inputs.window !== null;
  const edges: string[] = [];
  const nodes = new Set<string>();
  for (const key of index.edgeKeys) {
    const shown = after.has(key);
    if (shown === before.has(key) && !(markNew && shown && previous.isNew(key) !== next.isNew(key))) continue;
    edges.push(key);
    const edge = index.edges.get(key);
    if (edge) nodes.add(edge.source).add(edge.target);
  }
  return edges.length === 0 ? NONE : { kind: 'some', nodes: [...nodes], edges };
}

export function refreshScope(previous: Scene, next: Scene): RefreshScope {
  if (previous === next) return NONE;
  const model = next.visibility.model;
  if (previous.visibility.model !== model) return EVERYTHING;
  // Same visibility (the scene reuses it when its inputs are unchanged): nothing appears or disappears.
  if (previous.visibility === next.visibility) return previous.emphasis === next.emphasis && previous.widthBy === next.widthBy ? NONE : LOOKS;
  if (!previous.plain || !next.plain || previous.widthBy !== next.widthBy || !onlyRelationScopeDiffers(previous, next)) return EVERYTHING;
  if (!onlyRelationTypesDiffer(previous, next)) return changedEdges(previous, next);
  const index = model.index;
  const before = previous.visibility.inputs.enabledTypes;
  const after = next.visibility.inputs.enabledTypes;
  const switched: RelationTypeId[] = [];
  for (const type of index.relationTypes) if (before.has(type) !== after.has(type)) switched.push(type);
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
