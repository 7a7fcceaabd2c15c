/**
 * newsgraph command line
 * ======================
 *
 *   npm run -s newsgraph -- <command> [args]
 *
 * Chooses a command from the registry and turns user mistakes into messages
 * and exit codes (never a stack trace); only a bug in newsgraph itself shows one.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { NewsgraphError } from '../model/index.ts';
import { EXIT, UsageError, type CommandIO, type ExitCode } from './command.ts';
import { COMMANDS } from './commands/index.ts';

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length), 10);
  return [
    'usage: newsgraph <command> [args]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 invalid input, 2 wrong usage.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CommandIO): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(helpText() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`newsgraph: unknown command "${name}".\n\n${helpText()}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`newsgraph ${name}: ${error.message}\nusage: newsgraph ${command.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof NewsgraphError) {
      io.stderr(`${error.message}\n`);
      return EXIT.invalidInput;
    }
    if (isFileSystemError(error)) {
      io.stderr(`newsgraph ${name}: cannot read or write "${error.path}" (${error.code}). Fix: check the path and its permissions.\n`);
      return EXIT.invalidInput;
    }
    throw error;
  }
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).path === 'string';
}

export const nodeIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, content) => writeFileSync(path, content),
};

// Run only when executed directly (tests import runCli).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  runCli(process.argv.slice(2), nodeIO).then((code) => {
    process.exitCode = code;
  });
}
