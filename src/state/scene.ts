/**
 * Scene — what the viewer sees
 * ============================
 *
 * The one place that decides, from the model and the explorer state, what is
 * on screen and how each item looks. Computed once per state change by
 * `computeScene` (the caller memoises it on the state: App's useMemo); the
 * reducers, the refresh scope, the legend counts, the table, the exports of
 * "what the filters show" and the PNG legend all read the same scene.
 *
 * Two stages, each computed from an explicit slice of the state:
 *  - visibility (`VisibilityInputs`: relation types, articles, entity types,
 *    "hide unconnected", neighbourhood): which nodes and edges are shown.
 *    Walks every edge, so it is reused from the previous scene when its
 *    inputs are the same objects (a selection or a hover costs nothing here);
 *  - emphasis (`EmphasisInputs`: selection, hover, highlighted relation,
 *    search, path ends, the sentence hovered in the article): what is lit.
 *    Precomputed as sets so each node's and edge's look is a few lookups.
 *
 * Visibility rules: an edge is shown when its relation type is on, one of
 * its evidence spans is in a shown article (or it has no evidence at all),
 * and both its ends are of shown entity types (and, under "unreviewed only",
 * the analyst has not reviewed it); then the neighbourhood keeps
 * what lies within its depth, and "hide unconnected" drops nodes with no
 * shown edge. A node is hidden by the article filter unless a shown article
 * mentions it or a relation of a shown article needs it (documentFilter.ts).
 *
 * Look rules, in order: the sentence hovered in the article lights its
 * relations and their ends; else a traced path lights its hops; else a
 * selected node or edge, the highlighted relation, the hovered (else
 * selected) node's neighbourhood, a selected edge's ends, or the search's
 * matches are emphasised and the rest dimmed; an entity whose relations are
 * all switched off is muted (faded, still labelled).
 *
 * Nothing is cached at module level: everything memoised lives on a scene.
 */

import type { NewsGraph } from '../graph/attributes.ts';
import { findPaths, type PathResult } from '../graph/paths.ts';
import { otherEnd, type GraphIndex } from '../graph/graphIndex.ts';
import { firstReportedIn, reportedIn, type Dataset, type RelationTypeId, type ReportingIndex, type SourceIndex } from '../model/index.ts';
import { shownByDocuments, type ShownByDocuments } from './documentFilter.ts';
import type { AnalystTools, ExplorerState } from './explorerState.ts';

export type EdgeLook = 'hidden' | 'dimmed' | 'normal' | 'highlighted';
/** 'ring': the second step of a 2-step focus, around the focused node's lit neighbours (drawn apart from both, labelled). */
export type NodeLook = 'selected' | 'emphasised' | 'ring' | 'normal' | 'muted' | 'dimmed' | 'hidden';

/** The parts of an explorer model a scene reads (an `ExplorerModel` is one). */
export interface SceneModel {
  readonly dataset: Dataset;
  readonly graph: NewsGraph;
  readonly index: GraphIndex;
  readonly reporting: ReportingIndex;
  readonly sources: SourceIndex;
}

/**
 * Which stage each field of the state feeds. Typed over every key, so a new
 * state field does not compile until it is given a role here (and read in
 * `visibilityInputs` or `emphasisInputs`; a unit test checks the two agree).
 * A 'look' changes how every item is drawn without showing, hiding or
 * lighting anything (edge width): the scene carries it as it is.
 */
type Role = 'visibility' | 'emphasis' | 'look' | 'neither';
export const STATE_ROLES: { readonly [K in Exclude<keyof ExplorerState, 'tools'>]: Role } & {
  readonly tools: { readonly [K in keyof AnalystTools]: Role };
} = {
  selection: 'emphasis',
  hoveredNode: 'emphasis',
  enabledTypes: 'visibility',
  highlightedRelation: 'emphasis',
  search: 'emphasis',
  documents: 'visibility',
  window: 'visibility',
  minOutlets: 'visibility',
  widthBy: 'look',
  camera: 'neither',
  view: 'neither',
  viewRequest: 'neither',
  tools: {
    hiddenEntityTypes: 'visibility',
    hideUnconnected: 'visibility',
    neighbourhood: 'visibility',
    path: 'emphasis',
    hoveredRelations: 'emphasis',
    unreviewedOnly: 'visibility',
  },
};

