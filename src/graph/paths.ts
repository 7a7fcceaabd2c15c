/**
 * Paths between two entities
 * ==========================
 *
 * "How is X connected to Y?" — every shortest chain of relations between two
 * entities. Connectivity ignores direction (an arrest warrant issued *for*
 * Putin still links the court to him) and only uses the relations the reader
 * can see: the caller passes which edges and nodes count, so relation-type
 * and entity-type filters apply. Distances come from graphology-shortest-path
 * on an undirected simple projection of the allowed part of the graph; all
 * shortest node paths are then enumerated along strictly decreasing
 * distance to the target, and each hop lists every allowed relation joining
 * its two entities (parallel relations are separate pieces of evidence).
 * Pure: never changes the graph.
 */

import Graph from 'graphology';
import { bidirectional, undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted';
import type { NewsGraph } from './attributes.ts';

export interface PathHop {
  /** The entity this hop leaves from and the one it reaches, in path order. */
  from: string;
  to: string;
  /** Every allowed relation (edge key) between the two, in graph order. */
  edges: string[];
}

export type PathResult =
  | { kind: 'found'; length: number; paths: PathHop[][]; nodes: ReadonlySet<string>; edges: ReadonlySet<string>; truncated: boolean }
  | { kind: 'none'; reason: 'no-connection' | 'end-hidden' }
  | { kind: 'same' };

export interface PathOptions {
  /** Whether a relation may be used (e.g. its type is shown). */
  edgeAllowed?: (edge: string) => boolean;
  /** Whether an entity may be passed through or be an end (e.g. its type is shown). */
  nodeAllowed?: (node: string) => boolean;
  /** Most node paths to return; the shortest-path count can grow fast. */
  maxPaths?: number;
}

const always = (): boolean => true;

/** The undirected simple graph of allowed relations, and the allowed edges of each node pair. */
function project(graph: NewsGraph, edgeAllowed: (edge: string) => boolean, nodeAllowed: (node: string) => boolean) {
  const simple = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const pairEdges = new Map<string, string[]>();
  graph.forEachNode((node) => {
    if (nodeAllowed(node)) simple.addNode(node);
  });
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (source === target || !edgeAllowed(edge) || !simple.hasNode(source) || !simple.hasNode(target)) return;
    simple.mergeEdge(source, target);
    const key = pairKey(source, target);
    const list = pairEdges.get(key) ?? [];
    list.push(edge);
    pairEdges.set(key, list);
  });
  return { simple, pairEdges };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export function findPaths(graph: NewsGraph, from: string, to: string, options: PathOptions = {}): PathResult {
  const { edgeAllowed = always, nodeAllowed = always, maxPaths = 12 } = options;
  if (!graph.hasNode(from) || !graph.hasNode(to)) return { kind: 'none', reason: 'end-hidden' };
  if (from === to) return { kind: 'same' };
  if (!nodeAllowed(from) || !nodeAllowed(to)) return { kind: 'none', reason: 'end-hidden' };
  const { simple, pairEdges } = project(graph, edgeAllowed, nodeAllowed);
  // The library's bidirectional BFS answers "is there a path" cheaply before enumerating.
  if (bidirectional(simple, from, to) === null) return { kind: 'none', reason: 'no-connection' };
  const toTarget = undirectedSingleSourceLength(simple, to);
  const length = toTarget[from] ?? 0;

  const nodePaths: string[][] = [];
  let truncated = false;
  const walk = (node: string, trail: string[]): void => {
    if (nodePaths.length >= maxPaths) {
      truncated = true;
      return;
    }
    if (node === to) {
      nodePaths.push(trail);
      return;
    }
    const here = toTarget[node] ?? Infinity;
    // Sorted so the same graph always lists its paths in the same order.
    const next = simple.neighbors(node).filter((n) => toTarget[n] === here - 1).sort();
    for (const neighbour of next) walk(neighbour, [...trail, neighbour]);
  };
  walk(from, [from]);

  const nodes = new Set<string>();
  const edges = new Set<string>();
  const paths = nodePaths.map((trail) => {
    const hops: PathHop[] = [];
    for (let i = 0; i + 1 < trail.length; i += 1) {
      const a = trail[i] ?? '';
      const b = trail[i + 1] ?? '';
      const hopEdges = pairEdges.get(pairKey(a, b)) ?? [];
      hops.push({ from: a, to: b, edges: hopEdges });
      for (const edge of hopEdges) edges.add(edge);
    }
    for (const node of trail) nodes.add(node);
    return hops;
  });
  return { kind: 'found', length, paths, nodes, edges, truncated };
}
