/**
 * A streaming GEXF 1.3 writer
 * ===========================
 *
 * Writes the same document graphology-gexf's writer does (same elements,
 * attribute order, column model, escaping and indentation), but element by
 * element into bounded parts: graphology-gexf collects every node and edge
 * and then builds the whole file as one string through xml-writer, which for
 * a dataset near the limits takes gigabytes and can exceed the longest
 * string an engine allows.
 *
 * One addition: an element's `spells` (days, inclusive) are written as GEXF
 * 1.3 `<spells>` and the graph as `mode="dynamic"` with `timeformat="date"`,
 * so Gephi's timeline plays the graph (graphology-gexf writes no time).
 *
 * One difference: no edge carries its own `type`. networkx's read_gexf
 * refuses a file that mixes directed and undirected edges ("Undirected edge
 * found in directed graph"), and GEXF's third edge type, "mutual", is no way
 * out: networkx reads it as two edges and Gephi's importer reports it as an
 * unknown edge type. So a graph whose edges are all undirected is written with
 * `defaultedgetype="undirected"`, and any other graph with
 * `defaultedgetype="directed"`, its undirected edges as source → target;
 * `formatEdge` is told which edges those are, to mark them in a column.
 *
 * How newsgraph writes a symmetric relation (allied-with, met-with, a
 * declared type with `directed: false`), format by format:
 *  - GEXF: an undirected edge when every relation of the file is symmetric;
 *    otherwise a directed edge source → target (as stored), with the column
 *    `directed` = false. Every edge has the `directed` column; its type (built
 *    in, or declared in `<meta><newsgraph>`) says it too.
 *  - GraphML: the same: `edgedefault="undirected"` when every relation is
 *    symmetric, else `edgedefault="directed"` and `<data key="e_directed">false`.
 *  - graphology JSON: an undirected edge (`"undirected": true`) in a mixed
 *    graph: graphology holds both kinds in one graph.
 *  - CSV: one row, source and target as stored, the type's id in `type`
 *    and its phrase in `type_label`; a declared type's direction is not
 *    written, so a symmetric declared type reads back as a directed one.
 *  - dataset JSON: one relation, source and target as stored; its type is
 *    symmetric in the registry or in the dataset's `relationTypes`.
 * networkx (read_gexf, read_graphml), Gephi Lite's reader (graphology-gexf)
 * and newsgraph read every export with one edge per relation
 * (tests/unit/formats/exportClients.test.ts).
 *
 * Input: the exchange graph and the same formatters graphology-gexf takes
 * (label, viz, attribute columns per element). The column model is inferred
 * from one pass over the formatted elements, as graphology-gexf does, but
 * keeping only names and types, not the elements.
 */

import type { AbstractGraph } from 'graphology-types';
import { PartsBuilder } from './parts.ts';

type Scalar = string | number | boolean;

