/**
 * JSON text → value, with a location when it is broken
 * ====================================================
 *
 * For the JSON-based formats other than the dataset itself (which has its own
 * loader in the model): Node and browsers report a syntax error's position in
 * different words, so the offset is dug out of the message and turned into a
 * line and column; what JSON.parse hides (fields named twice, nesting or list
 * lengths past the limits) is found in the text first.
 */

import { checkJsonText, DatasetValidationError, DEFAULT_LIMITS, type DatasetLimits } from '../../model/index.ts';
import { parseFailure } from './errors.ts';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The value of JSON text. Before parsing, one scan of the text (model/jsonScan.ts)
 * refuses nesting past the limit and `lists` (top-level field → the limit its
 * items count against) past theirs; a field named twice in an object, which
 * JSON.parse would silently resolve to the last, is refused with its place.
 */
export function parseJsonText(content: string, file: string, formatName: string, lists: ReadonlyMap<string, keyof DatasetLimits> = new Map()): unknown {
  const text = stripBom(content);
  const scanned = checkJsonText(text, DEFAULT_LIMITS, lists, text !== content);
  if (scanned.refusal) throw parseFailure(file, scanned.refusal);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const at = position ? lineAndColumn(text, Number(position[1])) : undefined;
    if (text.trim() === '') throw parseFailure(file, { code: 'empty-file', path: '', message: 'the file is empty', fix: `choose the ${formatName} file itself` });
    throw parseFailure(file, {
      code: 'invalid-json',
      path: '',
      ...(at ? { line: at.line, column: at.column } : {}),
      message: `not valid JSON (${reason})`,
      fix: `check the file is a complete ${formatName} saved as JSON (no trailing commas or comments, nothing cut off)`,
    });
  }
  if (scanned.duplicates.length > 0) throw new DatasetValidationError(scanned.duplicates, file);
  return value;
}
