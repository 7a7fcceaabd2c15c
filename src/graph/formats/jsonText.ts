/**
 * JSON text → value, with a location when it is broken
 * ====================================================
 *
 * For the JSON-based formats other than the dataset itself (which has its own
 * loader in the model): Node and browsers report a syntax error's position in
 * different words, so the offset is dug out of the message and turned into a
 * line and column.
 */

import { DatasetParseError } from '../../model/index.ts';

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

export function parseJsonText(content: string, file: string, formatName: string): unknown {
  const text = stripBom(content);
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason) ?? /column (\d+)/.exec(reason);
    let where = '';
    if (position && /position/.test(position[0])) {
      const { line, column } = lineAndColumn(text, Number(position[1]));
      where = ` at line ${line}, column ${column}`;
    } else if (text.trim() === '') where = ' (the file is empty)';
    throw new DatasetParseError(
      `${file}: not valid JSON${where} (${reason}). Fix: check the file is a complete ${formatName} saved as JSON (no trailing commas or comments, nothing cut off).`,
      file,
    );
  }
}
