/**
 * Dataset → graphology graph
 * ==========================
 *
 * Turns a validated dataset into a graphology multi-graph: one node per
 * entity, one edge per relation (keyed by relation id), undirected for
 * symmetric relation types. Parallel edges between the same pair get
 * curvatures so each stays visible (drawn by @sigma/edge-curve).
 */

import Graph from 'graphology';
import { isReservedId, ReservedIdError, typeCatalog, type Dataset, type Entity, type Relation, type TypeCatalog } from '../model/index.ts';
import type { EdgeAttributes, NewsGraph, NodeAttributes } from './attributes.ts';

/** Node size grows with the square root of degree so hubs stand out without swamping. */
export function nodeSizeForDegree(degree: number): number {
  return 6 + 4 * Math.sqrt(degree);
}

/** Spread parallel edges symmetrically: 0, then ±0.25, ±0.5 … so no two overlap. */
export function curvatureFor(index: number, count: number): number {
  if (count <= 1) return 0;
  const step = 0.3;
  return (index - (count - 1) / 2) * step;
}

export function buildGraph(dataset: Dataset): NewsGraph {
  const graph: NewsGraph = new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: 'mixed', allowSelfLoops: true });
  const { entities, relations } = dataset;
  refuseReservedKeys(dataset);
  const catalog = typeCatalog(dataset);

  // Entities by position, so degrees and node pairs are counted in typed arrays
  // rather than in maps keyed by ids and concatenated id pairs: at 50,000
  // relations that bookkeeping otherwise costs a third of graphology's own work.
  const n = entities.length;
  const indexOf = new Map<string, number>();
  for (let k = 0; k < n; k++) indexOf.set(entities[k]!.id, k);
  const degree = new Int32Array(n);
  // The unordered node pair of each relation as one number (-1 when an end is not an entity: graphology reports that below).
  const pairOf = new Float64Array(relations.length);
  for (let r = 0; r < relations.length; r++) {
    const relation = relations[r]!;
    const source = indexOf.get(relation.source);
    const target = indexOf.get(relation.target);
    if (source === undefined || target === undefined) {
      pairOf[r] = -1;
      continue;
    }
    degree[source]!++;
    if (target !== source) degree[target]!++;
    pairOf[r] = source < target ? source * n + target : target * n + source;
  }
  const bends = parallelEdgeBends(pairOf, n * n);

  for (let k = 0; k < n; k++) {
    const entity = entities[k]!;
    graph.addNode(entity.id, nodeAttributesOf(entity, degree[k]!, catalog));
  }

  for (let r = 0; r < relations.length; r++) {
    const relation = relations[r]!;
    addRelationEdge(graph, relation, bends[r]!, catalog);
  }
  return graph;
}

/** An entity's node, not yet placed (x = y = 0). */
export function nodeAttributesOf(entity: Entity, degree: number, catalog: TypeCatalog): NodeAttributes {
  return {
    label: entity.label,
    entityType: entity.type,
    aliases: entity.aliases,
    mentionCount: entity.mentions.length,
    degree,
    x: 0,
    y: 0,
    size: nodeSizeForDegree(degree),
    color: catalog.entity(entity.type).color,
  };
}

/**
 * A relation's edge attributes, bent by `bend` (its place among the parallel
 * edges of its pair). @sigma/edge-curve bends to one side of the
 * source→target direction, so an edge drawn the other way round (B→A beside
 * A→B) gets the opposite sign: otherwise the two would bend onto the same
 * side and overlap.
 */
export function edgeAttributesOf(relation: Relation, bend: number, catalog: TypeCatalog): EdgeAttributes {
  const definition = catalog.relation(relation.type);
  const signed = bend !== 0 && relation.source > relation.target ? -bend : bend;
  return {
    relationId: relation.id,
    relationType: relation.type,
    label: relation.negated ? definition.negatedLabel : definition.label,
    hedged: relation.hedged ?? false,
    negated: relation.negated ?? false,
    evidenceCount: relation.evidence.length,
    color: definition.color,
    size: 2,
    type: signed === 0 ? (definition.directed ? 'arrow' : 'line') : definition.directed ? 'curvedArrow' : 'curved',
    curvature: signed,
  };
}

/** Adds a relation's edge, directed or not as its type is. */
export function addRelationEdge(graph: NewsGraph, relation: Relation, bend: number, catalog: TypeCatalog): void {
  const attributes = edgeAttributesOf(relation, bend, catalog);
  if (catalog.relation(relation.type).directed) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
  else graph.addUndirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
}

/**
 * graphology indexes neighbours in plain objects keyed by node key: an id
 * such as "__proto__" would write into Object.prototype (see
 * model/reservedIds.ts). Validation refuses them; this guards callers that
 * build a graph from a dataset they did not validate.
 */
function refuseReservedKeys({ entities, relations }: Dataset): void {
  for (let k = 0; k < entities.length; k++) if (isReservedId(entities[k]!.id)) throw new ReservedIdError(`buildGraph: entities[${k}].id`, entities[k]!.id);
  for (let r = 0; r < relations.length; r++) if (isReservedId(relations[r]!.id)) throw new ReservedIdError(`buildGraph: relations[${r}].id`, relations[r]!.id);
}

/**
 * The bend of each relation's edge, from its node pair (`pairs[r]`, a whole
 * number below `pairLimit`, or -1 for none): parallel edges between the same
 * pair, in relation order, get `curvatureFor(index, count)`; lone edges 0.
 * Groups are found by one native sort of packed (pair, relation) numbers
 * rather than by a map lookup per relation.
 */
function parallelEdgeBends(pairs: Float64Array, pairLimit: number): Float64Array {
  const count = pairs.length;
  const bends = new Float64Array(count);
  if (count * (pairLimit + 1) > Number.MAX_SAFE_INTEGER) return parallelEdgeBendsByMap(pairs, bends);
  const keys = new Float64Array(count);
  for (let r = 0; r < count; r++) keys[r] = (pairs[r]! + 1) * count + r;
  keys.sort();
  for (let first = 0; first < count; ) {
    const pair = Math.floor(keys[first]! / count);
    let end = first + 1;
    while (end < count && Math.floor(keys[end]! / count) === pair) end++;
    if (pair > 0 && end - first > 1) for (let k = first; k < end; k++) bends[keys[k]! % count] = curvatureFor(k - first, end - first);
    first = end;
  }
  return bends;
}

/** `parallelEdgeBends` for graphs too large to pack pair and relation into one exact number. */
function parallelEdgeBendsByMap(pairs: Float64Array, bends: Float64Array): Float64Array {
  const groups = new Map<number, number[]>();
  pairs.forEach((pair, r) => {
    if (pair < 0) return;
    const group = groups.get(pair);
    if (group) group.push(r);
    else groups.set(pair, [r]);
  });
  for (const group of groups.values()) group.forEach((r, index) => (bends[r] = curvatureFor(index, group.length)));
  return bends;
}