export interface VisibilityInputs {
  enabledTypes: ExplorerState['enabledTypes'];
  documents: ExplorerState['documents'];
  window: ExplorerState['window'];
  minOutlets: ExplorerState['minOutlets'];
  hiddenEntityTypes: AnalystTools['hiddenEntityTypes'];
  hideUnconnected: AnalystTools['hideUnconnected'];
  neighbourhood: AnalystTools['neighbourhood'];
  unreviewedOnly: AnalystTools['unreviewedOnly'];
}

export interface EmphasisInputs {
  selection: ExplorerState['selection'];
  hoveredNode: ExplorerState['hoveredNode'];
  highlightedRelation: ExplorerState['highlightedRelation'];
  search: ExplorerState['search'];
  path: AnalystTools['path'];
  hoveredRelations: AnalystTools['hoveredRelations'];
}

export function visibilityInputs(state: ExplorerState): VisibilityInputs {
  const { tools } = state;
  return {
    enabledTypes: state.enabledTypes,
    documents: state.documents,
    window: state.window,
    minOutlets: state.minOutlets,
    hiddenEntityTypes: tools.hiddenEntityTypes,
    hideUnconnected: tools.hideUnconnected,
    neighbourhood: tools.neighbourhood,
    unreviewedOnly: tools.unreviewedOnly,
  };
}

export function emphasisInputs(state: ExplorerState): EmphasisInputs {
  const { tools } = state;
  return {
    selection: state.selection,
    hoveredNode: state.hoveredNode,
    highlightedRelation: state.highlightedRelation,
    search: state.search,
    path: tools.path,
    hoveredRelations: tools.hoveredRelations,
  };
}

/** The keys whose values differ (by identity) between two input records. */
export function changedInputs<T extends object>(a: T, b: T): Array<keyof T> {
  return (Object.keys(a) as Array<keyof T>).filter((key) => a[key] !== b[key]);
}

/** What is shown: derived from the model and `VisibilityInputs` only. */
export interface Visibility {
  readonly model: SceneModel;
  readonly inputs: VisibilityInputs;
  /** Relations and entities the shown articles support; null when every article is shown. */
  readonly articles: ShownByDocuments | null;
  /** Relations in scope — in the shown articles, reported inside the window, by enough outlets — whatever their type; null = all. */
  readonly inScope: ReadonlySet<string> | null;
  /** Relations the analyst has reviewed, under "unreviewed only" (out of scope); null when that filter is off. */
  readonly reviewed: ReadonlySet<string> | null;
  /** Relations in scope first reported inside the window (new in it); null with no window. */
  readonly fresh: ReadonlySet<string> | null;
  /** Nodes shown; null means all of them (the common case, no work per node). */
  readonly nodes: ReadonlySet<string> | null;
  /** Edges shown, every filter applied. */
  readonly edges: ReadonlySet<string>;
  /** Nodes are narrowed by more than the relation-type and article filters (entity types, neighbourhood, "hide unconnected"). */
  readonly narrowed: boolean;
  /** Relations per type in scope, whatever types are switched on (the legend's numbers). */
  readonly relationCounts: ReadonlyMap<RelationTypeId, number>;
  /** Per node: has it a relation that is on? Filled as asked (a node's first look walks its edges once). */
  readonly hasRelationOn: Map<string, boolean>;
}

/** What is lit, precomputed so each look is a few lookups. */
export type Emphasis =
  /** The sentence hovered in the article pane: its shown relations and their ends. */
  | { kind: 'sentence'; edges: ReadonlySet<string>; ends: ReadonlySet<string> }
  /** A traced path: its hops; its two ends are drawn selected. */
  | { kind: 'path'; from: string; to: string; nodes: ReadonlySet<string>; edges: ReadonlySet<string> }
  /** What the reader pointed at: selection, highlighted relation, hover, search. */
  | {
      kind: 'reader';
      /** The selected node, or both ends of the selected edge. */
      selected: ReadonlySet<string>;
      highlightedRelation: string | null;
      /** Ends of the highlighted relation, when it is on. */
      highlightedEnds: ReadonlySet<string>;
      /** The hovered (else selected) node, and its neighbours over relations that are on. */
      litNode: string | null;
      litNeighbourhood: ReadonlySet<string> | null;
      /** The selected edge, when no node is lit: the rest is dimmed. */
      selectedEdge: string | null;
      /** The search's matches, while the search box has text. */
      searchMatches: ReadonlySet<string> | null;
    };

