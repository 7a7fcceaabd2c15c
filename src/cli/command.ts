/**
 * CLI command contract
 * ====================
 *
 * Each command is a plain object, registered as data in `commands/index.ts`;
 * `main.ts` parses nothing itself beyond choosing the command. Commands write
 * through `io` so tests can run them without a process.
 */

import { nearestWord } from '../model/suggest.ts';

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  /** The file's bytes, for callers that decode them themselves (`decodeText`: UTF-8, or Windows-1252 with a warning). Optional for in-memory IOs in tests; without it `readFile` is used. */
  readBytes?: (path: string) => Uint8Array;
  /** Writes a whole file (in-memory IOs; the Node IO uses `writeParts`). */
  writeFile: (path: string, content: string) => void;
  /**
   * Writes a file from parts, never leaving a half-written file at `path`
   * (see output.ts); `overwrite: false` refuses an existing file. Optional:
   * without it the parts are joined and given to `writeFile`.
   */
  writeParts?: (path: string, parts: readonly string[], options: { overwrite: boolean }) => void;
  /**
   * Whether files can be created in `directory`: undefined if so, else the
   * errno code (`ENOENT`, `ENOTDIR`, `EACCES`, `EROFS`, …). Optional.
   */
  checkDirectory?: (directory: string) => string | undefined;
  /**
   * Size in bytes, and whether the path is a regular file, without reading it:
   * lets commands refuse a directory or a 5 GB file before loading it. Optional
   * so in-memory IOs in tests may leave it out (then only reading can fail).
   * `isDirectory` tells a directory from a device or pipe (both not files).
   */
  stat?: (path: string) => { size: number; isFile: boolean; isDirectory?: boolean };
}

/** Exit codes: 0 success, 1 invalid input (the user's data), 2 wrong usage (the user's command line). */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Command {
  name: string;
  /** One line: `validate FILE`. */
  usage: string;
  summary: string;
  run: (args: string[], io: CommandIO) => ExitCode | Promise<ExitCode>;
}

/** A mistake on the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Splits `args` into flags and operands, refusing flags the command does not
 * know (with a "did you mean" when one is close). `--` ends the flags, so a
 * file named `-odd.json` can still be given; a lone `-` is an operand.
 */
export function parseFlags(args: readonly string[], known: readonly string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let flagsEnded = false;
  for (const arg of args) {
    if (flagsEnded || arg === '-' || !arg.startsWith('-')) operands.push(arg);
    else if (arg === '--') flagsEnded = true;
    else if (known.includes(arg)) flags.add(arg);
    else {
      const close = nearestWord(arg, known);
      throw new UsageError(
        `unknown option "${arg}"${close ? `; did you mean "${close}"?` : ''} (options: ${known.join(', ') || 'none'}; put "--" before a file name that starts with "-")`,
      );
    }
  }
  return { flags, operands };
}