export interface GexfElement {
  label?: string;
  weight?: number;
  viz?: { color?: string; size?: number; x?: number; y?: number };
  attributes?: Record<string, Scalar | undefined>;
  /** When the element exists, days YYYY-MM-DD inclusive; none: always. */
  spells?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

export interface GexfWriteOptions {
  /** Graph attributes written as `<meta>` children, in order (strings only). */
  meta: ReadonlyArray<readonly [tag: string, text: string | readonly string[]]>;
  formatNode: (key: string, attributes: Record<string, unknown>) => GexfElement;
  /** `undirected`: the edge is undirected in `graph` (written directed when the graph mixes both kinds). */
  formatEdge: (key: string, attributes: Record<string, unknown>, undirected: boolean) => GexfElement;
  /**
   * Optional cheap stand-ins for the formatters when inferring the column
   * model: the same column names, in the same order, with values of the same
   * types (say `'x'` for a JSON column), so big values are not serialized twice.
   */
  modelNode?: (key: string, attributes: Record<string, unknown>) => GexfElement;
  modelEdge?: (key: string, attributes: Record<string, unknown>, undirected: boolean) => GexfElement;
  /** Some element has spells: write a dynamic graph with dates as its time format. */
  dynamic?: boolean;
}

/** Attribute values as xml-writer escapes them, plus NEL and LINE SEPARATOR (see xml.ts escapeLineSeparators). */
export function gexfAttribute(value: string): string {
  return NEEDS_ATTRIBUTE_ESCAPE.test(value) ? value.replace(/[&<"\t\n\r\u0085\u2028]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!) : value;
}

const NEEDS_ATTRIBUTE_ESCAPE = /[&<"\t\n\r\u0085\u2028]/;

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
  '\u0085': '&#x85;',
  '\u2028': '&#x2028;',
};

/** Text content as xml-writer escapes it, plus CR (a parser would turn it into LF) and the line separators. */
export function gexfText(value: string): string {
  return value.replace(/[&<>\r\u0085\u2028]/g, (ch) => TEXT_ESCAPES[ch]!);
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#xD;',
  '\u0085': '&#x85;',
  '\u2028': '&#x2028;',
};

const TYPE_PRIORITY: Record<string, number> = { string: 5, double: 6, long: 7, integer: 8, boolean: 9 };

function valueType(value: Scalar): string {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (value === (value | 0)) return 'integer';
    if (Number.isInteger(value)) return 'long';
    return 'double';
  }
  return 'string';
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));

/** Names and types of the columns, in first-seen order, the more general type winning (graphology-gexf's inferModel). */
function inferModel(elements: Iterable<GexfElement>): Map<string, string> {
  const model = new Map<string, string>();
  for (const element of elements) {
    if (!element.attributes) continue;
    for (const [name, value] of Object.entries(element.attributes)) {
      if (isEmpty(value)) continue;
      const type = valueType(value!);
      const current = model.get(name);
      if (current === undefined || TYPE_PRIORITY[type]! < TYPE_PRIORITY[current]!) model.set(name, type);
    }
  }
  return model;
}

/** `rgb(1,2,3)` / `rgba(…)` / `#hex` → viz:color attributes, as graphology-gexf writes them for GEXF 1.3. */
function colorAttributes(color: string): string {
  if (color.startsWith('#')) return ` hex="${gexfAttribute(color)}"`;
  const match = /^\s*rgba?\s*\(\s*([0-9]*)\s*,\s*([0-9]*)\s*,\s*([0-9]*)\s*(?:,\s*([.0-9]*))?\)\s*$/i.exec(color);
  if (!match) return '';
  return ` r="${+match[1]!}" g="${+match[2]!}" b="${+match[3]!}"${match[4] ? ` a="${+match[4]}"` : ''}`;
}

/** One `<node>` or `<edge>`: its attvalues in model order, then viz data; self-closed when it has neither. */
function pushElement(out: PartsBuilder, open: string, tag: string, element: GexfElement, model: Map<string, string>): void {
  let inner = '';
  if (model.size > 0 && element.attributes) {
    let values = '';
    for (const name of model.keys()) {
      const value = element.attributes[name];
      if (value === undefined || isEmpty(value)) continue;
      values += `          <attvalue for="${gexfAttribute(name)}" value="${gexfAttribute(String(value))}"/>\n`;
    }
    inner += values ? `        <attvalues>\n${values}        </attvalues>\n` : '        <attvalues/>\n';
  }
  if (element.spells && element.spells.length > 0) {
    inner += '        <spells>\n';
    for (const { from, to } of element.spells) inner += `          <spell start="${gexfAttribute(from)}" end="${gexfAttribute(to)}"/>\n`;
    inner += '        </spells>\n';
  }
  const viz = element.viz;
  if (viz) {
    if (viz.color) inner += `        <viz:color${colorAttributes(viz.color)}/>\n`;
    if (viz.size !== undefined) inner += `        <viz:size value="${viz.size}"/>\n`;
    if (viz.x !== undefined || viz.y !== undefined) inner += `        <viz:position${viz.x !== undefined ? ` x="${viz.x}"` : ''}${viz.y !== undefined ? ` y="${viz.y}"` : ''}/>\n`;
  }
  const label = element.label ? ` label="${gexfAttribute(element.label)}"` : '';
  out.push(inner ? `${open}${label}>\n${inner}      </${tag}>\n` : `${open}${label}/>\n`);
}

function pushModel(out: PartsBuilder, model: Map<string, string>, modelClass: string): void {
  if (model.size === 0) return;
  out.push(`    <attributes class="${modelClass}">\n`);
  for (const [name, type] of model) out.push(`      <attribute id="${gexfAttribute(name)}" title="${gexfAttribute(name)}" type="${type}"/>\n`);
  out.push('    </attributes>\n');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGraph = AbstractGraph<any, any, any>;

/** The GEXF 1.3 document for `graph`, in parts. */
export function writeGexfParts(graph: AnyGraph, options: GexfWriteOptions): string[] {
  const out = new PartsBuilder();
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">\n',
  );
  if (options.meta.length === 0) out.push('  <meta/>\n');
  else {
    out.push('  <meta>\n');
    for (const [tag, text] of options.meta) {
      out.push(`    <${tag}>`);
      for (const piece of typeof text === 'string' ? [text] : text) out.push(gexfText(piece));
      out.push(`</${tag}>\n`);
    }
    out.push('  </meta>\n');
  }

  // One edge type for the whole file (see the header): undirected only when no edge is directed.
  const defaultType = graph.directedSize > 0 || graph.undirectedSize === 0 ? 'directed' : 'undirected';
  const time = options.dynamic ? ' mode="dynamic" timeformat="date" timerepresentation="interval"' : '';
  out.push(`  <graph defaultedgetype="${defaultType}"${time}>\n`);

  // Formatting twice (once for the model, once to write) keeps memory flat: nothing is collected.
  const nodeModel = inferModel(mapNodes(graph, options.modelNode ?? options.formatNode));
  const edgeModel = inferModel(mapEdges(graph, options.modelEdge ?? options.formatEdge));
  pushModel(out, nodeModel, 'node');
  pushModel(out, edgeModel, 'edge');

  if (graph.order === 0) out.push('    <nodes/>\n');
  else {
    out.push('    <nodes>\n');
    graph.forEachNode((key, attributes) => {
      pushElement(out, `      <node id="${gexfAttribute(key)}"`, 'node', options.formatNode(key, attributes), nodeModel);
    });
    out.push('    </nodes>\n');
  }
  if (graph.size === 0) out.push('    <edges/>\n');
  else {
    out.push('    <edges>\n');
    graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
      const element = options.formatEdge(key, attributes, undirected);
      const weight = typeof element.weight === 'number' && !Number.isNaN(element.weight) ? ` weight="${element.weight}"` : '';
      pushElement(
        out,
        `      <edge id="${gexfAttribute(key)}" source="${gexfAttribute(source)}" target="${gexfAttribute(target)}"${weight}`,
        'edge',
        element,
        edgeModel,
      );
    });
    out.push('    </edges>\n');
  }
  out.push('  </graph>\n</gexf>');
  return out.finish();
}

function* mapNodes(graph: AnyGraph, format: GexfWriteOptions['formatNode']): Generator<GexfElement> {
  for (const { node, attributes } of graph.nodeEntries()) yield format(node, attributes);
}

function* mapEdges(graph: AnyGraph, format: GexfWriteOptions['formatEdge']): Generator<GexfElement> {
  for (const { edge, attributes, undirected } of graph.edgeEntries()) yield format(edge, attributes, undirected);
}
