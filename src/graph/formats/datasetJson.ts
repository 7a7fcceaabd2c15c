/**
 * The newsgraph dataset JSON itself
 * =================================
 *
 * The native format, listed beside the others so "export only these types"
 * and the import command treat it like any other.
 */

import { parseDatasetJson, type Dataset } from '../../model/index.ts';
import { stripBom } from './jsonText.ts';
import { PartsBuilder, pushJson } from './parts.ts';
import { selectTypes } from './select.ts';
import type { ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';

/**
 * The dataset as pretty-printed JSON, in parts: byte for byte
 * `JSON.stringify(dataset, null, 2) + '\n'`, but one document, entity or
 * relation at a time, so a dataset near the limits never becomes one string.
 */
export function datasetJsonParts(dataset: Dataset): string[] {
  const out = new PartsBuilder();
  pushJson(out, dataset, 0, { arrayDepth: 1, objectDepth: 0 });
  out.push('\n');
  return out.finish();
}

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  return { parts: datasetJsonParts(selectTypes(dataset, options.types)), mimeType: 'application/json', extension: 'json' };
}

export function read(content: string, file: string, _options: ReadOptions = {}): ReadResult {
  return { dataset: parseDatasetJson(stripBom(content), file), warnings: [] };
}
