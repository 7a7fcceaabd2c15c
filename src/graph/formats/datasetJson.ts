/**
 * The newsgraph dataset JSON itself
 * =================================
 *
 * The native format, listed beside the others so "export only these types"
 * and the import command treat it like any other.
 */

import { parseDatasetJson, type Dataset } from '../../model/index.ts';
import { stripBom } from './jsonText.ts';
import { selectTypes } from './select.ts';
import type { ReadOptions, ReadResult, WriteOptions, WrittenFile } from './types.ts';

export function write(dataset: Dataset, options: WriteOptions = {}): WrittenFile {
  return { content: `${JSON.stringify(selectTypes(dataset, options.types), null, 2)}\n`, mimeType: 'application/json', extension: 'json' };
}

export function read(content: string, file: string, _options: ReadOptions = {}): ReadResult {
  return { dataset: parseDatasetJson(stripBom(content), file), warnings: [] };
}
