/**
 * GraphML (networkx, Cytoscape, yEd)
 * ==================================
 *
 * graphology-graphml only parses, so the writer is here: a few lines of XML
 * with `<key>` declarations (`attr.name`, `attr.type`) as networkx and
 * Cytoscape read them. Every edge is written under `edgedefault="directed"`
 * with no per-edge `directed` flag, because networkx refuses a file that
 * mixes directed and undirected edges; whether a relation is symmetric
 * follows from its type in the registry, so nothing is lost.
 *
 * Reading uses graphology-graphml on a strictly parsed Document, after two
 * repairs it does not do itself: keys declared `for="all"` are split per
 * domain, keys for ports and hyperedges (which it crashes on) are dropped,
 * and yEd's label-in-graphics (`y:NodeLabel`) becomes a `label`.
 */

import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Dataset } from '../../model/index.ts';
import { HEADER_ATTRIBUTE, datasetHeader, toExchangeGraph, type ExchangeGraph } from './exchangeGraph.ts';
import { graphToDataset, type AnyGraph } from './fromGraph.ts';
import { selectTypes } from './select.ts';
import type { ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';
import { assertXmlWritable, childElements, escapeXmlAttribute, escapeXmlText, parseXml, xmlDisplayText, xmlSafeJson } from './xml.ts';
import { checkXmlGraph, runParser } from './xmlGraphCheck.ts';

export const GRAPHML_MIME_TYPE = 'application/graphml+xml';

type Domain = 'graph' | 'node' | 'edge';
type ValueType = 'string' | 'boolean' | 'int' | 'double';
type Value = string | number | boolean;

interface Column {
  domain: Domain;
  name: string;
  type: ValueType;
  /** The value for one element, or undefined to write no <data>. */
  value: (attributes: Record<string, unknown>) => Value | undefined;
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
  { domain: 'node', name: 'attributes', type: 'string', value: json('attributes') },
  { domain: 'node', name: 'mentionCount', type: 'int', value: plain('mentionCount') },
  { domain: 'node', name: 'degree', type: 'int', value: plain('degree') },
  { domain: 'node', name: 'color', type: 'string', value: plain('color') },
  { domain: 'node', name: 'size', type: 'double', value: plain('size') },
  { domain: 'node', name: 'x', type: 'double', value: plain('x') },
  { domain: 'node', name: 'y', type: 'double', value: plain('y') },
  { domain: 'edge', name: 'relationType', type: 'string', value: plain('relationType') },
  { domain: 'edge', name: 'label', type: 'string', value: plain('label') },
  { domain: 'edge', name: 'hedged', type: 'boolean', value: plain('hedged') },
  { domain: 'edge', name: 'negated', type: 'boolean', value: plain('negated') },
  { domain: 'edge', name: 'attributedTo', type: 'string', value: plain('attributedTo') },
  { domain: 'edge', name: 'evidence', type: 'string', value: json('evidence') },
  { domain: 'edge', name: 'attributes', type: 'string', value: json('attributes') },
  { domain: 'edge', name: 'evidenceCount', type: 'int', value: plain('evidenceCount') },
  { domain: 'edge', name: 'evidenceText', type: 'string', value: (a) => (typeof a.evidenceText === 'string' && a.evidenceText ? xmlDisplayText(a.evidenceText) : undefined) },
  { domain: 'edge', name: 'color', type: 'string', value: plain('color') },
  { domain: 'edge', name: 'weight', type: 'double', value: (a) => (typeof a.evidenceCount === 'number' ? Math.max(1, a.evidenceCount) : undefined) },
];

const keyId = (column: Column) => `${column.domain[0]}_${column.name}`;

function dataLines(columns: Column[], attributes: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const column of columns) {
    const value = column.value(attributes);
    if (value === undefined) continue;
    lines.push(`${indent}<data key="${keyId(column)}">${escapeXmlText(String(value))}</data>`);
  }
  return lines;
}

