/**
 * Dataset → exchange graph
 * ========================
 *
 * The graph every graph format (GEXF, GraphML, graphology JSON) is written
 * from: `buildGraph`'s explorer graph, plus everything a lossless round trip
 * needs that the explorer keeps elsewhere — mentions, evidence spans,
 * `attributedTo`, imported attributes, and the documents' text in one graph
 * attribute (`newsgraph`), which also marks the file as newsgraph's own.
 * The header also carries the dataset's declared types (`relationTypes`,
 * `entityTypes`, as in the dataset), present exactly when the dataset has
 * them, so a type the file brought with it reads back with its label,
 * direction and colour.
 *
 * Optional dataset fields (`hedged`, `negated`, `attributedTo`, `reported`,
 * `attributes`) are present on the graph exactly when they are present in the
 * dataset, so `hedged: false` and "not said" survive the trip as different.
 *
 * When each relation was reported is written for other tools too (derived,
 * never read back from newsgraph's own files): `spells`, the reporting days
 * (model/reporting.ts: the evidence articles' publication days merged with
 * the declared `reported`), which a GEXF writes as Gephi timeline spells;
 * `first_reported` / `last_reported` (YYYY-MM-DD); `articles` and `outlets`
 * (model/relationSources.ts, wire copies counted once); `event_date`, the
 * earliest date an evidence sentence says the event happened. A node's
 * `spells` are the union of its relations' — absent (always there) when any
 * of its relations is undated, so Gephi never hides an undated edge's end.
 */

import Graph from 'graphology';
import {
  buildReportingIndex,
  buildSourceIndex,
  dayNumber,
  dayString,
  mergeSpells,
  spanText,
  spellsAsReported,
  type Attributes,
  type Dataset,
  type DaySpells,
  type EntityTypeDeclaration,
  type Evidence,
  type NewsDocument,
  type RelationTypeDeclaration,
  type Span,
  type Spell,
} from '../../model/index.ts';
import { buildGraph } from '../buildGraph.ts';
import type { Position, WriteOptions } from './types.ts';

/** Graph attribute holding the dataset's header and documents. */
export const HEADER_ATTRIBUTE = 'newsgraph';
export const HEADER_FORMAT = 'newsgraph-dataset';

/** Header fields holding the dataset's declared types (the dataset's own field names). */
export const HEADER_RELATION_TYPES = 'relationTypes';
export const HEADER_ENTITY_TYPES = 'entityTypes';

export interface DatasetHeader {
  format: typeof HEADER_FORMAT;
  version: 1;
  title?: string;
  relationTypes?: RelationTypeDeclaration[];
  entityTypes?: EntityTypeDeclaration[];
  documents: NewsDocument[];
}

export interface ExchangeNodeAttributes {
  label: string;
  entityType: string;
  aliases: string[];
  mentions: Span[];
  /** The Wikidata item ("Q159"), when known. */
  wikidata?: string;
  attributes?: Attributes;
  /** Derived, for other tools' tables and for drawing; ignored when reading newsgraph's own files. */
  mentionCount: number;
  degree: number;
  color: string;
  size: number;
  x?: number;
  y?: number;
  /** Derived: the union of its relations' reporting spells; absent when it has an undated relation or none. */
  spells?: Spell[];
  [extra: string]: unknown;
}

export interface ExchangeEdgeAttributes {
  relationType: string;
  hedged?: boolean;
  negated?: boolean;
  attributedTo?: string;
  evidence: Evidence[];
  /** The dataset's `reported`, as declared (not merged with the articles' days). */
  reported?: Spell[];
  attributes?: Attributes;
  /** Derived: the registry phrase, the quoted sentences, drawing. */
  label: string;
  evidenceCount: number;
  evidenceText: string;
  color: string;
  size: number;
  /** Derived: when and by whom it was reported (see the header); the dates absent when it is undated. */
  spells?: Spell[];
  first_reported?: string;
  last_reported?: string;
  articles: number;
  outlets: number;
  event_date?: string;
  [extra: string]: unknown;
}

