/**
 * A graph brought up to date with an edited dataset, in place
 * ===========================================================
 *
 * An analyst's edit changes a few records; rebuilding the graph for it would
 * cost as much as opening the dataset (hundreds of milliseconds at 50,000
 * relations) and would give sigma a new graph, losing the reader's camera.
 * This changes only what differs between the dataset drawn (`before`) and
 * the edited one (`after`) — an edit keeps every record it did not touch as
 * the same object, so "differs" is an identity check — and leaves the graph
 * exactly as `buildGraph(after)` would build it, positions aside: the same
 * nodes and edges with the same attributes, degrees and sizes of the touched
 * entities recounted, and the bends of the touched pairs' parallel edges
 * recomputed in dataset order. Entities it adds sit at (0, 0): the caller
 * places them (state/keptPlaces.ts).
 */

import { typeCatalog, type Dataset, type Relation } from '../model/index.ts';
import type { NewsGraph } from './attributes.ts';
import { addRelationEdge, curvatureFor, edgeAttributesOf, nodeAttributesOf, nodeSizeForDegree } from './buildGraph.ts';

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Applies the difference; returns the ids of the entities added (to be placed). `drawnLabel`: how a label is cut for drawing. */
export function patchGraph(graph: NewsGraph, before: Dataset, after: Dataset, drawnLabel: (label: string) => string = (label) => label): string[] {
  const catalog = typeCatalog(after);
  const directed = (relation: Relation) => catalog.relation(relation.type).directed;
  const oldEntities = new Map(before.entities.map((e) => [e.id, e]));
  const newEntities = new Map(after.entities.map((e) => [e.id, e]));
  const oldRelations = new Map(before.relations.map((r) => [r.id, r]));
  const newRelations = new Map(after.relations.map((r) => [r.id, r]));
  const touchedNodes = new Set<string>();
  const touchedPairs = new Map<string, [string, string]>();
  const touch = (relation: Relation) => {
    touchedNodes.add(relation.source);
    touchedNodes.add(relation.target);
    touchedPairs.set(pairKey(relation.source, relation.target), [relation.source, relation.target]);
  };

  // Edges that are gone, or whose ends or direction changed (graphology cannot move an edge: it is added again below).
  for (const [id, old] of oldRelations) {
    const next = newRelations.get(id);
    if (next === old) continue;
    touch(old);
    if (next === undefined || next.source !== old.source || next.target !== old.target || directed(next) !== directed(old)) graph.dropEdge(id);
  }
  for (const id of oldEntities.keys()) if (!newEntities.has(id)) graph.dropNode(id);

  const added: string[] = [];
  for (const entity of after.entities) {
    const old = oldEntities.get(entity.id);
    if (old === entity) continue;
    const attributes = nodeAttributesOf(entity, 0, catalog);
    attributes.label = drawnLabel(entity.label);
    if (old === undefined) {
      graph.addNode(entity.id, attributes);
      added.push(entity.id);
      touchedNodes.add(entity.id);
    } else {
      const { label, entityType, aliases, mentionCount, color } = attributes;
      graph.mergeNodeAttributes(entity.id, { label, entityType, aliases, mentionCount, color });
    }
  }

  for (const relation of after.relations) {
    if (oldRelations.get(relation.id) === relation) continue;
    touch(relation);
    if (graph.hasEdge(relation.id)) graph.replaceEdgeAttributes(relation.id, edgeAttributesOf(relation, 0, catalog));
    else addRelationEdge(graph, relation, 0, catalog);
  }

  for (const node of touchedNodes) {
    if (!graph.hasNode(node)) continue;
    const degree = graph.edges(node).length;
    graph.mergeNodeAttributes(node, { degree, size: nodeSizeForDegree(degree) });
  }
  if (touchedPairs.size > 0) {
    const position = new Map(after.relations.map((r, k) => [r.id, k]));
    for (const [a, b] of touchedPairs.values()) {
      if (!graph.hasNode(a) || !graph.hasNode(b)) continue;
      const between = graph
        .edges(a)
        .filter((edge) => {
          const [s, t] = graph.extremities(edge);
          return (s === a && t === b) || (s === b && t === a);
        })
        .sort((x, y) => position.get(x)! - position.get(y)!);
      between.forEach((edge, k) => graph.replaceEdgeAttributes(edge, edgeAttributesOf(newRelations.get(edge)!, curvatureFor(k, between.length), catalog)));
    }
  }
  return added;
}
