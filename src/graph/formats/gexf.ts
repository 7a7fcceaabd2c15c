/**
 * GEXF 1.3 (Gephi)
 * ================
 *
 * Written by a streaming GEXF 1.3 writer (gexfWriter.ts: the document
 * graphology-gexf's writer produces, in bounded parts, with one edge kind per
 * file), formatted so the file opens in Gephi looking like newsgraph: the
 * type catalog's colours (built-in and declared types) as viz:color, node
 * size by degree, positions when the caller has a layout, edge weight =
 * number of supporting sentences, and readable columns (type, aliases,
 * relation type, flags, the evidence sentences quoted, cut at 300
 * characters). The exact dataset rides along: spans, aliases and kept
 * attributes as JSON columns, documents and declared types as JSON in
 * `<meta><newsgraph>`, which Gephi ignores and newsgraph reads back.
 *
 * Symmetric relations: an undirected edge when the file has only those,
 * else a directed one with the column `directed` = false (networkx refuses a
 * GEXF that mixes edge kinds; see gexfWriter.ts for every format).
 *
 * Dates: each dated relation's reporting days are written as edge
 * `<spells>` and each node's as the union of its relations' (exchangeGraph.ts),
 * in a `mode="dynamic"` graph with `timeformat="date"`, so Gephi's timeline
 * plays the story; `first_reported`, `last_reported`, `articles`, `outlets`
 * and `event_date` are plain columns for its table and filters. Undated
 * relations have no spells (always shown). A GEXF from another tool gives
 * back its edges' spells, start/end or dynamic attvalue times as `reported`
 * (gexfTime.ts).
 *
 * Read from a strictly parsed element tree (xml.ts, saxes) after a
 * structural check that locates every fault (xmlGraphCheck.ts), with the
 * same reading rules as graphology-gexf's parser (whose attribute value
 * parser it reuses): graphology-gexf's own parser needs a DOM, and with
 * xmldom that took 15 s and most of the memory for a 40 MB file, and skipped
 * mismatched tags without a word.
 */

