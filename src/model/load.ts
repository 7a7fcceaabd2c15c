/**
 * Loading a dataset from JSON text
 * ================================
 *
 * The one entry point for a dataset file, used by the CLI and the app alike
 * (no Node APIs here: the app passes the text of a dropped file). Everything
 * that can be wrong with the text before it is a dataset — empty, binary,
 * too large, not JSON, past a count or nesting limit (found in the text,
 * before parsing) — becomes a problem with a code, a line and column and a
 * fix; fields named twice are reported with the validator's problems, since
 * the value JSON.parse keeps is not the one written; then `validateDataset`
 * checks the contract.
 *
 *  - `checkDatasetJson` never throws: the CLI's `validate` prints its problems.
 *  - `parseDatasetJson` throws `DatasetParseError` or `DatasetValidationError`.
 */

import { DatasetParseError, DatasetValidationError, quoteText, type Problem } from './errors.ts';
import { findJsonSyntaxError, lineColumnAt } from './jsonSyntax.ts';
import { checkJsonText } from './jsonScan.ts';
import { formatCount, LIMIT_DESCRIPTIONS, resolveLimits, type DatasetLimits } from './limits.ts';
import type { Dataset } from './schema.ts';
import { validateDataset, type ValidateOptions } from './validate.ts';

export type LoadResult =
  | { ok: true; dataset: Dataset }
  /** `stage` says whether the text was unusable (`parse`) or parsed but broke the contract (`validate`). */
  | { ok: false; stage: 'parse' | 'validate'; problems: Problem[] };

export type LoadOptions = ValidateOptions;

const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * UTF-8 size of a string, without allocating the encoded bytes. ASCII runs
 * (most of a dataset: JSON punctuation, ids, English text) are skipped by the
 * regular-expression engine; only the other characters are counted one by one.
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  NON_ASCII.lastIndex = 0;
  while (NON_ASCII.test(text)) {
    let i = NON_ASCII.lastIndex - 1;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) break;
      // Each code unit is already counted once: 2 bytes for one below U+0800, else 3 — or 4 for a surrogate pair's two.
      if (code < 0x800) bytes += 1;
      else {
        bytes += 2;
        const next = text.charCodeAt(i + 1);
        if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
    NON_ASCII.lastIndex = i;
  }
  return bytes;
}

/** The problem for a file larger than `maxFileBytes`; the CLI uses it before reading a file at all. */
export function fileTooLarge(bytes: number, maxFileBytes: number): Problem {
  return {
    code: 'limit-exceeded',
    path: '',
    message: `the file is ${formatCount(bytes)} bytes, over the limit of ${formatCount(maxFileBytes)} bytes per dataset file (maxFileBytes)`,
    fix: LIMIT_DESCRIPTIONS.maxFileBytes.split,
  };
}

/** Checks JSON text as a dataset; never throws. */
export function checkDatasetJson(json: string, options: LoadOptions = {}): LoadResult {
  const problem = textProblem(json, options);
  if (problem) return { ok: false, stage: 'parse', problems: [problem] };
  // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse rejects; it carries no data.
  const body = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  // Before JSON.parse builds anything: lists past their limits, nesting past its limit, fields named twice.
  const limits = resolveLimits(options.limits);
  const scanned = checkJsonText(body, limits, DATASET_LISTS, body !== json);
  if (scanned.refusal) return { ok: false, stage: 'parse', problems: [scanned.refusal] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, stage: 'parse', problems: [jsonProblem(json, body, error)] };
  }
  const result = validateDataset(value, options);
  if (scanned.duplicates.length === 0) return result.ok ? result : { ok: false, stage: 'validate', problems: result.problems };
  // The value parsed is not the one written: every duplicate first, then what the validator says of the parsed value.
  return { ok: false, stage: 'validate', problems: [...scanned.duplicates, ...(result.ok ? [] : result.problems)] };
}

/** The dataset's top-level lists and the limit each counts against, checked in the text before parsing. */
const DATASET_LISTS: ReadonlyMap<string, keyof DatasetLimits> = new Map([
  ['documents', 'maxDocuments'],
  ['entities', 'maxEntities'],
  ['relations', 'maxRelations'],
]);

/** Parses and validates JSON text; throws `DatasetParseError` (not usable JSON) or `DatasetValidationError` (breaks the contract). */
export function parseDatasetJson(json: string, file?: string, options?: LoadOptions): Dataset {
  const result = checkDatasetJson(json, options);
  if (result.ok) return result.dataset;
  if (result.stage === 'parse') throw new DatasetParseError(result.problems[0]!, file);
  throw new DatasetValidationError(result.problems, file);
}

function textProblem(json: string, options: LoadOptions): Problem | undefined {
  const { maxFileBytes } = resolveLimits(options.limits);
  // Counting bytes costs a pass over the text: skip it when even 3 bytes a character would fit.
  if (json.length > maxFileBytes / 3) {
    const bytes = utf8ByteLength(json);
    if (bytes > maxFileBytes) return fileTooLarge(bytes, maxFileBytes);
  }
  if (json.trim().length === 0 || json === '\ufeff') {
    return {
      code: 'empty-file',
      path: '',
      message: json.length === 0 ? 'the file is empty' : 'the file holds only white space',
      fix: 'give the path of a newsgraph dataset (a JSON object with "version", "documents", "entities" and "relations"); if it was just written, check the program that wrote it finished',
    };
  }
  const nul = json.indexOf('\u0000');
  if (nul >= 0) {
    // UTF-16 text read as UTF-8 has a NUL beside every ASCII character; its byte-order mark decodes as U+FFFD twice.
    const utf16 = json.startsWith('\ufffd\ufffd') || /^(?:[\x20-\x7e]\u0000|\u0000[\x20-\x7e]){2}/.test(json.slice(0, 8));
    return {
      code: 'binary-file',
      path: '',
      message: utf16 ? 'the file looks like UTF-16 text, not UTF-8' : `the file looks binary, not text (a NUL byte at offset ${nul})`,
      fix: utf16 ? 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)' : 'give the path of the dataset .json file, not an image, archive or compiled file',
    };
  }
  return undefined;
}

function jsonProblem(original: string, body: string, error: unknown): Problem {
  const shift = original.length - body.length;
  const found = findJsonSyntaxError(body);
  if (found) {
    const offset = found.offset + shift;
    return {
      code: 'invalid-json',
      path: '',
      message: `not valid JSON: ${found.reason} (here: ${quoteText(textUpTo(original, offset), 40)} ←)`,
      fix: found.fix,
      ...lineColumnAt(original, offset),
    };
  }
  // The scanner and JSON.parse disagree (they should not): fall back on the engine's own words and position, if any.
  const reason = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(reason);
  return {
    code: 'invalid-json',
    path: '',
    message: `not valid JSON (${reason})`,
    fix: 'check the file is a complete newsgraph dataset saved as JSON',
    ...(position ? lineColumnAt(original, Number(position[1]) + shift) : {}),
  };
}

/** The text leading up to and including the offending character, on one line: where to look in the editor. */
function textUpTo(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 30), offset + 1).replace(/\s+/g, ' ');
}
