/**
 * Loading a dataset from JSON text
 * ================================
 *
 * The one entry point for a dataset file, used by the CLI and the app alike:
 * JSON syntax errors and contract violations become named errors that say
 * which file, where, and how to fix it.
 */

import { DatasetParseError } from './errors.ts';
import type { Dataset } from './schema.ts';
import { assertValidDataset } from './validate.ts';

export function parseDatasetJson(json: string, file?: string): Dataset {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatasetParseError(
      `${file ? `${file}: ` : ''}not valid JSON (${reason}). Fix: check the file is a complete newsgraph dataset saved as JSON.`,
      file,
    );
  }
  return assertValidDataset(value, file);
}