import Graph from 'graphology';
import { parseValue } from 'graphology-gexf/common/helpers.js';
import type { Dataset } from '../../model/index.ts';
import { HEADER_ATTRIBUTE, datasetHeaderJson, toExchangeGraph, type ExchangeEdgeAttributes, type ExchangeNodeAttributes } from './exchangeGraph.ts';
import { graphToDataset, type AnyGraph } from './fromGraph.ts';
import { selectTypes } from './select.ts';
import type { ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';
import { writeGexfParts, type GexfElement } from './gexfWriter.ts';
import { readGexfEdgeTimes } from './gexfTime.ts';
import { assertXmlWritable, childrenNamed, parseXmlTree, textContent, xmlDisplayText, xmlSafeJson, type XmlElement } from './xml.ts';
import { checkXmlGraph } from './xmlGraphCheck.ts';
import type { XmlReaderLimits } from './xmlLimits.ts';

export const GEXF_MIME_TYPE = 'application/gexf+xml';

/** `#0072B2` → `rgb(0,114,178)`: written as r/g/b, which Gephi 0.9 reads too (it does not know GEXF 1.3's hex). */
function rgbOf(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  return `rgb(${match.slice(1, 4).map((h) => parseInt(h, 16)).join(',')})`;
}

/** How nodes and edges become GEXF columns; `json` and `display` are xmlSafeJson and xmlDisplayText when writing. */
function formatters(json: (value: unknown) => string, display: (text: string) => string) {
  return {
    node: (_key: string, attributes: Record<string, unknown>) => {
      const a = attributes as ExchangeNodeAttributes;
      const columns: Record<string, string | number> = {
        entityType: a.entityType,
        aliases: json(a.aliases),
        mentions: json(a.mentions),
        mentionCount: a.mentionCount,
        degree: a.degree,
      };
      if (a.wikidata !== undefined) columns.wikidata = a.wikidata;
      if (a.attributes !== undefined) columns.attributes = json(a.attributes);
      const viz: { color: string; size: number; x?: number; y?: number } = { color: rgbOf(a.color), size: a.size };
      if (a.x !== undefined && a.y !== undefined) {
        viz.x = a.x;
        viz.y = a.y;
      }
      const element: GexfElement = { label: a.label, viz, attributes: columns };
      if (a.spells) element.spells = a.spells;
      return element;
    },
    edge: (_key: string, attributes: Record<string, unknown>, undirected: boolean) => {
      const a = attributes as ExchangeEdgeAttributes;
      // `directed`: false for a symmetric relation, which a mixed graph writes as a directed edge (gexfWriter.ts).
      const columns: Record<string, string | number | boolean> = { relationType: a.relationType, directed: !undirected };
      if (a.hedged !== undefined) columns.hedged = a.hedged;
      if (a.negated !== undefined) columns.negated = a.negated;
      if (a.attributedTo !== undefined) columns.attributedTo = a.attributedTo;
      columns.evidence = json(a.evidence);
      if (a.reported !== undefined) columns.reported = json(a.reported);
      columns.evidenceCount = a.evidenceCount;
      // A readable quote, at most EVIDENCE_QUOTE_MAX characters: the sentences themselves are in the header, once.
      if (a.evidenceText) columns.evidenceText = display(a.evidenceText);
      if (a.attributes !== undefined) columns.attributes = json(a.attributes);
      if (a.first_reported !== undefined) columns.first_reported = a.first_reported;
      if (a.last_reported !== undefined) columns.last_reported = a.last_reported;
      columns.articles = a.articles;
      columns.outlets = a.outlets;
      if (a.event_date !== undefined) columns.event_date = a.event_date;
      // The label is the type's phrase: a declared type's may hold any text (exact in the header).
      const element: GexfElement = { label: display(a.label), weight: Math.max(1, a.evidenceCount), viz: { color: rgbOf(a.color) }, attributes: columns };
      if (a.spells) element.spells = a.spells;
      return element;
    },
  };
}

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  const selected = selectTypes(dataset, options.types);
  assertXmlWritable(selected, 'GEXF');
  const graph = toExchangeGraph(selected, options.positions);
  // <meta> children, in this order; the header one document at a time.
  const meta: Array<readonly [string, string | string[]]> = [['creator', 'newsgraph']];
  if (selected.title) meta.push(['description', xmlDisplayText(selected.title)]);
  meta.push([HEADER_ATTRIBUTE, [...datasetHeaderJson(selected, xmlSafeJson)]]);

  const writing = formatters(xmlSafeJson, xmlDisplayText);
  // The column model needs names and types only: a stand-in string for JSON and quotes, so nothing is serialized twice.
  const modelling = formatters(
    () => 'x',
    (text) => text,
  );
  const parts = writeGexfParts(graph, {
    meta,
    dynamic: graph.someEdge((_key, attributes) => attributes.spells !== undefined),
    formatNode: writing.node,
    formatEdge: writing.edge,
    modelNode: modelling.node,
    modelEdge: modelling.edge,
  });
  return { parts, mimeType: GEXF_MIME_TYPE, extension: 'gexf' };
}

/** `<viz:color>` as graphology-gexf reads it: the hex, else rgb()/rgba(). */
function vizColor(element: XmlElement): string {
  const { hex, r, g, b, a } = element.attributes;
  if (hex) return hex;
  return a ? `rgba(${r},${g},${b},${a})` : `rgb(${r},${g},${b})`;
}

interface ColumnModel {
  /** The attribute name on the graph: the column id, or its title when the id is a number (Gephi 0.9 writes id="0"). */
  key: string;
  type: string;
}

function columnModels(graph: XmlElement, forClass: string): { model: Map<string, ColumnModel>; defaults: Record<string, unknown> } {
  const model = new Map<string, ColumnModel>();
  const defaults: Record<string, unknown> = Object.create(null);
  for (const block of childrenNamed(graph, 'attributes')) {
    if (block.attributes.class !== forClass) continue;
    for (const attribute of childrenNamed(block, 'attribute')) {
      const id = attribute.attributes.id ?? attribute.attributes.for ?? '';
      const type = attribute.attributes.type || 'string';
      const key = Number.isNaN(Number(id)) ? id : attribute.attributes.title || id;
      model.set(id, { key, type });
      const fallback = childrenNamed(attribute, 'default')[0];
      if (fallback) defaults[key] = parseValue(type, textContent(fallback));
    }
  }
  return { model, defaults };
}

