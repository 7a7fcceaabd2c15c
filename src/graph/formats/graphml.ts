/**
 * GraphML (networkx, Cytoscape, yEd)
 * ==================================
 *
 * graphology-graphml only parses, and needs a DOM (slow and lenient with
 * xmldom, see gexf.ts), so both directions are here. The writer: a few lines of XML
 * with `<key>` declarations (`attr.name`, `attr.type`) as networkx and
 * Cytoscape read them. No edge carries its own `directed` flag, because
 * networkx refuses a file that mixes directed and undirected edges: a graph
 * of symmetric relations only is written with `edgedefault="undirected"`,
 * any other with `edgedefault="directed"`, a symmetric relation then as an
 * edge source → target with the column `directed` = false (see
 * gexfWriter.ts for every format). Whether a relation is symmetric follows
 * from its type (built in, or declared in the header), so nothing is lost.
 *
 * When each relation was reported is written as plain columns other tools
 * can filter on (exchangeGraph.ts): `spells` ("2023-01-03/2023-01-05;…",
 * spellText.ts), `first_reported`, `last_reported`, `event_date`,
 * `articles`, `outlets`. A GraphML from another tool gives its edges' date
 * columns back as `reported` (edgeDates.ts).
 *
 * The reader follows graphology-graphml's rules (data by `attr.name`, cast by
 * `attr.type`, unknown keys kept under their id) and fixes what it lacks:
 * see `keySpecs`.
 */

