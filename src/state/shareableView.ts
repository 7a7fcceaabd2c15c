/**
 * Shareable view — the explorer state in the URL hash
 * ===================================================
 *
 * Selection, relation-type and entity-type filters, "hide unconnected",
 * "unreviewed only" (`review=open`),
 * neighbourhood (`focus=`) and path ends, and the articles shown of a corpus
 * (one `doc=` per article, so an id may hold any character), the timeline's
 * window (`when=2023-01-02..2023-02-14`), the outlet minimum (`outlets=3`)
 * the edge width (`width=outlets`) and the camera (`cam=x,y,ratio`, sigma's
 * camera state, applied when the link is opened), written as
 * URL-search-params in the hash
 * (`#sel=node:russia&from=armenia&to=international-criminal-court`) so
 * a copied link reopens the same view. Only what differs from the opening
 * view is written. Decoding is tolerant: unknown ids, types, keys and
 * malformed values are ignored, never thrown — a link from another dataset
 * or a mangled paste still opens the explorer.
 */

import { dayNumber, dayString, isDay, type DayWindow, type EntityTypeId, type RelationTypeId } from '../model/index.ts';
import { INITIAL_TOOLS, type AnalystTools, type CameraView, type ExplorerState, type NeighbourhoodDepth, type Selection, type Transition, type WidthBy } from './explorerState.ts';

export interface ViewContext {
  entityIds: ReadonlySet<string>;
  relationIds: ReadonlySet<string>;
  /** Relation types present in the graph (all shown at first). */
  relationTypes: readonly RelationTypeId[];
  /** Entity types present in the graph. */
  entityTypes: readonly EntityTypeId[];
  /** The dataset's documents, in order (all shown at first). */
  documentIds: readonly string[];
}

export interface SharedView {
  selection: Selection;
  enabledTypes: ReadonlySet<RelationTypeId>;
  documents: ReadonlySet<string> | null;
  window: DayWindow | null;
  minOutlets: number;
  widthBy: WidthBy;
  /** The camera the link was copied at; null when it says none (or garbage). */
  camera: CameraView | null;
  tools: Pick<AnalystTools, 'hiddenEntityTypes' | 'hideUnconnected' | 'neighbourhood' | 'path' | 'unreviewedOnly'>;
}

const LIST_SEPARATOR = ',';
const RANGE_SEPARATOR = '..';
/** An outlet minimum beyond any real story: a larger number in a link is a typo, not a filter. */
const MAX_OUTLETS = 10_000;
/** sigma's zoom ratios worth restoring (the canvas clamps to its own limits too); outside them a link is mangled. */
const CAMERA_RATIO = { min: 0.001, max: 100 } as const;
/** Camera centres lie near [0, 1] (sigma's normalised coordinates): far outside is garbage. */
const CAMERA_REACH = 100;

function encodeCamera(view: CameraView): string {
  const round = (n: number) => String(Math.round(n * 10_000) / 10_000);
  return [view.x, view.y, view.ratio].map(round).join(LIST_SEPARATOR);
}

/** `x,y,ratio`, three finite numbers in range; anything else is no camera. */
export function decodeCamera(value: string | null): CameraView | null {
  if (value === null) return null;
  const parts = value.split(LIST_SEPARATOR);
  if (parts.length !== 3 || parts.some((part) => part.trim() === '')) return null;
  const [x, y, ratio] = parts.map(Number) as [number, number, number];
  if (![x, y, ratio].every(Number.isFinite)) return null;
  if (Math.abs(x) > CAMERA_REACH || Math.abs(y) > CAMERA_REACH || ratio < CAMERA_RATIO.min || ratio > CAMERA_RATIO.max) return null;
  return { x, y, ratio };
}