export interface Scene {
  readonly visibility: Visibility;
  readonly emphasisInputs: EmphasisInputs;
  /** Null when nothing is lit. */
  readonly emphasis: Emphasis | null;
  /** The traced path, when both ends are chosen. */
  readonly path: PathResult | null;
  /** Articles shown; null = all. */
  readonly documents: ReadonlySet<string> | null;
  readonly visibleNodes: ReadonlySet<string> | null;
  readonly visibleEdges: ReadonlySet<string>;
  /** Something is hidden by a filter (relation types, articles, entity types, neighbourhood, "hide unconnected"). */
  readonly filtered: boolean;
  /**
   * Nothing is lit and nothing narrowed beyond the relation-type and article
   * filters: each look then depends only on the item's own relations, so a
   * relation-type toggle re-styles just that type (refreshScope.ts).
   */
  readonly plain: boolean;
  isNodeVisible(node: string): boolean;
  /** The relation's type is on and it is in scope: a shown article supports it, inside the window, by enough outlets (before entity-type and neighbourhood filters). */
  isRelationOn(edge: string): boolean;
  /** First reported inside the timeline's window: drawn marked as new. False with no window. */
  isNew(edge: string): boolean;
  /** What edge widths show (a look: changes no visibility). */
  readonly widthBy: ExplorerState['widthBy'];
  nodeLook(node: string): NodeLook;
  edgeLook(edge: string): EdgeLook;
}