import Graph from 'graphology';
import type { Dataset, Spell } from '../../model/index.ts';
import { HEADER_ATTRIBUTE, datasetHeaderJson, toExchangeGraph, type ExchangeGraph } from './exchangeGraph.ts';
import { graphToDataset, type AnyGraph } from './fromGraph.ts';
import { PartsBuilder } from './parts.ts';
import { selectTypes } from './select.ts';
import { formatSpellList } from './spellText.ts';
import type { ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';
import {
  assertXmlWritable,
  childrenNamed,
  descendantsNamed,
  escapeXmlAttribute,
  escapeXmlText,
  parseXmlTree,
  textContent,
  xmlDisplayText,
  xmlSafeJson,
  type XmlElement,
} from './xml.ts';
import { checkXmlGraph } from './xmlGraphCheck.ts';
import type { XmlReaderLimits } from './xmlLimits.ts';

export const GRAPHML_MIME_TYPE = 'application/graphml+xml';

type Domain = 'graph' | 'node' | 'edge';
type ValueType = 'string' | 'boolean' | 'int' | 'double';
type Value = string | number | boolean;

interface Column {
  domain: Domain;
  name: string;
  type: ValueType;
  /** The value for one element, or undefined to write no <data>; `undirected` is the edge's kind in the exchange graph. */
  value: (attributes: Record<string, unknown>, undirected?: boolean) => Value | undefined;
}

const json = (name: string) => (a: Record<string, unknown>) => (a[name] === undefined ? undefined : xmlSafeJson(a[name]));
const plain = (name: string) => (a: Record<string, unknown>) => {
  const value = a[name];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
};

/** The columns, as data: declared as <key>s in this order, written where a value exists. */
const COLUMNS: Column[] = [
  { domain: 'graph', name: HEADER_ATTRIBUTE, type: 'string', value: plain(HEADER_ATTRIBUTE) },
  { domain: 'node', name: 'label', type: 'string', value: plain('label') },
  { domain: 'node', name: 'entityType', type: 'string', value: plain('entityType') },
  { domain: 'node', name: 'aliases', type: 'string', value: json('aliases') },
  { domain: 'node', name: 'mentions', type: 'string', value: json('mentions') },
  { domain: 'node', name: 'wikidata', type: 'string', value: plain('wikidata') },
  { domain: 'node', name: 'attributes', type: 'string', value: json('attributes') },
  { domain: 'node', name: 'mentionCount', type: 'int', value: plain('mentionCount') },
  { domain: 'node', name: 'degree', type: 'int', value: plain('degree') },
  { domain: 'node', name: 'color', type: 'string', value: plain('color') },
  { domain: 'node', name: 'size', type: 'double', value: plain('size') },
  { domain: 'node', name: 'x', type: 'double', value: plain('x') },
  { domain: 'node', name: 'y', type: 'double', value: plain('y') },
  { domain: 'edge', name: 'relationType', type: 'string', value: plain('relationType') },
  { domain: 'edge', name: 'directed', type: 'boolean', value: (_a, undirected) => (undirected === undefined ? undefined : !undirected) },
  // The type's phrase: a declared type's may hold any text (exact in the header).
  { domain: 'edge', name: 'label', type: 'string', value: (a) => (typeof a.label === 'string' ? xmlDisplayText(a.label) : undefined) },
  { domain: 'edge', name: 'hedged', type: 'boolean', value: plain('hedged') },
  { domain: 'edge', name: 'negated', type: 'boolean', value: plain('negated') },
  { domain: 'edge', name: 'attributedTo', type: 'string', value: plain('attributedTo') },
  { domain: 'edge', name: 'evidence', type: 'string', value: json('evidence') },
  { domain: 'edge', name: 'reported', type: 'string', value: json('reported') },
  { domain: 'edge', name: 'attributes', type: 'string', value: json('attributes') },
  { domain: 'edge', name: 'evidenceCount', type: 'int', value: plain('evidenceCount') },
  { domain: 'edge', name: 'evidenceText', type: 'string', value: (a) => (typeof a.evidenceText === 'string' && a.evidenceText ? xmlDisplayText(a.evidenceText) : undefined) },
  { domain: 'edge', name: 'spells', type: 'string', value: (a) => (Array.isArray(a.spells) ? formatSpellList(a.spells as Spell[]) : undefined) },
  { domain: 'edge', name: 'first_reported', type: 'string', value: plain('first_reported') },
  { domain: 'edge', name: 'last_reported', type: 'string', value: plain('last_reported') },
  { domain: 'edge', name: 'event_date', type: 'string', value: plain('event_date') },
  { domain: 'edge', name: 'articles', type: 'int', value: plain('articles') },
  { domain: 'edge', name: 'outlets', type: 'int', value: plain('outlets') },
  { domain: 'edge', name: 'color', type: 'string', value: plain('color') },
  { domain: 'edge', name: 'weight', type: 'double', value: (a) => (typeof a.evidenceCount === 'number' ? Math.max(1, a.evidenceCount) : undefined) },
];

const keyId = (column: Column) => `${column.domain[0]}_${column.name}`;

function dataLines(columns: Column[], attributes: Record<string, unknown>, indent: string, undirected?: boolean): string[] {
  const lines: string[] = [];
  for (const column of columns) {
    const value = column.value(attributes, undirected);
    if (value === undefined) continue;
    lines.push(`${indent}<data key="${keyId(column)}">${escapeXmlText(String(value))}</data>`);
  }
  return lines;
}

/** The GraphML document in bounded parts (element by element, the header one document at a time). */
function serialize(graph: ExchangeGraph, header: Iterable<string>): string[] {
  // Declare only the columns some element uses: a reader's table then has no empty columns.
  const used = COLUMNS.filter((column) => {
    if (column.domain === 'graph') return column.name === HEADER_ATTRIBUTE || column.value(graph.getAttributes()) !== undefined;
    if (column.domain === 'node') return graph.someNode((_k, a) => column.value(a) !== undefined);
    return graph.someEdge((_k, a, _s, _t, _sa, _ta, undirected) => column.value(a, undirected) !== undefined);
  });
  const out = new PartsBuilder();
  out.push(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
      ...used.map((c) => `  <key id="${keyId(c)}" for="${c.domain}" attr.name="${c.name}" attr.type="${c.type}"/>`),
      `  <graph id="G" edgedefault="${graph.directedSize === 0 && graph.undirectedSize > 0 ? 'undirected' : 'directed'}">`,
      '',
    ].join('\n'),
  );
  for (const column of used.filter((c) => c.domain === 'graph')) {
    if (column.name === HEADER_ATTRIBUTE) {
      out.push(`    <data key="${keyId(column)}">`);
      for (const piece of header) out.push(escapeXmlText(piece));
      out.push('</data>\n');
    } else for (const line of dataLines([column], graph.getAttributes(), '    ')) out.push(`${line}\n`);
  }
  const nodeColumns = used.filter((c) => c.domain === 'node');
  graph.forEachNode((key, attributes) => {
    out.push([`    <node id="${escapeXmlAttribute(key)}">`, ...dataLines(nodeColumns, attributes, '      '), '    </node>', ''].join('\n'));
  });
  const edgeColumns = used.filter((c) => c.domain === 'edge');
  graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
    out.push(
      [
        `    <edge id="${escapeXmlAttribute(key)}" source="${escapeXmlAttribute(source)}" target="${escapeXmlAttribute(target)}">`,
        ...dataLines(edgeColumns, attributes, '      ', undirected),
        '    </edge>',
        '',
      ].join('\n'),
    );
  });
  out.push('  </graph>\n</graphml>\n');
  return out.finish();
}

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  const selected = selectTypes(dataset, options.types);
  assertXmlWritable(selected, 'GraphML');
  const graph = toExchangeGraph(selected, options.positions);
  // The header (documents) is written straight from the dataset, in pieces; the graph attribute is not used.
  graph.removeAttribute(HEADER_ATTRIBUTE);
  return { parts: serialize(graph, datasetHeaderJson(selected, xmlSafeJson)), mimeType: GRAPHML_MIME_TYPE, extension: 'graphml' };
}

type Cast = (value: string) => string | number | boolean;

const CASTS: Record<string, Cast> = {
  boolean: (v) => v.trim().toLowerCase() === 'true',
  int: Number,
  long: Number,
  float: Number,
  double: Number,
  string: (v) => v,
};

/** The cast for an `attr.type`; an unknown one (`__proto__` and `toString` included: CASTS is a plain object) reads as a string. */
function castFor(type: string | undefined): Cast {
  return type !== undefined && Object.hasOwn(CASTS, type) ? CASTS[type]! : CASTS.string!;
}

