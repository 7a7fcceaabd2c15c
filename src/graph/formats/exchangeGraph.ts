/**
 * Dataset → exchange graph
 * ========================
 *
 * The graph every graph format (GEXF, GraphML, graphology JSON) is written
 * from: `buildGraph`'s explorer graph, plus everything a lossless round trip
 * needs that the explorer keeps elsewhere — mentions, evidence spans,
 * `attributedTo`, imported attributes, and the documents' text in one graph
 * attribute (`newsgraph`), which also marks the file as newsgraph's own.
 *
 * Optional dataset fields (`hedged`, `negated`, `attributedTo`,
 * `attributes`) are present on the graph exactly when they are present in the
 * dataset, so `hedged: false` and "not said" survive the trip as different.
 */

import Graph from 'graphology';
import { spanText, type Attributes, type Dataset, type Evidence, type NewsDocument, type Span } from '../../model/index.ts';
import { buildGraph } from '../buildGraph.ts';
import type { Position, WriteOptions } from './types.ts';

/** Graph attribute holding the dataset's header and documents. */
export const HEADER_ATTRIBUTE = 'newsgraph';
export const HEADER_FORMAT = 'newsgraph-dataset';

export interface DatasetHeader {
  format: typeof HEADER_FORMAT;
  version: 1;
  title?: string;
  documents: NewsDocument[];
}

export interface ExchangeNodeAttributes {
  label: string;
  entityType: string;
  aliases: string[];
  mentions: Span[];
  attributes?: Attributes;
  /** Derived, for other tools' tables and for drawing; ignored when reading newsgraph's own files. */
  mentionCount: number;
  degree: number;
  color: string;
  size: number;
  x?: number;
  y?: number;
  [extra: string]: unknown;
}

export interface ExchangeEdgeAttributes {
  relationType: string;
  hedged?: boolean;
  negated?: boolean;
  attributedTo?: string;
  evidence: Evidence[];
  attributes?: Attributes;
  /** Derived: the registry phrase, the quoted sentences, drawing. */
  label: string;
  evidenceCount: number;
  evidenceText: string;
  color: string;
  size: number;
  [extra: string]: unknown;
}

/** Node keys whose values are derived from the dataset and the registries, never read back from newsgraph's own files. */
export const DERIVED_NODE_KEYS: ReadonlySet<string> = new Set(['mentionCount', 'degree', 'color', 'size', 'x', 'y', 'z', 'shape', 'thickness']);
export const DERIVED_EDGE_KEYS: ReadonlySet<string> = new Set([
  'label',
  'evidenceCount',
  'evidenceText',
  'color',
  'size',
  'weight',
  'thickness',
  'shape',
  'type',
  'curvature',
  'relationId',
  'kind',
]);

export type ExchangeGraph = Graph<ExchangeNodeAttributes, ExchangeEdgeAttributes, Record<string, unknown>>;

export function positionOf(positions: WriteOptions['positions'], id: string): Position | undefined {
  if (!positions) return undefined;
  if (positions instanceof Map) return positions.get(id);
  const record = positions as Readonly<Record<string, Position>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

export function datasetHeader(dataset: Dataset): DatasetHeader {
  const header: DatasetHeader = { format: HEADER_FORMAT, version: 1, documents: dataset.documents };
  if (dataset.title !== undefined) header.title = dataset.title;
  return header;
}

/** The evidence sentences of a relation as text, one per line, for tools that cannot resolve spans. */
export function evidenceText(dataset: Dataset, evidence: readonly Evidence[]): string {
  const texts = new Map(dataset.documents.map((d) => [d.id, d.text]));
  return evidence.map((e) => spanText(texts.get(e.document) ?? '', e)).join('\n');
}

export function toExchangeGraph(dataset: Dataset, positions?: WriteOptions['positions']): ExchangeGraph {
  const explorer = buildGraph(dataset);
  const graph: ExchangeGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
  graph.setAttribute(HEADER_ATTRIBUTE, datasetHeader(dataset));

  for (const entity of dataset.entities) {
    const drawn = explorer.getNodeAttributes(entity.id);
    const attributes: ExchangeNodeAttributes = {
      label: entity.label,
      entityType: entity.type,
      aliases: entity.aliases,
      mentions: entity.mentions,
      mentionCount: entity.mentions.length,
      degree: drawn.degree,
      color: drawn.color,
      size: drawn.size,
    };
    if (entity.attributes !== undefined) attributes.attributes = entity.attributes;
    const position = positionOf(positions, entity.id);
    if (position) {
      attributes.x = position.x;
      attributes.y = position.y;
    }
    graph.addNode(entity.id, attributes);
  }

  for (const relation of dataset.relations) {
    const drawn = explorer.getEdgeAttributes(relation.id);
    const attributes: ExchangeEdgeAttributes = {
      relationType: relation.type,
      evidence: relation.evidence,
      label: drawn.label,
      evidenceCount: relation.evidence.length,
      evidenceText: evidenceText(dataset, relation.evidence),
      color: drawn.color,
      size: drawn.size,
      type: drawn.type,
      curvature: drawn.curvature,
    };
    if (relation.hedged !== undefined) attributes.hedged = relation.hedged;
    if (relation.negated !== undefined) attributes.negated = relation.negated;
    if (relation.attributedTo !== undefined) attributes.attributedTo = relation.attributedTo;
    if (relation.attributes !== undefined) attributes.attributes = relation.attributes;
    if (explorer.isDirected(relation.id)) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
    else graph.addUndirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
  }
  return graph;
}
