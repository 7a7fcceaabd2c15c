/**
 * Graph → dataset
 * ===============
 *
 * The entry behind GEXF, GraphML and graphology JSON: each format parses its
 * file into a graphology graph, and this hands the graph to one of two small
 * readers —
 *  - ownGraph.ts when the graph carries newsgraph's header (a file newsgraph
 *    wrote): every field read back exactly, types included;
 *  - foreignGraph.ts otherwise (Gephi, networkx, yEd, Cytoscape): entities
 *    from nodes, relations from edges, types through typeResolution.ts.
 * Both end in importCore.ts, as the CSV reader does.
 */

import { HEADER_ATTRIBUTE } from './exchangeGraph.ts';
import { readForeignGraph } from './foreignGraph.ts';
import type { AnyGraph, GraphReadContext } from './graphReadContext.ts';
import { readOwnGraph } from './ownGraph.ts';
import type { ReadResult } from './types.ts';

export type { AnyGraph, GraphReadContext } from './graphReadContext.ts';

export function graphToDataset(graph: AnyGraph, context: GraphReadContext): ReadResult {
  const header: unknown = graph.getAttribute(HEADER_ATTRIBUTE);
  return header === undefined ? readForeignGraph(graph, context) : readOwnGraph(graph, header, context);
}