interface KeySpec {
  name: string;
  cast: Cast;
  /** yEd's drawing data: read as the text of its NodeLabel/EdgeLabel elements. */
  labelTag?: string;
}

/**
 * The <key> declarations per domain, as graphology-graphml reads them, plus
 * what it does not: `for="all"` keys count for every domain, defaults are
 * typed, keys for ports, hyperedges or the document are ignored, and yEd's
 * graphics keys (no attr.name) yield the label drawn on the node or edge.
 */
function keySpecs(root: XmlElement): { specs: Record<Domain, Map<string, KeySpec>>; defaults: Record<Domain, Record<string, unknown>> } {
  const specs: Record<Domain, Map<string, KeySpec>> = { graph: new Map(), node: new Map(), edge: new Map() };
  const defaults: Record<Domain, Record<string, unknown>> = { graph: Object.create(null), node: Object.create(null), edge: Object.create(null) };
  const keys = childrenNamed(root, 'key');
  const named = new Set(keys.map((k) => `${k.attributes.for ?? 'node'}:${k.attributes['attr.name'] ?? ''}`));
  for (const key of keys) {
    const id = key.attributes.id ?? '';
    const scope = key.attributes.for ?? 'node';
    const domains: Domain[] = scope === 'all' ? ['graph', 'node', 'edge'] : scope === 'graph' || scope === 'node' || scope === 'edge' ? [scope] : [];
    for (const domain of domains) {
      const graphics = key.attributes['yfiles.type'];
      let spec: KeySpec;
      if (key.attributes['attr.name']) spec = { name: key.attributes['attr.name'], cast: castFor(key.attributes['attr.type']) };
      else if (graphics === `${domain}graphics` && domain !== 'graph') {
        const label = named.has(`${domain}:label`) ? `yfiles.${graphics}` : 'label';
        spec = { name: label, cast: CASTS.string!, labelTag: domain === 'node' ? 'NodeLabel' : 'EdgeLabel' };
      } else if (graphics) continue;
      else spec = { name: id, cast: CASTS.string! };
      specs[domain].set(id, spec);
      const fallback = childrenNamed(key, 'default')[0];
      if (fallback && !spec.labelTag) defaults[domain][spec.name] = spec.cast(textContent(fallback));
    }
  }
  return { specs, defaults };
}

/** The <data> children of one element, typed by their keys, with the domain's defaults for missing ones. */
function dataOf(element: XmlElement, specs: Map<string, KeySpec>, defaults: Record<string, unknown>): Record<string, unknown> {
  // Null prototype: a key named __proto__ is an own value like any other.
  const data: Record<string, unknown> = Object.create(null);
  for (const datum of childrenNamed(element, 'data')) {
    const key = datum.attributes.key ?? '';
    const spec = specs.get(key);
    if (!spec) {
      data[key] = textContent(datum);
      continue;
    }
    if (spec.labelTag) {
      const labels = descendantsNamed(datum, spec.labelTag)
        .map((label) => textContent(label).trim())
        .filter(Boolean);
      if (labels.length > 0) data[spec.name] = labels.join(' ');
      continue;
    }
    data[spec.name] = spec.cast(textContent(datum));
  }
  for (const [name, value] of Object.entries(defaults)) if (!(name in data)) data[name] = value;
  return data;
}

/**
 * The elements `read` looks at even when empty (attributes only): any other
 * empty element is not kept in the tree (xml.ts `keep`). Containers and yEd's
 * label elements are kept whenever they hold one of these, or text.
 */
const READ_ELEMENTS: ReadonlySet<string> = new Set(['graph', 'node', 'edge', 'key', 'default', 'data']);

export function read(content: string, file: string, options: ReadOptions & { xmlLimits?: Partial<XmlReaderLimits> } = {}): ReadResult {
  const root = parseXmlTree(content, file, 'GraphML', { keep: READ_ELEMENTS, ...(options.xmlLimits ? { limits: options.xmlLimits } : {}) });
  const structure = checkXmlGraph(root, file, 'GraphML', 'graphml');
  const { specs, defaults } = keySpecs(root);
  const graph: AnyGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
  const graphId = structure.graph.attributes.id;
  if (graphId) graph.setAttribute('id', graphId);
  graph.mergeAttributes(dataOf(structure.graph, specs.graph, defaults.graph));
  for (const { element, id } of structure.nodes) graph.addNode(id, dataOf(element, specs.node, defaults.node));
  const directedByDefault = structure.graph.attributes.edgedefault === 'directed';
  for (const { element, id, source, target } of structure.edges) {
    const flag = element.attributes.directed;
    const directed = flag === 'true' ? true : flag === 'false' ? false : directedByDefault;
    const attributes = dataOf(element, specs.edge, defaults.edge);
    if (directed) graph.addDirectedEdgeWithKey(id, source, target, attributes);
    else graph.addUndirectedEdgeWithKey(id, source, target, attributes);
  }
  return graphToDataset(graph, {
    file,
    options,
    describeNode: structure.describeNode,
    describeEdge: structure.describeEdge,
    describeHeader: `<data key="g_${HEADER_ATTRIBUTE}">`,
  });
}
