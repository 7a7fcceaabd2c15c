/**
 * Limits of the XML readers (GEXF, GraphML)
 * =========================================
 *
 * What `parseXmlTree` (xml.ts) accepts before it builds anything, so that a
 * hostile or damaged file is refused with one located problem instead of
 * exhausting the stack or the heap:
 *
 *  - maxDepth: elements nested deeper than this. GEXF and GraphML need fewer
 *    than 10 levels (yEd's drawing data inside <data> about 8, each nested
 *    graph 2–3 more); 256 leaves room for any real hierarchy. Checked while
 *    streaming, on the start tag that goes too deep, so no reader ever
 *    recurses further than this.
 *  - maxElements: start tags in one file, counted by a linear pre-scan of the
 *    text (outside comments and CDATA) before saxes runs. A dataset at its
 *    limits (10,000 documents, 100,000 entities, 500,000 relations) written as
 *    GEXF takes about ten elements per node and per edge, and the 100 MB file
 *    limit allows about 3 million of them (30 bytes each at the least); past
 *    5,000,000 a file is not a graph newsgraph could show.
 *  - maxNodes / maxEdges: <node> and <edge> elements, one per entity and per
 *    relation, so the dataset limits (limits.ts) apply while streaming,
 *    before the tree, the graph and the dataset are built.
 *
 * Tests lower them per call (`parseXmlTree(…, { limits })`, or the readers'
 * `xmlLimits` option) to exercise the refusals on small inputs.
 */

import { DEFAULT_LIMITS, LIMIT_DESCRIPTIONS, withLimitOverrides } from '../../model/index.ts';

export interface XmlReaderLimits {
  maxDepth: number;
  maxElements: number;
  maxNodes: number;
  maxEdges: number;
}

export const DEFAULT_XML_LIMITS: Readonly<XmlReaderLimits> = Object.freeze({
  maxDepth: 256,
  maxElements: 5_000_000,
  maxNodes: DEFAULT_LIMITS.maxEntities,
  maxEdges: DEFAULT_LIMITS.maxRelations,
});

/** What each limit counts, and how to get under it, for the one-line message. */
export const XML_LIMIT_DESCRIPTIONS: Readonly<Record<keyof XmlReaderLimits, { noun: string; limit: string; fix: string }>> = Object.freeze({
  maxDepth: {
    noun: 'levels of nested elements',
    limit: 'the XML reader limit maxDepth',
    fix: 'GEXF and GraphML need fewer than 10 levels: the file is damaged or not a graph; re-export it from the tool that made it',
  },
  maxElements: {
    noun: 'XML elements per file',
    limit: 'the XML reader limit maxElements',
    fix: `${LIMIT_DESCRIPTIONS.maxEntities.split}, and export each part as its own file`,
  },
  maxNodes: {
    noun: '<node> elements per file, one per entity',
    limit: 'the dataset limit maxEntities',
    fix: LIMIT_DESCRIPTIONS.maxEntities.split,
  },
  maxEdges: {
    noun: '<edge> elements per file, one per relation',
    limit: 'the dataset limit maxRelations',
    fix: LIMIT_DESCRIPTIONS.maxRelations.split,
  },
});

/** The XML reader limits with the caller's overrides. */
export function resolveXmlLimits(overrides?: Partial<XmlReaderLimits>): XmlReaderLimits {
  return withLimitOverrides(DEFAULT_XML_LIMITS, overrides);
}