/** Node keys whose values are derived from the dataset and the registries, never read back from newsgraph's own files. */
export const DERIVED_NODE_KEYS: ReadonlySet<string> = new Set(['mentionCount', 'degree', 'color', 'size', 'x', 'y', 'z', 'shape', 'thickness', 'spells']);
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
  'spells',
  'first_reported',
  'last_reported',
  'articles',
  'outlets',
  'event_date',
  'directed',
]);

export type ExchangeGraph = Graph<ExchangeNodeAttributes, ExchangeEdgeAttributes, Record<string, unknown>>;

export function positionOf(positions: WriteOptions['positions'], id: string): Position | undefined {
  if (!positions) return undefined;
  if (positions instanceof Map) return positions.get(id);
  const record = positions as Readonly<Record<string, Position>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

export function datasetHeader(dataset: Dataset): DatasetHeader {
  // Keys in the order datasetHeaderJson writes them.
  const header: DatasetHeader = {
    format: HEADER_FORMAT,
    version: 1,
    ...(dataset.relationTypes !== undefined ? { relationTypes: dataset.relationTypes } : {}),
    ...(dataset.entityTypes !== undefined ? { entityTypes: dataset.entityTypes } : {}),
    documents: dataset.documents,
  };
  if (dataset.title !== undefined) header.title = dataset.title;
  return header;
}

/**
 * `stringify(datasetHeader(dataset))` in pieces, one per document, so a
 * header of many long articles is never one string (`stringify` is
 * `JSON.stringify` or a variant such as xml.ts's `xmlSafeJson`).
 */
export function* datasetHeaderJson(dataset: Dataset, stringify: (value: unknown) => string = JSON.stringify): Generator<string> {
  let open = `{"format":${stringify(HEADER_FORMAT)},"version":1,`;
  if (dataset.relationTypes !== undefined) open += `${stringify(HEADER_RELATION_TYPES)}:${stringify(dataset.relationTypes)},`;
  if (dataset.entityTypes !== undefined) open += `${stringify(HEADER_ENTITY_TYPES)}:${stringify(dataset.entityTypes)},`;
  yield `${open}"documents":[`;
  let first = true;
  for (const document of dataset.documents) {
    yield `${first ? '' : ','}${stringify(document)}`;
    first = false;
  }
  yield dataset.title !== undefined ? `],"title":${stringify(dataset.title)}}` : ']}';
}

/**
 * Longest readable quote written per edge (`evidenceText`), in UTF-16 code
 * units before the ellipsis. The exact sentences are stored once, in the
 * documents of the header, and found through the `evidence` spans; the quote
 * is only for reading in Gephi's or Cytoscape's table, so a long sentence
 * cited by many relations is not copied into every edge.
 */
export const EVIDENCE_QUOTE_MAX = 300;

/** `text` cut to `max` code units (never inside a surrogate pair) with "…" when longer. */
export function boundedQuote(text: string, max = EVIDENCE_QUOTE_MAX): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * The evidence sentences of a relation as text, one per line, for tools that
 * cannot resolve spans; at most `EVIDENCE_QUOTE_MAX` code units and an
 * ellipsis. Pass `texts` (document id → text) when quoting many relations.
 */
export function evidenceText(dataset: Dataset, evidence: readonly Evidence[], texts: ReadonlyMap<string, string> = documentTexts(dataset)): string {
  let quote = '';
  for (const e of evidence) {
    const document = texts.get(e.document) ?? '';
    // Only the part that can still show: a 2 MB sentence is never copied whole.
    const room = EVIDENCE_QUOTE_MAX + 1 - quote.length - (quote ? 1 : 0);
    const sentence = spanText(document, { start: e.start, end: Math.min(e.end, e.start + Math.max(0, room) + 1) });
    quote += (quote ? '\n' : '') + sentence;
    if (quote.length > EVIDENCE_QUOTE_MAX) break;
  }
  return boundedQuote(quote);
}

export function documentTexts(dataset: Dataset): Map<string, string> {
  return new Map(dataset.documents.map((d) => [d.id, d.text]));
}

/** The earliest event date of the evidence (by the first day it covers; the more precise on a tie), or undefined. */
export function earliestEventDate(evidence: readonly Evidence[]): string | undefined {
  let earliest: string | undefined;
  let earliestDay = Infinity;
  for (const { event } of evidence) {
    if (!event) continue;
    const day = dayNumber(event.date);
    if (day < earliestDay || (day === earliestDay && event.date.length > earliest!.length)) {
      earliest = event.date;
      earliestDay = day;
    }
  }
  return earliest;
}

/** Each entity's spells: the union of its relations' spells; none when any of its relations is undated, or it has none. */
function entitySpells(dataset: Dataset, times: ReadonlyMap<string, { spells: DaySpells }>): Map<string, Spell[]> {
  const ranges = new Map<string, Array<readonly [number, number]>>();
  const undated = new Set<string>();
  for (const relation of dataset.relations) {
    const time = times.get(relation.id);
    for (const end of new Set([relation.source, relation.target])) {
      if (!time) {
        undated.add(end);
        continue;
      }
      let list = ranges.get(end);
      if (!list) ranges.set(end, (list = []));
      list.push(...time.spells);
    }
  }
  const spells = new Map<string, Spell[]>();
  for (const [id, list] of ranges) if (!undated.has(id)) spells.set(id, spellsAsReported(mergeSpells(list)));
  return spells;
}

export function toExchangeGraph(dataset: Dataset, positions?: WriteOptions['positions']): ExchangeGraph {
  const explorer = buildGraph(dataset);
  const texts = documentTexts(dataset);
  const reporting = buildReportingIndex(dataset);
  const sources = buildSourceIndex(dataset);
  const nodeSpells = entitySpells(dataset, reporting.times);
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
    if (entity.wikidata !== undefined) attributes.wikidata = entity.wikidata;
    if (entity.attributes !== undefined) attributes.attributes = entity.attributes;
    const position = positionOf(positions, entity.id);
    if (position) {
      attributes.x = position.x;
      attributes.y = position.y;
    }
    const spells = nodeSpells.get(entity.id);
    if (spells) attributes.spells = spells;
    graph.addNode(entity.id, attributes);
  }

  for (const relation of dataset.relations) {
    const drawn = explorer.getEdgeAttributes(relation.id);
    const attributes: ExchangeEdgeAttributes = {
      relationType: relation.type,
      evidence: relation.evidence,
      label: drawn.label,
      evidenceCount: relation.evidence.length,
      evidenceText: evidenceText(dataset, relation.evidence, texts),
      color: drawn.color,
      size: drawn.size,
      type: drawn.type,
      curvature: drawn.curvature,
      articles: sources.byRelation.get(relation.id)?.articleCount ?? 0,
      outlets: sources.byRelation.get(relation.id)?.outletCount ?? 0,
    };
    if (relation.hedged !== undefined) attributes.hedged = relation.hedged;
    if (relation.negated !== undefined) attributes.negated = relation.negated;
    if (relation.attributedTo !== undefined) attributes.attributedTo = relation.attributedTo;
    if (relation.reported !== undefined) attributes.reported = relation.reported;
    if (relation.attributes !== undefined) attributes.attributes = relation.attributes;
    const time = reporting.times.get(relation.id);
    if (time) {
      attributes.spells = spellsAsReported(time.spells);
      attributes.first_reported = dayString(time.first);
      attributes.last_reported = dayString(time.last);
    }
    const eventDate = earliestEventDate(relation.evidence);
    if (eventDate !== undefined) attributes.event_date = eventDate;
    if (explorer.isDirected(relation.id)) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
    else graph.addUndirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
  }
  return graph;
}
