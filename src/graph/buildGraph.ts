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
import { ENTITY_TYPES, RELATION_TYPES, relationPhrase, type Dataset } from '../model/index.ts';
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

  const degree = new Map<string, number>();
  for (const relation of dataset.relations) {
    degree.set(relation.source, (degree.get(relation.source) ?? 0) + 1);
    if (relation.target !== relation.source) degree.set(relation.target, (degree.get(relation.target) ?? 0) + 1);
  }

  for (const entity of dataset.entities) {
    const entityDegree = degree.get(entity.id) ?? 0;
    graph.addNode(entity.id, {
      label: entity.label,
      entityType: entity.type,
      aliases: entity.aliases,
      mentionCount: entity.mentions.length,
      degree: entityDegree,
      x: 0,
      y: 0,
      size: nodeSizeForDegree(entityDegree),
      color: ENTITY_TYPES[entity.type].color,
    });
  }

  // Group relations by unordered node pair so parallel edges can be bent apart.
  const byPair = new Map<string, string[]>();
  for (const relation of dataset.relations) {
    const pair = relation.source < relation.target ? `${relation.source}\u0000${relation.target}` : `${relation.target}\u0000${relation.source}`;
    const list = byPair.get(pair);
    if (list) list.push(relation.id);
    else byPair.set(pair, [relation.id]);
  }
  const curvature = new Map<string, number>();
  const reversed = new Set(dataset.relations.filter((r) => r.source > r.target).map((r) => r.id));
  // @sigma/edge-curve bends to one side of the source→target direction, so an
  // edge drawn the other way round (B→A beside A→B) gets the opposite sign:
  // otherwise the two would bend onto the same side and overlap.
  for (const ids of byPair.values()) {
    ids.forEach((id, i) => {
      const bend = curvatureFor(i, ids.length);
      curvature.set(id, reversed.has(id) && bend !== 0 ? -bend : bend);
    });
  }

  for (const relation of dataset.relations) {
    const definition = RELATION_TYPES[relation.type];
    const bend = curvature.get(relation.id) ?? 0;
    const attributes: EdgeAttributes = {
      relationId: relation.id,
      relationType: relation.type,
      label: relationPhrase(relation.type, relation.negated),
      hedged: relation.hedged ?? false,
      negated: relation.negated ?? false,
      evidenceCount: relation.evidence.length,
      color: definition.color,
      size: 2,
      type: bend === 0 ? (definition.directed ? 'arrow' : 'line') : definition.directed ? 'curvedArrow' : 'curved',
      curvature: bend,
    };
    if (definition.directed) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
    else graph.addUndirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
  }
  return graph;
}