export function encodeView(state: ExplorerState, context: ViewContext): string {
  const params = new URLSearchParams();
  const { selection, tools } = state;
  if (selection.kind !== 'none') params.set('sel', `${selection.kind}:${selection.id}`);
  const allShown = context.relationTypes.every((type) => state.enabledTypes.has(type));
  if (!allShown) params.set('rel', context.relationTypes.filter((type) => state.enabledTypes.has(type)).join(LIST_SEPARATOR));
  if (tools.hiddenEntityTypes.size > 0) params.set('hide', [...tools.hiddenEntityTypes].sort().join(LIST_SEPARATOR));
  if (tools.hideUnconnected) params.set('lonely', 'hide');
  if (tools.unreviewedOnly) params.set('review', 'open');
  if (tools.neighbourhood) params.set('focus', `${tools.neighbourhood.node}~${tools.neighbourhood.depth}`);
  if (tools.path.from !== null) params.set('from', tools.path.from);
  if (tools.path.to !== null) params.set('to', tools.path.to);
  const { documents } = state;
  if (documents !== null && !context.documentIds.every((id) => documents.has(id))) {
    for (const id of context.documentIds) if (documents.has(id)) params.append('doc', id);
  }
  if (state.window !== null) params.set('when', `${dayString(state.window.from)}${RANGE_SEPARATOR}${dayString(state.window.to)}`);
  if (state.minOutlets > 1) params.set('outlets', String(state.minOutlets));
  if (state.widthBy !== 'sentences') params.set('width', state.widthBy);
  if (state.view) params.set('cam', encodeCamera(state.view));
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

  const hiddenEntityTypes = new Set<EntityTypeId>(context.entityTypes.filter((type) => list(params.get('hide')).includes(type)));

  let neighbourhood: AnalystTools['neighbourhood'] = null;
  const focusParam = params.get('focus');
  if (focusParam) {
    const at = focusParam.lastIndexOf('~');
    const node = entity(at > 0 ? focusParam.slice(0, at) : focusParam);
    const depth: NeighbourhoodDepth = focusParam.slice(at + 1) === '2' ? 2 : 1;
    if (node !== null) neighbourhood = { node, depth };
  }

  // Unknown articles are dropped; none left, or every one, is no filter.
  const named = new Set(params.getAll('doc'));
  const shownDocuments = context.documentIds.filter((id) => named.has(id));
  const documents = shownDocuments.length === 0 || shownDocuments.length === context.documentIds.length ? null : new Set(shownDocuments);

  let window: DayWindow | null = null;
  const [from, to] = (params.get('when') ?? '').split(RANGE_SEPARATOR);
  if (isDay(from) && isDay(to)) window = { from: Math.min(dayNumber(from), dayNumber(to)), to: Math.max(dayNumber(from), dayNumber(to)) };

  const outlets = Number(params.get('outlets'));
  const minOutlets = Number.isInteger(outlets) && outlets > 1 && outlets <= MAX_OUTLETS ? outlets : 1;

  return {
    selection,
    enabledTypes,
    documents,
    window,
    minOutlets,
    widthBy: params.get('width') === 'outlets' ? 'outlets' : 'sentences',
    camera: decodeCamera(params.get('cam')),
    tools: {
      hiddenEntityTypes,
      hideUnconnected: params.get('lonely') === 'hide',
      unreviewedOnly: params.get('review') === 'open',
      neighbourhood,
      path: { from: entity(params.get('from')), to: entity(params.get('to')) },
    },
  };
}

/** Replaces the shareable parts of the state with `view`; hover and search are left alone, and so is the camera when the link names none. */
export const restoreView =
  (view: SharedView): Transition =>
  (state) => ({
    ...state,
    ...(view.camera ? { view: view.camera, viewRequest: { view: view.camera, seq: (state.viewRequest?.seq ?? 0) + 1 } } : {}),
    selection: view.selection,
    highlightedRelation: view.selection.kind === 'edge' ? view.selection.id : null,
    enabledTypes: view.enabledTypes,
    documents: view.documents,
    window: view.window,
    minOutlets: view.minOutlets,
    widthBy: view.widthBy,
    tools: { ...INITIAL_TOOLS, ...state.tools, ...view.tools, hoveredRelations: [] },
  });
