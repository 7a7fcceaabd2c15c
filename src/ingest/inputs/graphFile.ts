/**
 * A dataset or graph file → a dataset to add as it is
 * ===================================================
 *
 * The same readers as `newsgraph import`: the format from the file's name,
 * else its content (`detectFormat`); a newsgraph dataset through the model's
 * loader (`checkDatasetJson`: the same problems `validate` reports), GEXF,
 * GraphML, graphology JSON and CSV through the format registry, nodes
 * without a type typed by what newsgraph knows of their names
 * (`knownEntityType`), as `import` does. Nothing is extracted: the dataset
 * goes to the store whole, in one transaction.
 */

import { knownEntityType } from '../../extract/knownEntityType.ts';
import { decodeText } from '../../graph/formats/decodeText.ts';
import { detectFormat, readAnyWithWarnings, type FormatId, type ReadOptions } from '../../graph/formats/index.ts';
import { DatasetParseError, DatasetValidationError, fileTooLarge, formatProblem, resolveLimits } from '../../model/index.ts';
import type { Dataset } from '../../model/schema.ts';
import { checkDatasetJson } from '../../model/load.ts';
import { readFileSync, statSync } from 'node:fs';

export interface GraphFileOptions extends ReadOptions {
  /** `FILE: warning: …` lines (an encoding guessed, an entity type assumed). */
  warn: (line: string) => void;
  format?: FormatId;
}

export async function readGraphFile(path: string, options: GraphFileOptions): Promise<Dataset> {
  const { maxFileBytes } = resolveLimits();
  const size = statSync(path).size;
  if (size > maxFileBytes) throw new DatasetParseError(fileTooLarge(size, maxFileBytes), path);
  const { text, warnings: decoding } = decodeText(readFileSync(path), path);
  for (const warning of decoding) options.warn(`${path}: warning: ${formatProblem(warning)}`);
  const { warn: _warn, format: given, ...readOptions } = options;
  const format = given ?? detectFormat(path, text);
  if (format === 'dataset') {
    const result = checkDatasetJson(text);
    if (result.ok) return result.dataset;
    if (result.stage === 'parse') throw new DatasetParseError(result.problems[0]!, path);
    throw new DatasetValidationError(result.problems, path);
  }
  const { dataset, warnings } = await readAnyWithWarnings(path, text, { entityTypeOf: knownEntityType, ...readOptions, format });
  for (const warning of warnings) options.warn(`${path}: warning: ${formatProblem(warning)}`);
  return dataset;
}
