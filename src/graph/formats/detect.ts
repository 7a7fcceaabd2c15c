/**
 * Which format is this file?
 * ==========================
 *
 * From the extension first (what the user chose when saving), then from the
 * content for `.xml`, `.json`, `.txt` or no extension: the XML root element,
 * the JSON top-level keys, or a header line with separators. Cheap: looks at
 * the start of the text only, except for JSON, where a newsgraph graph export
 * carries the documents before its node list.
 */

import { parseFailure } from './errors.ts';
import { stripBom } from './jsonText.ts';
import type { FormatId } from './types.ts';

const BY_EXTENSION: Record<string, FormatId> = {
  gexf: 'gexf',
  graphml: 'graphml',
  csv: 'csv',
  tsv: 'csv',
};

/** True when a parsed JSON value looks like a serialized graphology graph rather than a dataset. */
export function looksLikeSerializedGraph(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as { nodes?: unknown }).nodes);
}

export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function detectFormat(fileName: string, content: string): FormatId {
  const extension = extensionOf(fileName);
  const byExtension = BY_EXTENSION[extension];
  if (byExtension) return byExtension;

  const text = stripBom(content).trimStart();
  if (text.startsWith('<')) {
    const root = /<(?!\?|!)([\w.-]+:)?([\w.-]+)/.exec(text.slice(0, 4096));
    if (root?.[2] === 'gexf') return 'gexf';
    if (root?.[2] === 'graphml') return 'graphml';
    throw parseFailure(fileName, {
      code: 'wrong-top-level',
      path: '',
      message: `an XML file whose root element is <${root?.[2] ?? '?'}>, which is neither GEXF (<gexf>) nor GraphML (<graphml>)`,
      fix: 'export the graph as GEXF or GraphML',
    });
  }
  if (text.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Let the dataset loader report where the JSON breaks.
      return 'dataset';
    }
    return looksLikeSerializedGraph(value) ? 'json' : 'dataset';
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine)) return 'csv';
  throw parseFailure(fileName, {
    code: 'wrong-top-level',
    path: '',
    message: 'cannot tell the format (not XML, JSON or a CSV header line)',
    fix: 'name the file .gexf, .graphml, .json or .csv, or say the format (--from gexf|graphml|json|dataset|csv)',
  });
}
