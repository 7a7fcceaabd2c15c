/**
 * View index
 * ==========
 *
 * Everything the explorer's reducers and legend need to know about the graph's
 * structure, computed once when the graph is built: which relation types are
 * present and how many edges each has, the ends and type of every edge, and
 * each node's incident edges. Filtering, hovering and selecting then cost a
 * few map lookups per node or edge and never walk or change the graph.
 */

import { BUILT_IN_CATALOG, type EntityTypeId, type RelationTypeId, type TypeCatalog } from '../model/index.ts';
import type { NewsGraph } from './attributes.ts';

export interface IndexedEdge {
  key: string;
  source: string;
  target: string;
  type: RelationTypeId;
  hedged: boolean;
}

export interface GraphIndex {
  /** The dataset's types, built in and declared: every colour, label and direction of a type comes from here. */
  catalog: TypeCatalog;
  /** Relation types that occur in the graph, in catalog order (the legend's rows). */
  relationTypes: readonly RelationTypeId[];
  /** Entity types that occur in the graph, in catalog order (the entity-type filter's rows). */
  entityTypes: readonly EntityTypeId[];
  /** Edge keys per relation type. */
  edgesByType: ReadonlyMap<RelationTypeId, readonly string[]>;
  edges: ReadonlyMap<string, IndexedEdge>;
  /** Keys of the edges touching each node (a self-loop is listed once). */
  nodeEdges: ReadonlyMap<string, readonly string[]>;
  /** Each node's entity type (for the entity-type filter). */
  nodeTypes: ReadonlyMap<string, EntityTypeId>;
  /** Every node and edge key, in graph order (a restyle of everything lists them without walking the graph). */
  nodeKeys: readonly string[];
  edgeKeys: readonly string[];
}

/** `catalog`: the dataset's types (`typeCatalog(dataset)`); the built-in ones by default. */
export function buildGraphIndex(graph: NewsGraph, catalog: TypeCatalog = BUILT_IN_CATALOG): GraphIndex {
  const edgesByType = new Map<RelationTypeId, string[]>();
  const edges = new Map<string, IndexedEdge>();
  const nodeEdges = new Map<string, string[]>();
  const nodeTypes = new Map<string, EntityTypeId>();
  graph.forEachNode((node, attributes) => {
    nodeEdges.set(node, []);
    nodeTypes.set(node, attributes.entityType);
  });

  graph.forEachEdge((key, attributes, source, target) => {
    const type = attributes.relationType;
    edges.set(key, { key, source, target, type, hedged: attributes.hedged });
    const ofType = edgesByType.get(type);
    if (ofType) ofType.push(key);
    else edgesByType.set(type, [key]);
    nodeEdges.get(source)?.push(key);
    if (target !== source) nodeEdges.get(target)?.push(key);
  });

  const presentEntityTypes = new Set(nodeTypes.values());
  return {
    catalog,
    relationTypes: catalog.relationTypeIds.filter((type) => edgesByType.has(type)),
    entityTypes: catalog.entityTypeIds.filter((type) => presentEntityTypes.has(type)),
    edgesByType,
    edges,
    nodeEdges,
    nodeTypes,
    nodeKeys: [...nodeTypes.keys()],
    edgeKeys: [...edges.keys()],
  };
}

/** The end of `edge` that is not `node` (the node itself for a self-loop). */
export function otherEnd(edge: IndexedEdge, node: string): string {
  return edge.source === node ? edge.target : edge.source;
}