function serialize(graph: ExchangeGraph): string {
  // Declare only the columns some element uses: a reader's table then has no empty columns.
  const used = COLUMNS.filter((column) => {
    if (column.domain === 'graph') return column.value(graph.getAttributes()) !== undefined;
    if (column.domain === 'node') return graph.someNode((_k, a) => column.value(a) !== undefined);
    return graph.someEdge((_k, a) => column.value(a) !== undefined);
  });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...used.map((c) => `  <key id="${keyId(c)}" for="${c.domain}" attr.name="${c.name}" attr.type="${c.type}"/>`),
    '  <graph id="G" edgedefault="directed">',
    ...dataLines(
      used.filter((c) => c.domain === 'graph'),
      graph.getAttributes(),
      '    ',
    ),
  ];
  const nodeColumns = used.filter((c) => c.domain === 'node');
  graph.forEachNode((key, attributes) => {
    lines.push(`    <node id="${escapeXmlAttribute(key)}">`, ...dataLines(nodeColumns, attributes, '      '), '    </node>');
  });
  const edgeColumns = used.filter((c) => c.domain === 'edge');
  graph.forEachEdge((key, attributes, source, target) => {
    lines.push(
      `    <edge id="${escapeXmlAttribute(key)}" source="${escapeXmlAttribute(source)}" target="${escapeXmlAttribute(target)}">`,
      ...dataLines(edgeColumns, attributes, '      '),
      '    </edge>',
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  const selected = selectTypes(dataset, options.types);
  assertXmlWritable(selected, 'GraphML');
  const graph = toExchangeGraph(selected, options.positions);
  graph.setAttribute(HEADER_ATTRIBUTE, xmlSafeJson(datasetHeader(selected)));
  return { content: serialize(graph), mimeType: GRAPHML_MIME_TYPE, extension: 'graphml' };
}

function removeData(document: Document, keyId: string | null): void {
  const data = document.getElementsByTagName('data');
  for (let i = data.length - 1; i >= 0; i--) {
    const datum = data[i]!;
    if (datum.getAttribute('key') === keyId) datum.parentNode?.removeChild(datum);
  }
}

/** The repairs graphology-graphml needs (see the header). */
function repairKeys(document: Document): void {
  const root = document.documentElement;
  const names = new Map<string, Set<string>>();
  for (const key of childElements(root, 'key')) {
    const domain = key.getAttribute('for') ?? 'node';
    const name = key.getAttribute('attr.name');
    if (name) {
      if (!names.has(domain)) names.set(domain, new Set());
      names.get(domain)!.add(name);
    }
  }
  for (const key of childElements(root, 'key')) {
    // Keys for ports, hyperedges or the document itself have no place in a graphology graph.
    const domain = key.getAttribute('for') ?? 'node';
    if (!['all', 'graph', 'node', 'edge'].includes(domain)) {
      removeData(document, key.getAttribute('id'));
      root.removeChild(key);
      continue;
    }
    if (domain === 'all') {
      for (const domain of ['graph', 'node', 'edge']) {
        const copy = key.cloneNode(true) as Element;
        copy.setAttribute('for', domain);
        root.insertBefore(copy, key);
      }
      root.removeChild(key);
    }
  }
  for (const key of childElements(root, 'key')) {
    const graphics = key.getAttribute('yfiles.type');
    if (key.getAttribute('attr.name') || !graphics) continue;
    const domain = graphics === 'nodegraphics' ? 'node' : graphics === 'edgegraphics' ? 'edge' : undefined;
    const labelTag = domain === 'node' ? 'NodeLabel' : 'EdgeLabel';
    const hasLabel = domain !== undefined && names.get(domain)?.has('label');
    key.setAttribute('attr.name', domain && !hasLabel ? 'label' : `yfiles.${graphics}`);
    // Replace the drawing markup of each datum by its label text (or nothing).
    const id = key.getAttribute('id');
    const data = document.getElementsByTagName('data');
    for (let i = 0; i < data.length; i++) {
      const datum = data[i]!;
      if (datum.getAttribute('key') !== id) continue;
      const labels: string[] = [];
      const all = datum.getElementsByTagName('*');
      for (let j = 0; j < all.length; j++) {
        const element = all[j]!;
        if ((element.localName ?? element.tagName) === labelTag && element.textContent?.trim()) labels.push(element.textContent.trim());
      }
      while (datum.firstChild) datum.removeChild(datum.firstChild);
      datum.appendChild(document.createTextNode(labels.join(' ')));
    }
  }
}

export function read(content: string, file: string, options: ReadOptions = {}): ReadResult {
  const document = parseXml(content, file, 'GraphML');
  const locations = checkXmlGraph(document, file, 'GraphML', 'graphml');
  repairKeys(document);
  const graph: AnyGraph = runParser(file, 'GraphML', () => parseGraphml(Graph, document, { addMissingNodes: false }));
  // Empty yEd graphics data leave an empty label: fall back to the node id.
  graph.forEachNode((key, attributes) => {
    if (attributes.label === '') graph.removeNodeAttribute(key, 'label');
  });
  return graphToDataset(graph, {
    file,
    options,
    describeNode: locations.describeNode,
    describeEdge: locations.describeEdge,
    describeHeader: `<data key="g_${HEADER_ATTRIBUTE}">`,
  });
}
