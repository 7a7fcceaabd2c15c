/**
 * GEXF 1.3 (Gephi)
 * ================
 *
 * Written with graphology-gexf's writer, formatted so the file opens in Gephi
 * looking like newsgraph: registry colours as viz:color, node size by degree,
 * positions when the caller has a layout, edge weight = number of supporting
 * sentences, and readable columns (type, aliases, relation type, flags, the
 * evidence sentences quoted). The exact dataset rides along: spans, aliases
 * and kept attributes as JSON columns, documents as JSON in
 * `<meta><newsgraph>`, which Gephi ignores and newsgraph reads back.
 *
 * Read with graphology-gexf's parser on a strictly parsed Document (xml.ts),
 * after a structural check that locates every fault (xmlGraphCheck.ts).
 */

import Graph from 'graphology';
import { parse as parseGexf, write as writeGexf } from 'graphology-gexf';
import type { Dataset } from '../../model/index.ts';
import { HEADER_ATTRIBUTE, datasetHeader, toExchangeGraph, type ExchangeEdgeAttributes, type ExchangeNodeAttributes } from './exchangeGraph.ts';
import { graphToDataset, type AnyGraph } from './fromGraph.ts';
import { selectTypes } from './select.ts';
import type { ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';
import { assertXmlWritable, escapeLineSeparators, parseXml, xmlDisplayText, xmlSafeJson } from './xml.ts';
import { checkXmlGraph, runParser } from './xmlGraphCheck.ts';

export const GEXF_MIME_TYPE = 'application/gexf+xml';

/** `#0072B2` → `rgb(0,114,178)`: written as r/g/b, which Gephi 0.9 reads too (it does not know GEXF 1.3's hex). */
function rgbOf(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  return `rgb(${match.slice(1, 4).map((h) => parseInt(h, 16)).join(',')})`;
}

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  const selected = selectTypes(dataset, options.types);
  assertXmlWritable(selected, 'GEXF');
  const graph = toExchangeGraph(selected, options.positions);
  // Graph attributes become <meta> children, in this order.
  graph.replaceAttributes({});
  graph.setAttribute('creator', 'newsgraph');
  if (selected.title) graph.setAttribute('description', xmlDisplayText(selected.title));
  graph.setAttribute(HEADER_ATTRIBUTE, xmlSafeJson(datasetHeader(selected)));

  const content = writeGexf(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key: string, a: ExchangeNodeAttributes) => {
      const columns: Record<string, string | number> = {
        entityType: a.entityType,
        aliases: xmlSafeJson(a.aliases),
        mentions: xmlSafeJson(a.mentions),
        mentionCount: a.mentionCount,
        degree: a.degree,
      };
      if (a.attributes !== undefined) columns.attributes = xmlSafeJson(a.attributes);
      const viz: { color: string; size: number; x?: number; y?: number } = { color: rgbOf(a.color), size: a.size };
      if (a.x !== undefined && a.y !== undefined) {
        viz.x = a.x;
        viz.y = a.y;
      }
      return { label: a.label, viz, attributes: columns };
    },
    formatEdge: (_key: string, a: ExchangeEdgeAttributes) => {
      const columns: Record<string, string | number | boolean> = { relationType: a.relationType };
      if (a.hedged !== undefined) columns.hedged = a.hedged;
      if (a.negated !== undefined) columns.negated = a.negated;
      if (a.attributedTo !== undefined) columns.attributedTo = a.attributedTo;
      columns.evidence = xmlSafeJson(a.evidence);
      columns.evidenceCount = a.evidenceCount;
      if (a.evidenceText) columns.evidenceText = xmlDisplayText(a.evidenceText);
      if (a.attributes !== undefined) columns.attributes = xmlSafeJson(a.attributes);
      return { label: a.label, weight: Math.max(1, a.evidenceCount), viz: { color: rgbOf(a.color) }, attributes: columns };
    },
  });
  return { content: escapeLineSeparators(content), mimeType: GEXF_MIME_TYPE, extension: 'gexf' };
}

export function read(content: string, file: string, options: ReadOptions = {}): ReadResult {
  const document = parseXml(content, file, 'GEXF');
  const locations = checkXmlGraph(document, file, 'GEXF', 'gexf');
  const graph: AnyGraph = runParser(file, 'GEXF', () => parseGexf(Graph, document, { addMissingNodes: false, allowUndeclaredAttributes: true }));
  return graphToDataset(graph, {
    file,
    options,
    describeNode: locations.describeNode,
    describeEdge: locations.describeEdge,
    describeHeader: '<meta><newsgraph>',
  });
}
