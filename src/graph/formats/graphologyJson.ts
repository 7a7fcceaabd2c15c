/**
 * graphology's serialized JSON (`graph.export()` / `Graph.from()`)
 * ================================================================
 *
 * The explorer's own graph as JSON: `buildGraph`'s attributes (sigma-ready:
 * colour, size, edge program, curvature) plus the exchange fields, with the
 * documents in the graph attribute `newsgraph`. Another graphology or sigma
 * app can load it with `Graph.from(json)` as is.
 *
 * Reading accepts any serialized graphology graph; the shape is checked first
 * so a fault is reported as `nodes[3].key` rather than a graphology stack,
 * and keys graphology cannot hold ("__proto__", "constructor" …, see
 * model/reservedIds.ts) are refused before any reaches it.
 */

import Graph from 'graphology';
import { z } from 'zod';
import { DatasetValidationError, formatPath, isPlainRecord, isReservedId, reservedIdProblem, type Dataset, type DatasetLimits, type Problem } from '../../model/index.ts';
import { looksLikeSerializedGraph } from './detect.ts';
import { parseFailure } from './errors.ts';
import { toExchangeGraph } from './exchangeGraph.ts';
import { graphToDataset, type AnyGraph } from './fromGraph.ts';
import { parseJsonText } from './jsonText.ts';
import { PartsBuilder, pushJson } from './parts.ts';
import { selectTypes } from './select.ts';
import type { ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';

export const GRAPHOLOGY_JSON_MIME_TYPE = 'application/json';

const Key = z.union([z.string(), z.number()]).transform(String);
/** Any JSON object, its keys kept as written (`z.record` would drop a "__proto__" key and refuse a string "constructor"). */
const AttributeRecord = z.custom<Record<string, unknown>>(isPlainRecord, { message: 'Invalid input: expected an object' });

/** The top-level lists, counted in the text against the limits of what they become. */
const GRAPH_LISTS: ReadonlyMap<string, keyof DatasetLimits> = new Map([
  ['nodes', 'maxEntities'],
  ['edges', 'maxRelations'],
]);

const SerializedGraphSchema = z.object({
  options: z.object({ type: z.string().optional(), multi: z.boolean().optional(), allowSelfLoops: z.boolean().optional() }).optional(),
  attributes: AttributeRecord.optional(),
  nodes: z.array(z.object({ key: Key, attributes: AttributeRecord.optional() })),
  edges: z
    .array(
      z.object({
        key: Key.optional(),
        source: Key,
        target: Key,
        attributes: AttributeRecord.optional(),
        undirected: z.boolean().optional(),
      }),
    )
    .default([]),
});

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  const graph = toExchangeGraph(selectTypes(dataset, options.types), options.positions);
  // `JSON.stringify(graph.export(), null, 2)`, streamed: node by node, edge by edge, document by document.
  const out = new PartsBuilder();
  pushJson(out, graph.export(), 0, { arrayDepth: 3, objectDepth: 2 });
  out.push('\n');
  return { parts: out.finish(), mimeType: GRAPHOLOGY_JSON_MIME_TYPE, extension: 'graphology.json' };
}

export function readValue(value: unknown, file: string, options: ReadOptions = {}): ReadResult {
  const parsed = SerializedGraphSchema.safeParse(value);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.slice(0, 20).map((issue) => ({
      code: 'wrong-type',
      path: formatPath(issue.path),
      message: issue.message,
      fix: 'a graphology JSON file is { "nodes": [{ "key": …, "attributes": {…} }], "edges": [{ "source": …, "target": …, "attributes": {…} }] } as graph.export() writes it',
    }));
    throw new DatasetValidationError(problems, file);
  }
  const data = parsed.data;
  refuseReservedKeys(data.nodes, data.edges, file);
  const problems: Problem[] = [];
  const graph: AnyGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
  const nodeWhere = new Map<string, string>();
  data.nodes.forEach((node, i) => {
    const where = `nodes[${i}] (key ${JSON.stringify(node.key)})`;
    if (graph.hasNode(node.key)) {
      problems.push({ code: 'duplicate-id', path: where, message: `another node, ${nodeWhere.get(node.key)}, has this key`, fix: 'give each node a unique key', value: node.key });
      return;
    }
    graph.addNode(node.key, node.attributes ?? {});
    nodeWhere.set(node.key, where);
  });
  const edgeWhere = new Map<string, string>();
  const taken = new Set(data.edges.flatMap((e) => (e.key === undefined ? [] : [e.key])));
  let counter = 0;
  data.edges.forEach((edge, i) => {
    let key = edge.key;
    if (key === undefined) {
      do key = `e${counter++}`;
      while (taken.has(key));
      taken.add(key);
    }
    const where = `edges[${i}] (key ${JSON.stringify(key)})`;
    for (const end of ['source', 'target'] as const) {
      if (!graph.hasNode(edge[end])) {
        problems.push({ code: 'dangling-reference', path: `edges[${i}].${end}`, message: 'no node has this key', fix: `add a node with key ${JSON.stringify(edge[end])}, or point ${end} at an existing node`, value: edge[end] });
      }
    }
    if (graph.hasEdge(key)) {
      problems.push({ code: 'duplicate-id', path: where, message: `another edge, ${edgeWhere.get(key)}, has this key`, fix: 'give each edge a unique key, or none', value: key });
      return;
    }
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) return;
    if (edge.undirected) graph.addUndirectedEdgeWithKey(key, edge.source, edge.target, edge.attributes ?? {});
    else graph.addDirectedEdgeWithKey(key, edge.source, edge.target, edge.attributes ?? {});
    edgeWhere.set(key, where);
  });
  if (problems.length > 0) throw new DatasetValidationError(problems, file);
  graph.replaceAttributes(data.attributes ?? {});
  return graphToDataset(graph, {
    file,
    options,
    describeNode: (key) => nodeWhere.get(key) ?? `node ${JSON.stringify(key)}`,
    describeEdge: (key) => edgeWhere.get(key) ?? `edge ${JSON.stringify(key)}`,
    describeHeader: 'attributes.newsgraph',
  });
}

/** Keys graphology cannot hold (model/reservedIds.ts) are refused before any reaches it. */
function refuseReservedKeys(nodes: ReadonlyArray<{ key: string }>, edges: ReadonlyArray<{ key?: string | undefined }>, file: string): void {
  const problems: Problem[] = [];
  nodes.forEach(({ key }, i) => {
    if (isReservedId(key)) problems.push(reservedIdProblem(`nodes[${i}] (key ${JSON.stringify(key)})`, key, 'node key'));
  });
  edges.forEach(({ key }, i) => {
    if (key !== undefined && isReservedId(key)) problems.push(reservedIdProblem(`edges[${i}] (key ${JSON.stringify(key)})`, key, 'edge key'));
  });
  if (problems.length > 0) throw new DatasetValidationError(problems, file);
}

export function read(content: string, file: string, options: ReadOptions = {}): ReadResult {
  const value = parseJsonText(content, file, 'graphology graph', GRAPH_LISTS);
  if (!looksLikeSerializedGraph(value)) {
    throw parseFailure(file, {
      code: 'wrong-top-level',
      path: '',
      message: 'this JSON has no "nodes" list, so it is not a graphology graph',
      fix: 'if it is a newsgraph dataset, import it with --from dataset (or just open it); otherwise export the graph with graph.export()',
    });
  }
  return readValue(value, file, options);
}