/** An element's label, attvalues (typed by the model), defaults, and viz data, as graphology-gexf collects them. */
function elementAttributes(element: XmlElement, columns: ReturnType<typeof columnModels>): Record<string, unknown> {
  // Null prototype: a column named __proto__ is an own value like any other.
  const data: Record<string, unknown> = Object.create(null);
  const { label, weight, kind } = element.attributes;
  if (label) data.label = label;
  if (weight) data.weight = Number(weight);
  if (kind) data.kind = kind;
  for (const values of childrenNamed(element, 'attvalues')) {
    for (const value of childrenNamed(values, 'attvalue')) {
      const id = value.attributes.for ?? value.attributes.id ?? '';
      const column = columns.model.get(id);
      data[column?.key ?? id] = parseValue(column?.type ?? 'string', value.attributes.value ?? '');
    }
  }
  for (const [key, value] of Object.entries(columns.defaults)) if (!(key in data)) data[key] = value;
  for (const viz of element.children) {
    const a = viz.attributes;
    switch (viz.local) {
      case 'color':
        data.color = vizColor(viz);
        break;
      case 'size':
        data.size = Number(a.value);
        break;
      case 'position':
        if (a.x) data.x = Number(a.x);
        if (a.y) data.y = Number(a.y);
        if (a.z) data.z = Number(a.z);
        break;
      case 'shape':
        data.shape = a.value;
        break;
      case 'thickness':
        data.thickness = Number(a.value);
        break;
    }
  }
  return data;
}

/**
 * The elements `read` looks at even when empty (attributes only): any other
 * empty element is not kept in the tree (xml.ts `keep`). Containers (nodes,
 * attvalues …) are kept whenever they hold one of these, and <meta> children
 * whenever they hold text.
 */
const READ_ELEMENTS: ReadonlySet<string> = new Set(['graph', 'node', 'edge', 'attribute', 'default', 'attvalue', 'spell', 'color', 'size', 'position', 'shape', 'thickness']);

export function read(content: string, file: string, options: ReadOptions & { xmlLimits?: Partial<XmlReaderLimits> } = {}): ReadResult {
  const root = parseXmlTree(content, file, 'GEXF', { keep: READ_ELEMENTS, ...(options.xmlLimits ? { limits: options.xmlLimits } : {}) });
  const structure = checkXmlGraph(root, file, 'GEXF', 'gexf');
  const graph: AnyGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });

  // <meta> children become graph attributes (the newsgraph header among them).
  for (const meta of childrenNamed(root, 'meta')) {
    for (const child of meta.children) {
      const text = textContent(child);
      if (text.trim()) graph.setAttribute(child.local.toLowerCase(), text);
    }
  }

  const defaultType = structure.graph.attributes.defaultedgetype === 'directed' ? 'directed' : 'undirected';
  const nodeColumns = columnModels(structure.graph, 'node');
  const edgeColumns = columnModels(structure.graph, 'edge');
  for (const { element, id } of structure.nodes) graph.addNode(id, elementAttributes(element, nodeColumns));
  for (const { element, id, source, target } of structure.edges) {
    const type = element.attributes.type ?? defaultType;
    const attributes = elementAttributes(element, edgeColumns);
    if (type === 'directed') graph.addDirectedEdgeWithKey(id, source, target, attributes);
    else graph.addUndirectedEdgeWithKey(id, source, target, attributes);
  }
  return graphToDataset(graph, {
    file,
    options,
    describeNode: structure.describeNode,
    describeEdge: structure.describeEdge,
    describeHeader: '<meta><newsgraph>',
    edgeTimes: () => readGexfEdgeTimes(structure.graph, structure.edges, structure.describeEdge),
  });
}