/** Nodes within `depth` steps of `start` over `edges`. */
function neighbourhoodOf(index: GraphIndex, edges: ReadonlySet<string>, start: string, depth: number): Set<string> {
  const reached = new Set([start]);
  let frontier = [start];
  for (let step = 0; step < depth; step += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const key of index.nodeEdges.get(node) ?? []) {
        const edge = index.edges.get(key);
        if (!edge || !edges.has(key)) continue;
        const other = otherEnd(edge, node);
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return reached;
}

export function computeVisibility(model: SceneModel, inputs: VisibilityInputs): Visibility {
  const index = model.index;
  const articles = shownByDocuments(model.dataset, inputs.documents);
  const hiddenTypes = inputs.hiddenEntityTypes;
  const { window, minOutlets } = inputs;
  // Relations the analyst has reviewed: out of scope under "unreviewed only" (the legend counts what is left to check).
  const reviewed = inputs.unreviewedOnly ? new Set(model.dataset.relations.filter((r) => r.review !== undefined).map((r) => r.id)) : null;
  // One pass over the edges: scope (articles, window, outlets, review), the legend's counts, newness, and what is drawn.
  const scoped = articles !== null || window !== null || minOutlets > 1 || reviewed !== null;
  const inScope = scoped ? new Set<string>() : null;
  const fresh = window === null ? null : new Set<string>();
  const times = model.reporting.times;
  const sources = minOutlets > 1 ? model.sources.byRelation : null;
  const relationCounts = new Map<RelationTypeId, number>();
  for (const type of index.relationTypes) relationCounts.set(type, scoped ? 0 : (index.edgesByType.get(type)?.length ?? 0));
  const edges = new Set<string>();
  for (const [key, edge] of index.edges) {
    if (inScope !== null) {
      if (articles !== null && !articles.relations.has(key)) continue;
      if (window !== null) {
        const time = times.get(key);
        if (time === undefined || !reportedIn(time, window)) continue;
        if (firstReportedIn(time, window)) fresh!.add(key);
      }
      if (sources !== null && (sources.get(key)?.outletCount ?? 0) < minOutlets) continue;
      if (reviewed !== null && reviewed.has(key)) continue;
      inScope.add(key);
      relationCounts.set(edge.type, (relationCounts.get(edge.type) ?? 0) + 1);
    }
    if (!inputs.enabledTypes.has(edge.type)) continue;
    if (hiddenTypes.size > 0) {
      const sourceType = index.nodeTypes.get(edge.source);
      const targetType = index.nodeTypes.get(edge.target);
      if ((sourceType && hiddenTypes.has(sourceType)) || (targetType && hiddenTypes.has(targetType))) continue;
    }
    edges.add(key);
  }
  // A holder, not a `let`: TypeScript does not track assignments made inside the closure.
  const shown: { nodes: Set<string> | null } = { nodes: null };
  const restrict = (keep: (node: string) => boolean) => {
    const next = new Set<string>();
    for (const node of index.nodeKeys) if ((shown.nodes === null || shown.nodes.has(node)) && keep(node)) next.add(node);
    shown.nodes = next;
  };
  if (articles !== null) restrict((node) => articles.entities.has(node));
  let narrowed = false;
  if (hiddenTypes.size > 0) {
    narrowed = true;
    restrict((node) => {
      const type = index.nodeTypes.get(node);
      return type === undefined || !hiddenTypes.has(type);
    });
  }
  const around = inputs.neighbourhood;
  if (around !== null && index.nodeTypes.has(around.node) && (articles === null || articles.entities.has(around.node))) {
    narrowed = true;
    const reached = neighbourhoodOf(index, edges, around.node, around.depth);
    restrict((node) => reached.has(node));
    for (const key of [...edges]) {
      const edge = index.edges.get(key);
      if (edge && !(reached.has(edge.source) && reached.has(edge.target))) edges.delete(key);
    }
  }
  if (inputs.hideUnconnected) {
    narrowed = true;
    const touched = new Set<string>();
    for (const key of edges) {
      const edge = index.edges.get(key);
      if (edge) touched.add(edge.source).add(edge.target);
    }
    restrict((node) => touched.has(node));
  }
  return {
    model,
    inputs,
    articles,
    inScope,
    reviewed,
    fresh,
    nodes: shown.nodes,
    edges,
    narrowed,
    relationCounts,
    hasRelationOn: new Map(),
  };
}

function isRelationOn(visibility: Visibility, edge: string): boolean {
  const indexed = visibility.model.index.edges.get(edge);
  if (indexed === undefined || !visibility.inputs.enabledTypes.has(indexed.type)) return false;
  return visibility.inScope === null || visibility.inScope.has(edge);
}

/**
 * Has `node` a relation that is on? An entity with no relation in the shown
 * articles counts as yes: it is not "filtered out". One whose relations all
 * fall outside the window or the outlet minimum has none on: it is muted,
 * so the picture keeps still while the story plays.
 */
function hasRelationOn(visibility: Visibility, node: string): boolean {
  const known = visibility.hasRelationOn.get(node);
  if (known !== undefined) return known;
  const { articles } = visibility;
  let present = false;
  let on = false;
  for (const key of visibility.model.index.nodeEdges.get(node) ?? []) {
    if (articles !== null && !articles.relations.has(key)) continue;
    present = true;
    if (isRelationOn(visibility, key)) {
      on = true;
      break;
    }
  }
  const answer = on || !present;
  visibility.hasRelationOn.set(node, answer);
  return answer;
}

function computePath(model: SceneModel, visibility: Visibility, ends: AnalystTools['path']): PathResult | null {
  const { from, to } = ends;
  if (from === null || to === null) return null;
  const { nodes, edges } = visibility;
  return findPaths(model.graph, from, to, {
    edgeAllowed: (edge) => edges.has(edge),
    nodeAllowed: (node) => nodes === null || nodes.has(node),
  });
}

function computeEmphasis(visibility: Visibility, inputs: EmphasisInputs, path: PathResult | null): Emphasis | null {
  const index = visibility.model.index;
  const endsOf = (keys: Iterable<string>): Set<string> => {
    const ends = new Set<string>();
    for (const key of keys) {
      const edge = index.edges.get(key);
      if (edge) ends.add(edge.source).add(edge.target);
    }
    return ends;
  };

  const sentenceEdges = inputs.hoveredRelations.filter((id) => visibility.edges.has(id));
  if (sentenceEdges.length > 0) return { kind: 'sentence', edges: new Set(sentenceEdges), ends: endsOf(sentenceEdges) };
  if (path?.kind === 'found' && inputs.path.from !== null && inputs.path.to !== null) {
    return { kind: 'path', from: inputs.path.from, to: inputs.path.to, nodes: path.nodes, edges: path.edges };
  }

  const { selection, hoveredNode, highlightedRelation, search } = inputs;
  const searching = search.query.trim() !== '';
  if (selection.kind === 'none' && hoveredNode === null && highlightedRelation === null && !searching) return null;

  const selected = selection.kind === 'node' ? new Set([selection.id]) : selection.kind === 'edge' ? endsOf([selection.id]) : new Set<string>();
  const highlightedEnds = highlightedRelation !== null && isRelationOn(visibility, highlightedRelation) ? endsOf([highlightedRelation]) : new Set<string>();
  const litNode = hoveredNode ?? (selection.kind === 'node' ? selection.id : null);
  let litNeighbourhood: Set<string> | null = null;
  if (litNode !== null) {
    litNeighbourhood = new Set([litNode]);
    for (const key of index.nodeEdges.get(litNode) ?? []) {
      const edge = index.edges.get(key);
      if (edge && isRelationOn(visibility, key)) litNeighbourhood.add(otherEnd(edge, litNode));
    }
  }
  return {
    kind: 'reader',
    selected,
    highlightedRelation,
    highlightedEnds,
    litNode,
    litNeighbourhood,
    selectedEdge: hoveredNode === null && selection.kind === 'edge' ? selection.id : null,
    searchMatches: searching ? new Set(search.matches) : null,
  };
}

/**
 * The scene for `state`. Given the previous scene (of the same model), its
 * visibility and path are reused when their inputs are the same objects.
 */
export function computeScene(model: SceneModel, state: ExplorerState, previous?: Scene): Scene {
  const visibilityIn = visibilityInputs(state);
  const emphasisIn = emphasisInputs(state);
  const reuse = previous !== undefined && previous.visibility.model === model;
  const visibility =
    reuse && changedInputs(previous.visibility.inputs, visibilityIn).length === 0 ? previous.visibility : computeVisibility(model, visibilityIn);
  const path =
    reuse && previous.visibility === visibility && previous.emphasisInputs.path === emphasisIn.path
      ? previous.path
      : computePath(model, visibility, emphasisIn.path);
  const emphasis =
    reuse && previous.visibility === visibility && previous.path === path && changedInputs(previous.emphasisInputs, emphasisIn).length === 0
      ? previous.emphasis
      : computeEmphasis(visibility, emphasisIn, path);
  return sceneOf(visibility, emphasisIn, emphasis, path, state.widthBy);
}

function sceneOf(visibility: Visibility, emphasisIn: EmphasisInputs, emphasis: Emphasis | null, path: PathResult | null, widthBy: ExplorerState['widthBy']): Scene {
  const index = visibility.model.index;
  const { nodes, edges } = visibility;
  const isNodeVisible = (node: string) => nodes === null || nodes.has(node);
  const touches = (edge: string, node: string) => {
    const indexed = index.edges.get(edge);
    return indexed !== undefined && (indexed.source === node || indexed.target === node);
  };
  return {
    visibility,
    emphasisInputs: emphasisIn,
    emphasis,
    path,
    documents: visibility.articles === null ? null : visibility.inputs.documents,
    visibleNodes: nodes,
    visibleEdges: edges,
    filtered: nodes !== null || edges.size < index.edges.size,
    plain: emphasis === null && !visibility.narrowed,
    isNodeVisible,
    isRelationOn: (edge) => isRelationOn(visibility, edge),
    isNew: (edge) => visibility.fresh !== null && visibility.fresh.has(edge),
    widthBy,
    nodeLook(node) {
      if (!isNodeVisible(node)) return 'hidden';
      if (emphasis !== null) {
        switch (emphasis.kind) {
          case 'sentence':
            return emphasis.ends.has(node) ? 'emphasised' : 'dimmed';
          case 'path':
            if (node === emphasis.from || node === emphasis.to) return 'selected';
            return emphasis.nodes.has(node) ? 'emphasised' : 'dimmed';
          case 'reader':
            if (emphasis.selected.has(node)) return 'selected';
            if (emphasis.highlightedEnds.has(node)) return 'emphasised';
            if (emphasis.litNeighbourhood !== null) {
              if (emphasis.litNeighbourhood.has(node)) return 'emphasised';
              // Every node shown in a 2-step focus is within two steps: those not lit are its second ring.
              const focus = visibility.inputs.neighbourhood;
              return focus !== null && focus.depth === 2 && focus.node === emphasis.litNode ? 'ring' : 'dimmed';
            }
            if (emphasis.selectedEdge !== null) return 'dimmed';
            if (emphasis.searchMatches !== null) return emphasis.searchMatches.has(node) ? 'emphasised' : 'dimmed';
            break;
        }
      }
      return hasRelationOn(visibility, node) ? 'normal' : 'muted';
    },
    edgeLook(edge) {
      if (!edges.has(edge)) return 'hidden';
      if (emphasis === null) return 'normal';
      switch (emphasis.kind) {
        case 'sentence':
        case 'path':
          return emphasis.edges.has(edge) ? 'highlighted' : 'dimmed';
        case 'reader':
          if (edge === emphasis.highlightedRelation) return 'highlighted';
          if (emphasis.litNode !== null) return touches(edge, emphasis.litNode) ? 'normal' : 'dimmed';
          if (emphasis.selectedEdge !== null || emphasis.searchMatches !== null) return 'dimmed';
          return 'normal';
      }
    },
  };
}
