/**
 * Shareable view — the explorer state in the URL hash
 * ===================================================
 *
 * Selection, relation-type and entity-type filters, "hide unconnected",
 * neighbourhood focus and path ends, written as URL-search-params in the
 * hash (`#sel=node:russia&from=armenia&to=international-criminal-court`) so
 * a copied link reopens the same view. Only what differs from the opening
 * view is written. Decoding is tolerant: unknown ids, types, keys and
 * malformed values are ignored, never thrown — a link from another dataset
 * or a mangled paste still opens the explorer.
 */

import { ENTITY_TYPE_IDS, type EntityTypeId, type RelationTypeId } from '../model/index.ts';
import { INITIAL_ANALYSIS, type AnalysisState, type FocusDepth } from './analysis.ts';
import type { ExplorerState, Selection, Transition } from './explorerState.ts';

export interface ViewContext {
  entityIds: ReadonlySet<string>;
  relationIds: ReadonlySet<string>;
  /** Relation types present in the graph (all shown at first). */
  relationTypes: readonly RelationTypeId[];
}

export interface SharedView {
  selection: Selection;
  enabledTypes: ReadonlySet<RelationTypeId>;
  analysis: Pick<AnalysisState, 'hiddenEntityTypes' | 'hideUnconnected' | 'focus' | 'path'>;
}

const LIST_SEPARATOR = ',';

export function encodeView(state: ExplorerState, context: ViewContext): string {
  const params = new URLSearchParams();
  const { selection, analysis } = state;
  if (selection.kind !== 'none') params.set('sel', `${selection.kind}:${selection.id}`);
  const allShown = context.relationTypes.every((type) => state.enabledTypes.has(type));
  if (!allShown) params.set('rel', context.relationTypes.filter((type) => state.enabledTypes.has(type)).join(LIST_SEPARATOR));
  if (analysis.hiddenEntityTypes.size > 0) params.set('hide', [...analysis.hiddenEntityTypes].sort().join(LIST_SEPARATOR));
  if (analysis.hideUnconnected) params.set('lonely', 'hide');
  if (analysis.focus) params.set('focus', `${analysis.focus.node}~${analysis.focus.depth}`);
  if (analysis.path.from !== null) params.set('from', analysis.path.from);
  if (analysis.path.to !== null) params.set('to', analysis.path.to);
  return params.toString();
}

function list(value: string | null): string[] {
  return value === null || value === '' ? [] : value.split(LIST_SEPARATOR);
}

/** The view a hash describes; anything it does not say (or says wrongly) stays as in the opening view. */
export function decodeView(hash: string, context: ViewContext): SharedView {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const entity = (id: string | null): string | null => (id !== null && context.entityIds.has(id) ? id : null);

  let selection: Selection = { kind: 'none' };
  const sel = params.get('sel');
  const colon = sel?.indexOf(':') ?? -1;
  if (sel && colon > 0) {
    const kind = sel.slice(0, colon);
    const id = sel.slice(colon + 1);
    if (kind === 'node' && context.entityIds.has(id)) selection = { kind: 'node', id };
    if (kind === 'edge' && context.relationIds.has(id)) selection = { kind: 'edge', id };
  }

  const rel = params.get('rel');
  const known = new Set<string>(context.relationTypes);
  const enabledTypes =
    rel === null ? new Set(context.relationTypes) : new Set(context.relationTypes.filter((type) => list(rel).includes(type) && known.has(type)));

  const hiddenEntityTypes = new Set<EntityTypeId>(ENTITY_TYPE_IDS.filter((type) => list(params.get('hide')).includes(type)));

  let focus: AnalysisState['focus'] = null;
  const focusParam = params.get('focus');
  if (focusParam) {
    const at = focusParam.lastIndexOf('~');
    const node = entity(at > 0 ? focusParam.slice(0, at) : focusParam);
    const depth: FocusDepth = focusParam.slice(at + 1) === '2' ? 2 : 1;
    if (node !== null) focus = { node, depth };
  }

  return {
    selection,
    enabledTypes,
    analysis: {
      hiddenEntityTypes,
      hideUnconnected: params.get('lonely') === 'hide',
      focus,
      path: { from: entity(params.get('from')), to: entity(params.get('to')) },
    },
  };
}

/** Replaces the shareable parts of the state with `view`; hover, search and camera are left alone. */
export const restoreView =
  (view: SharedView): Transition =>
  (state) => ({
    ...state,
    selection: view.selection,
    highlightedRelation: view.selection.kind === 'edge' ? view.selection.id : null,
    enabledTypes: view.enabledTypes,
    analysis: { ...INITIAL_ANALYSIS, ...state.analysis, ...view.analysis, hoveredRelations: [] },
  });
