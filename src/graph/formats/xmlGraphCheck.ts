/**
 * Structural check of an XML graph file (GEXF, GraphML)
 * =====================================================
 *
 * The graphology parsers assume a sound file and fail with a bare
 * "inexisting node" (or merge duplicate ids silently). This pass runs first,
 * on the parsed Document, and reports every structural fault with its element
 * and line: missing or duplicate node ids, edges to nodes that do not exist.
 * It also gives id-less edges a stable id (`e0`, `e1` … in file order) so that
 * relation ids do not depend on graphology's random key generator.
 */

import { DatasetValidationError, type Problem } from '../../model/index.ts';
import { parseFailure } from './errors.ts';
import { describeElement } from './xml.ts';

export interface XmlGraphLocations {
  graphElement: Element;
  describeNode: (key: string) => string;
  describeEdge: (key: string) => string;
}

export function checkXmlGraph(document: Document, file: string, format: string, rootName: string): XmlGraphLocations {
  const root = document.documentElement;
  const rootLocal = root.localName ?? root.tagName;
  if (rootLocal !== rootName) {
    throw parseFailure(file, {
      code: 'wrong-top-level',
      path: '',
      message: `the root element is <${root.tagName}>, not <${rootName}>, so this is not a ${format} file`,
      fix: `choose the right format (--from), or export the graph as ${format} from the tool that made it`,
    });
  }
  const graphElement = document.getElementsByTagName('graph')[0];
  if (!graphElement) {
    throw parseFailure(file, {
      code: 'missing-field',
      path: describeElement(root),
      message: `the ${format} file has no <graph> element`,
      fix: `re-export the graph; a ${format} file holds its nodes and edges inside <graph>`,
    });
  }

  const problems: Problem[] = [];
  const nodes = new Map<string, string>();
  const nodeElements = document.getElementsByTagName('node');
  for (let i = 0; i < nodeElements.length; i++) {
    const element = nodeElements[i]!;
    const id = element.getAttribute('id');
    const where = describeElement(element);
    if (!id) {
      problems.push({ code: 'missing-field', path: `${where} (node ${i + 1})`, message: 'the node has no id', fix: 'give every <node> a unique id="…" attribute' });
    } else if (nodes.has(id)) {
      problems.push({ code: 'duplicate-id', path: where, message: `another node already has this id, ${nodes.get(id)}`, fix: 'give each node a unique id', value: id });
    } else nodes.set(id, where);
  }

  const edges = new Map<string, string>();
  const edgeElements = document.getElementsByTagName('edge');
  const idless: Element[] = [];
  for (let i = 0; i < edgeElements.length; i++) {
    const element = edgeElements[i]!;
    const id = element.getAttribute('id');
    const where = describeElement(element);
    if (!id) idless.push(element);
    else if (edges.has(id)) problems.push({ code: 'duplicate-id', path: where, message: `another edge already has this id, ${edges.get(id)}`, fix: 'give each edge a unique id, or none', value: id });
    else edges.set(id, where);
    for (const end of ['source', 'target'] as const) {
      const ref = element.getAttribute(end);
      if (!ref) problems.push({ code: 'missing-field', path: where, message: `the edge has no ${end}`, fix: `add ${end}="…" naming a node id` });
      else if (!nodes.has(ref)) {
        problems.push({
          code: 'dangling-reference',
          path: where,
          message: `the edge's ${end} names no node`,
          fix: `add <node id=${JSON.stringify(ref)}>, or point ${end} at an existing node`,
          value: ref,
        });
      }
    }
  }
  if (problems.length > 0) throw new DatasetValidationError(problems, file);

  let counter = 0;
  for (const element of idless) {
    let id = `e${counter++}`;
    while (edges.has(id)) id = `e${counter++}`;
    element.setAttribute('id', id);
    edges.set(id, describeElement(element).replace(` id=${JSON.stringify(id)}`, ''));
  }

  return {
    graphElement,
    describeNode: (key) => nodes.get(key) ?? `<node id=${JSON.stringify(key)}>`,
    describeEdge: (key) => edges.get(key) ?? `<edge id=${JSON.stringify(key)}>`,
  };
}

/**
 * Runs a graphology parser after the checks above. Anything it still throws
 * is a shape of file neither we nor it foresaw: reported as the user's input
 * (exit 1, with the parser's words) rather than as a crash.
 */
export function runParser<T>(file: string, format: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw parseFailure(file, {
      code: 'invalid-value',
      path: '',
      message: `the ${format} reader could not use this file (${reason})`,
      fix: `re-export it from the tool that made it, as plain ${format} without extensions`,
    });
  }
}
