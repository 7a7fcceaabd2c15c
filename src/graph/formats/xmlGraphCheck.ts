/**
 * Structure of an XML graph file (GEXF, GraphML)
 * ==============================================
 *
 * Finds the <graph>, its nodes and its edges in a parsed file, and reports
 * every structural fault at once with its element and line: missing or
 * duplicate node ids, duplicate edge ids, edges to nodes that do not exist.
 * Id-less edges (networkx writes none) get a stable id (`e0`, `e1` … in file
 * order) so relation ids never depend on a random key generator.
 *
 * Nested graphs (GEXF hierarchies, GraphML subgraphs) are read flat, as
 * graphology does; nothing inside a GraphML <data> is taken for structure.
 */

import { DEFAULT_LIMITS, DatasetValidationError, LIMIT_DESCRIPTIONS, formatCount, isReservedId, reservedIdProblem, type Problem } from '../../model/index.ts';
import { parseFailure } from './errors.ts';
import { childrenNamed, descendantsNamed, describeXmlElement, type XmlElement } from './xml.ts';

export interface XmlGraphEdge {
  element: XmlElement;
  id: string;
  source: string;
  target: string;
}

export interface XmlGraphStructure {
  graph: XmlElement;
  nodes: Array<{ element: XmlElement; id: string }>;
  edges: XmlGraphEdge[];
  describeNode: (key: string) => string;
  describeEdge: (key: string) => string;
}

const NOT_STRUCTURE: ReadonlySet<string> = new Set(['data', 'attvalues', 'attributes', 'meta']);

export function checkXmlGraph(root: XmlElement, file: string, format: string, rootName: string): XmlGraphStructure {
  if (root.local !== rootName) {
    throw parseFailure(file, {
      code: 'wrong-top-level',
      path: '',
      message: `the root element is <${root.name}>, not <${rootName}>, so this is not a ${format} file`,
      fix: `choose the right format (--from), or export the graph as ${format} from the tool that made it`,
    });
  }
  const graph = childrenNamed(root, 'graph')[0];
  if (!graph) {
    throw parseFailure(file, {
      code: 'missing-field',
      path: `<${root.name}> (line ${root.line})`,
      message: `the ${format} file has no <graph> element`,
      fix: `re-export the graph; a ${format} file holds its nodes and edges inside <graph>`,
    });
  }

  // Every fault, up to maxProblems: a file of 500,000 dangling edges makes a message, not 500,000 of them.
  const problems: Problem[] = [];
  let unreported = 0;
  const add = (problem: Problem) => {
    if (problems.length < DEFAULT_LIMITS.maxProblems) problems.push(problem);
    else unreported++;
  };
  const nodes: XmlGraphStructure['nodes'] = [];
  // Elements, described only when a message needs them: a string per node and edge is memory a big file cannot spare.
  const nodeWhere = new Map<string, XmlElement>();
  descendantsNamed(graph, 'node', NOT_STRUCTURE).forEach((element, i) => {
    const id = element.attributes.id;
    if (!id) add({ code: 'missing-field', path: `${describeXmlElement(element)}, node ${i + 1}`, message: 'the node has no id', fix: 'give every <node> a unique id="…" attribute' });
    else if (nodeWhere.has(id)) add({ code: 'duplicate-id', path: describeXmlElement(element), message: `another node already has this id, ${describeXmlElement(nodeWhere.get(id)!)}`, fix: 'give each node a unique id', value: id });
    else {
      nodeWhere.set(id, element);
      nodes.push({ element, id });
    }
  });

  const edgeElements = descendantsNamed(graph, 'edge', NOT_STRUCTURE);
  const taken = new Set(edgeElements.map((e) => e.attributes.id).filter((id): id is string => Boolean(id)));
  const edges: XmlGraphEdge[] = [];
  const edgeWhere = new Map<string, XmlElement>();
  let counter = 0;
  for (const element of edgeElements) {
    let id = element.attributes.id;
    if (!id) {
      do id = `e${counter++}`;
      while (taken.has(id));
      taken.add(id);
    } else if (edgeWhere.has(id)) {
      add({ code: 'duplicate-id', path: describeXmlElement(element), message: `another edge already has this id, ${describeXmlElement(edgeWhere.get(id)!)}`, fix: 'give each edge a unique id, or none', value: id });
      continue;
    }
    let ok = true;
    for (const end of ['source', 'target'] as const) {
      const ref = element.attributes[end];
      if (!ref) {
        add({ code: 'missing-field', path: describeXmlElement(element), message: `the edge has no ${end}`, fix: `add ${end}="…" naming a node id` });
        ok = false;
      } else if (!nodeWhere.has(ref)) {
        add({ code: 'dangling-reference', path: describeXmlElement(element), message: `the edge's ${end} names no node`, fix: `add <node id=${JSON.stringify(ref)}>, or point ${end} at an existing node`, value: ref });
        ok = false;
      }
    }
    edgeWhere.set(id, element);
    if (ok) edges.push({ element, id, source: element.attributes.source!, target: element.attributes.target! });
  }
  // Ids graphology cannot hold (model/reservedIds.ts) are refused before the reader builds its graph.
  for (const map of [nodeWhere, edgeWhere]) for (const [id, element] of map) if (isReservedId(id)) add(reservedIdProblem(describeXmlElement(element), id, `${element.local} id`));
  if (unreported > 0) {
    problems.push({
      code: 'too-many-problems',
      path: '',
      message: `stopped after ${formatCount(DEFAULT_LIMITS.maxProblems)} problems (${formatCount(unreported)} more not listed)`,
      fix: `${LIMIT_DESCRIPTIONS.maxProblems.split}; one systematic mistake (ids renamed on one side) often causes most of them`,
    });
  }
  if (problems.length > 0) throw new DatasetValidationError(problems, file);

  return {
    graph,
    nodes,
    edges,
    describeNode: (key) => {
      const element = nodeWhere.get(key);
      return element ? describeXmlElement(element) : `<node id=${JSON.stringify(key)}>`;
    },
    describeEdge: (key) => {
      const element = edgeWhere.get(key);
      return element ? describeXmlElement(element) : `<edge id=${JSON.stringify(key)}>`;
    },
  };
}
