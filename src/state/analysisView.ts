/**
 * Analysis view — what the analysis tools leave on screen
 * =======================================================
 *
 * Derived from the analysis state, the relation-type filter and the view
 * index: which nodes and edges are shown (entity-type filter, "hide entities
 * with no visible relation", neighbourhood focus) and the path being traced.
 * The reducers ask this once per node/edge per frame, so it is computed once
 * per change of its inputs and cached on their identities (a hover changes
 * neither, so it costs nothing here).
 */

import type { NewsGraph } from '../graph/attributes.ts';
import { findPaths, type PathResult } from '../graph/paths.ts';
import { otherEnd, type ViewIndex } from '../graph/viewIndex.ts';
import type { AnalysisState } from './analysis.ts';
import type { ExplorerState } from './explorerState.ts';

export interface AnalysisView {
  /** Nodes shown; null means all of them (the common case, no work per node). */
  visibleNodes: ReadonlySet<string> | null;
  /** Edges shown, relation-type filter included. */
  visibleEdges: ReadonlySet<string>;
  /** The traced path, when both ends are chosen. */
  path: PathResult | null;
  /** Edges lit by the sentence hovered in the article, and their ends. */
  hoveredEdges: ReadonlySet<string>;
  hoveredEnds: ReadonlySet<string>;
}

/** Edges whose type is on and whose two ends are of shown entity types. */
function filteredEdges(index: ViewIndex, state: ExplorerState): Set<string> {
  const hiddenTypes = state.analysis.hiddenEntityTypes;
  const shown = new Set<string>();
  for (const [key, edge] of index.edges) {
    if (!state.enabledTypes.has(edge.type)) continue;
    if (hiddenTypes.size > 0) {
      const sourceType = index.nodeTypes.get(edge.source);
      const targetType = index.nodeTypes.get(edge.target);
      if ((sourceType && hiddenTypes.has(sourceType)) || (targetType && hiddenTypes.has(targetType))) continue;
    }
    shown.add(key);
  }
  return shown;
}

/** Nodes within `depth` steps of `start` over `edges`. */
function neighbourhood(index: ViewIndex, edges: ReadonlySet<string>, start: string, depth: number): Set<string> {
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

export function computeAnalysisView(graph: NewsGraph, index: ViewIndex, state: ExplorerState): AnalysisView {
  const { analysis } = state;
  const edges = filteredEdges(index, state);
  // A holder, not a `let`: TypeScript does not track assignments made inside the closure.
  const shown: { nodes: Set<string> | null } = { nodes: null };
  const restrict = (keep: (node: string) => boolean) => {
    const next = new Set<string>();
    for (const node of index.nodeTypes.keys()) if ((shown.nodes === null || shown.nodes.has(node)) && keep(node)) next.add(node);
    shown.nodes = next;
  };
  if (analysis.hiddenEntityTypes.size > 0) {
    restrict((node) => {
      const type = index.nodeTypes.get(node);
      return type === undefined || !analysis.hiddenEntityTypes.has(type);
    });
  }
  if (analysis.focus !== null && index.nodeTypes.has(analysis.focus.node)) {
    const around = neighbourhood(index, edges, analysis.focus.node, analysis.focus.depth);
    restrict((node) => around.has(node));
    for (const key of [...edges]) {
      const edge = index.edges.get(key);
      if (edge && !(around.has(edge.source) && around.has(edge.target))) edges.delete(key);
    }
  }
  if (analysis.hideUnconnected) {
    const touched = new Set<string>();
    for (const key of edges) {
      const edge = index.edges.get(key);
      if (edge) touched.add(edge.source).add(edge.target);
    }
    restrict((node) => touched.has(node));
  }

  let path: PathResult | null = null;
  const { from, to } = analysis.path;
  if (from !== null && to !== null) {
    const nodesShown = shown.nodes;
    path = findPaths(graph, from, to, {
      edgeAllowed: (edge) => edges.has(edge),
      nodeAllowed: (node) => nodesShown === null || nodesShown.has(node),
    });
  }

  const hoveredEdges = new Set(analysis.hoveredRelations.filter((id) => edges.has(id)));
  const hoveredEnds = new Set<string>();
  for (const key of hoveredEdges) {
    const edge = index.edges.get(key);
    if (edge) hoveredEnds.add(edge.source).add(edge.target);
  }
  return { visibleNodes: shown.nodes, visibleEdges: edges, path, hoveredEdges, hoveredEnds };
}

interface CacheEntry {
  analysis: AnalysisState;
  enabledTypes: ExplorerState['enabledTypes'];
  view: AnalysisView;
}

const cache = new WeakMap<ViewIndex, CacheEntry>();

/** `computeAnalysisView`, recomputed only when the analysis state or relation filter changed. */
export function analysisViewOf(graph: NewsGraph, index: ViewIndex, state: ExplorerState): AnalysisView {
  const cached = cache.get(index);
  if (cached && cached.analysis === state.analysis && cached.enabledTypes === state.enabledTypes) return cached.view;
  const view = computeAnalysisView(graph, index, state);
  cache.set(index, { analysis: state.analysis, enabledTypes: state.enabledTypes, view });
  return view;
}
