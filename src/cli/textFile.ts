/**
 * Reading a text file from the command line
 * =========================================
 *
 * Every command that reads a text file (datasets, GEXF, GraphML, graphology
 * JSON, CSV, `.txt` articles) reads its bytes and decodes them with the
 * formats' one decoder, `decodeText`: UTF-8, or — for a file that is not
 * valid UTF-8, such as a Latin-1 CSV from an old spreadsheet — Windows-1252,
 * with a warning on stderr in the same form as `import`'s other warnings:
 *
 *   FILE: warning: line L, column C: FILE is not valid UTF-8 (byte 0xE9 here) … Fix: save the file as UTF-8 …
 *
 * An IO without `readBytes` (tests' in-memory files) is read as text, as before.
 * File-system errors are thrown as they are, for the caller to turn into problems.
 */

import { decodeText } from '../graph/formats/decodeText.ts';
import { formatProblem } from '../model/index.ts';
import type { CommandIO } from './command.ts';

export function readTextFile(path: string, io: CommandIO): string {
  if (!io.readBytes) return io.readFile(path);
  const { text, warnings } = decodeText(io.readBytes(path), path);
  for (const warning of warnings) io.stderr(`${path}: warning: ${formatProblem(warning)}\n`);
  return text;
}
