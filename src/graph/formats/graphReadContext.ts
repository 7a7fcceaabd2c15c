/**
 * What a graph reader is given
 * ============================
 *
 * GEXF, GraphML and graphology JSON each parse their file into a graphology
 * graph and say where each node and edge is in the file, for messages; the
 * graph readers (ownGraph.ts, foreignGraph.ts) take both.
 */

import type { AbstractGraph, Attributes as GraphAttributes } from 'graphology-types';
import type { EdgeTimes } from './gexfTime.ts';
import type { ReadOptions } from './types.ts';

export type AnyGraph = AbstractGraph<GraphAttributes, GraphAttributes, GraphAttributes>;

export interface GraphReadContext {
  file: string;
  options: ReadOptions;
  /** Where a node is in the source file, for messages: `<node id="x"> (line 12)`. */
  describeNode: (key: string) => string;
  describeEdge: (key: string) => string;
  /** Where the dataset header is: `<meta><newsgraph>`. */
  describeHeader: string;
  /** Another tool's file only: each edge's days from the format's own time markup (GEXF spells), read on first use. */
  edgeTimes?: () => EdgeTimes;
}
