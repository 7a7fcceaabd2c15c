/**
 * Import and export formats
 * =========================
 *
 * The registry of exchange formats, as data, and the two calls the app and
 * the CLI make:
 *
 *   readAny(fileName, content)           → Dataset   (format from the name/content)
 *   writeFormat(dataset, format, options) → { parts, mimeType, extension }   (join with writtenText, or write part by part)
 *
 * Each format lives in its own module and is loaded with `import()` only when
 * used, so the explorer's first load carries no XML parser or CSV code.
 */

import { withoutRejected } from '../../model/review/index.ts';
import type { Dataset } from '../../model/index.ts';
import { detectFormat } from './detect.ts';
import type { FormatId, FormatModule, ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';

export type { FormatId, Position, ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';
export { FORMAT_IDS, isFormatId, PART_SIZE, writtenLength, writtenText } from './types.ts';
export { detectFormat } from './detect.ts';
export { parseTypeList, UnknownTypeError } from './select.ts';

export interface FormatDescription {
  id: FormatId;
  label: string;
  /** Extensions read as this format (without the dot); the first is written. */
  extensions: readonly string[];
  mimeType: string;
  /** What survives a trip through the format, in words (shown beside the export button). */
  keeps: string;
  load: () => Promise<FormatModule>;
}

export const FORMATS: readonly FormatDescription[] = [
  {
    id: 'gexf',
    label: 'GEXF 1.3 (Gephi)',
    extensions: ['gexf'],
    mimeType: 'application/gexf+xml',
    keeps: 'everything, with registry colours, sizes, positions and reporting dates as timeline spells for Gephi',
    load: () => import('./gexf.ts'),
  },
  {
    id: 'graphml',
    label: 'GraphML (networkx, Cytoscape, yEd)',
    extensions: ['graphml'],
    mimeType: 'application/graphml+xml',
    keeps: 'everything, as <key>-declared columns (reporting dates and source counts among them)',
    load: () => import('./graphml.ts'),
  },
  {
    id: 'json',
    label: 'graphology JSON (graph.export())',
    extensions: ['graphology.json', 'json'],
    mimeType: 'application/json',
    keeps: 'everything, plus sigma drawing attributes',
    load: () => import('./graphologyJson.ts'),
  },
  {
    id: 'dataset',
    label: 'newsgraph dataset JSON',
    extensions: ['json'],
    mimeType: 'application/json',
    keeps: 'everything (the native format)',
    load: () => import('./datasetJson.ts'),
  },
  {
    id: 'csv',
    label: 'CSV of triples',
    extensions: ['csv', 'tsv'],
    mimeType: 'text/csv',
    keeps: 'triples, flags, entity names, types and ids, declared reporting days, and the evidence sentences with their event dates and their article’s title, outlet, link and date (not the full articles, aliases or attributes)',
    load: () => import('./csv.ts'),
  },
];

export function formatById(id: FormatId): FormatDescription {
  const format = FORMATS.find((f) => f.id === id);
  if (!format) throw new RangeError(`unknown format "${id}"`);
  return format;
}

/** Reads a file of any supported format; `options.format` skips detection. Warnings say what was guessed. */
export async function readAnyWithWarnings(fileName: string, content: string, options: ReadOptions & { format?: FormatId } = {}): Promise<ReadResult> {
  const id = options.format ?? detectFormat(fileName, content);
  const module = await formatById(id).load();
  return module.read(content, fileName, options);
}

export async function readAny(fileName: string, content: string, options: ReadOptions & { format?: FormatId } = {}): Promise<Dataset> {
  return (await readAnyWithWarnings(fileName, content, options)).dataset;
}

export async function writeFormat(dataset: Dataset, format: FormatId, options: WriteOptions = {}): Promise<WrittenFile> {
  const module = await formatById(format).load();
  // Other tools' formats get the graph as drawn: a relation the analyst rejected is not an edge. newsgraph's own keeps it, marked.
  return module.write(format === 'dataset' ? dataset : withoutRejected(dataset), options);
}
