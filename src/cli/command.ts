/**
 * CLI command contract
 * ====================
 *
 * Each command is a plain object, registered as data in `commands/index.ts`;
 * `main.ts` parses nothing itself beyond choosing the command. Commands write
 * through `io` so tests can run them without a process.
 */

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  writeFile: (path: string, content: string) => void;
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
