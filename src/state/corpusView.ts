/**
 * Corpus mode: the reader's view across a load
 * ============================================
 *
 * In corpus mode the dataset grows under the reader (an expand, a search
 * result, all the sentences of a relation), and what they were doing must
 * survive it: the selection, the highlighted relation, the filters, the
 * neighbourhood and the path. `carryOver` is the transition applied when a
 * grown model replaces the shown one; the other transitions here are what
 * a load was for (show an opened article alone, show every article again).
 * Pure, like every transition (explorerState.ts).
 */

import type { RelationTypeId } from '../model/index.ts';
import type { ExplorerModel } from './explorerModel.ts';
import type { Transition } from './explorerState.ts';

/** What a carry-over needs to know of a model. */
export interface LoadedView {
  relationTypes: readonly RelationTypeId[];
  entityIds: ReadonlySet<string>;
  relationIds: ReadonlySet<string>;
  documentIds: ReadonlySet<string>;
}

/**
 * From the model `before` to the grown model `after`: relation types the
 * load brought are shown (the ones the reader switched off stay off); an
 * article filter keeps the articles it had; anything that names what is no
 * longer loaded is dropped (the server's ids are stable, so a load only
 * adds, but a carried id must never point at nothing). A pending camera
 * request is dropped: the drawing is rebuilt, and gliding back to an old
 * search result would be a surprise.
 */
export const carryOver =
  (before: LoadedView, after: LoadedView): Transition =>
  (state) => {
    const known = new Set(before.relationTypes);
    const enabledTypes = new Set([...state.enabledTypes].filter((type) => after.relationTypes.includes(type)));
    for (const type of after.relationTypes) if (!known.has(type)) enabledTypes.add(type);
    const { selection } = state;
    const selectionKept =
      selection.kind === 'none' || (selection.kind === 'node' ? after.entityIds.has(selection.id) : after.relationIds.has(selection.id));
    const entity = (id: string | null) => (id !== null && after.entityIds.has(id) ? id : null);
    const { neighbourhood, path } = state.tools;
    const documents = state.documents === null ? null : new Set([...state.documents].filter((id) => after.documentIds.has(id)));
    return {
      ...state,
      selection: selectionKept ? selection : { kind: 'none' },
      hoveredNode: entity(state.hoveredNode),
      enabledTypes,
      highlightedRelation: state.highlightedRelation !== null && after.relationIds.has(state.highlightedRelation) ? state.highlightedRelation : null,
      documents: documents === null || documents.size === 0 ? null : documents,
      tools: {
        ...state.tools,
        neighbourhood: neighbourhood !== null && after.entityIds.has(neighbourhood.node) ? neighbourhood : null,
        path: { from: entity(path.from), to: entity(path.to) },
        hoveredRelations: state.tools.hoveredRelations.filter((id) => after.relationIds.has(id)),
      },
      camera: null,
    };
  };

/** Only this article's part of the graph (an article opened from the corpus list). */
export const showOnlyDocument =
  (id: string): Transition =>
  (state) => ({ ...state, documents: new Set([id]) });

/** Every loaded article again. */
export const showAllDocuments = (): Transition => (state) => (state.documents === null ? state : { ...state, documents: null });

/** Highlights a relation (never un-highlights it, unlike `toggleHighlightedRelation`). */
export const highlightRelation =
  (id: string): Transition =>
  (state) => (state.highlightedRelation === id ? state : { ...state, highlightedRelation: id });

/** The ids and types of a model, for `carryOver`. */
export function loadedViewOf(model: Pick<ExplorerModel, 'index' | 'dataset'>): LoadedView {
  return {
    relationTypes: model.index.relationTypes,
    entityIds: new Set(model.index.nodeKeys),
    relationIds: new Set(model.index.edgeKeys),
    documentIds: new Set(model.dataset.documents.map((document) => document.id)),
  };
}

/**
 * The entity or relation a shared link selects (`#sel=node:ID`, written by
 * shareableView.ts), whether or not it is loaded: corpus mode fetches it
 * when the overview lacks it, so a link to any part of the corpus opens there.
 */
export function linkedSelection(hash: string): { kind: 'node' | 'edge'; id: string } | null {
  const sel = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get('sel');
  const colon = sel?.indexOf(':') ?? -1;
  if (sel === null || sel === undefined || colon <= 0) return null;
  const kind = sel.slice(0, colon);
  const id = sel.slice(colon + 1);
  return (kind === 'node' || kind === 'edge') && id !== '' ? { kind, id } : null;
}

/** Transitions applied one after the other. */
export const inTurn =
  (...transitions: Transition[]): Transition =>
  (state) =>
    transitions.reduce((current, transition) => transition(current), state);
