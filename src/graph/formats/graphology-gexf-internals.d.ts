/**
 * Types for the two internal modules of graphology-gexf that gexf.ts imports
 * directly. Its package entry also loads its DOM-based parser and xmldom,
 * which newsgraph does not use (the reader is saxes-based), so importing the
 * writer and the value parser by path keeps both out of the app bundle.
 */
declare module 'graphology-gexf/common/writer.js' {
  import type { write } from 'graphology-gexf';
  const writeGexf: typeof write;
  export default writeGexf;
}

declare module 'graphology-gexf/common/helpers.js' {
  /** Parses an attvalue by its declared GEXF type: numbers, booleans, and `list…` types (`[a, "b"]` or `a|b`). */
  export function parseValue(type: string, value: string): unknown;
}
