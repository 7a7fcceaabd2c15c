/**
 * NUL characters in a dataset
 * ===========================
 *
 * PostgreSQL's `text` cannot hold U+0000 (an insert fails with code 22021);
 * SQLite's can, but a NUL is never part of a real article — it is a broken
 * export or a binary file read as text, and it cuts the text short in C
 * tools (the FTS tokenizer, a terminal). So both stores refuse a dataset
 * with a NUL in any string, before anything is written, with one line that
 * names the place (the article by id and title, and the offset of the first
 * NUL) and the fix. Ingest reports that article and goes on, as for any
 * dataset the store refuses.
 */

import { DatasetError, formatProblem, quoteText, type Problem } from '../../model/errors.ts';
import type { Dataset } from '../../model/schema.ts';

const NUL = '\u0000';

export class NulCharacterError extends DatasetError {
  override name = 'NulCharacterError';
  constructor(problem: Problem) {
    super(formatProblem(problem), [problem]);
  }
}

/** The first string holding a NUL: its JSON path and the offset of the NUL, or undefined. */
function firstNul(value: unknown, path: string): { path: string; offset: number } | undefined {
  if (typeof value === 'string') {
    const offset = value.indexOf(NUL);
    return offset < 0 ? undefined : { path, offset };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNul(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const keyOffset = key.indexOf(NUL);
      if (keyOffset >= 0) return { path: `${path}.${JSON.stringify(key)}`, offset: keyOffset };
      const found = firstNul((value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws `NulCharacterError` when any string of the dataset holds a NUL (see the header). */
export function refuseNulCharacters(dataset: Dataset): void {
  for (let i = 0; i < dataset.documents.length; i++) {
    const doc = dataset.documents[i]!;
    const found = firstNul(doc, `documents[${i}]`);
    if (found)
      throw new NulCharacterError({
        code: 'invalid-value',
        path: found.path,
        message: `article ${quoteText(doc.id, 60)} (${quoteText(doc.title, 80)}) holds a NUL character (U+0000) at offset ${found.offset.toLocaleString('en-US')} of its ${found.path.slice(found.path.lastIndexOf('.') + 1)}`,
        fix: 'remove the NUL characters from the article, and ingest it again',
      });
  }
  const found = firstNul({ ...dataset, documents: [] }, '');
  if (found)
    throw new NulCharacterError({
      code: 'invalid-value',
      path: found.path,
      message: `a NUL character (U+0000) at offset ${found.offset.toLocaleString('en-US')}`,
      fix: 'remove the NUL characters from the dataset, and add it again',
    });
}
