/**
 * newsgraph command line
 * ======================
 *
 *   npm run -s newsgraph -- <command> [args]
 *
 * Chooses a command from the registry and turns user mistakes into messages
 * and exit codes (never a stack trace); only a bug in newsgraph itself shows one.
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DatasetError, NewsgraphError } from '../model/index.ts';
import { EXIT, UsageError, type CommandIO, type ExitCode } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { fileSystemProblem, formatFileProblem } from './datasetFile.ts';

export function helpText(): string {
  // Usage lines are long (flags); the summary goes on its own indented line.
  return [
    'usage: newsgraph <command> [args]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
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
    if (error instanceof DatasetError && error.file !== undefined && error.structured) {
      io.stderr(error.problems.map((problem) => `${formatFileProblem(error.file!, problem)}\n`).join(''));
      return EXIT.invalidInput;
    }
    if (error instanceof NewsgraphError) {
      io.stderr(`${error.message}\n`);
      return EXIT.invalidInput;
    }
    const path = errorPath(error);
    const problem = path === undefined ? undefined : fileSystemProblem(error, path);
    if (problem) {
      io.stderr(`newsgraph ${name}: ${formatFileProblem(path!, problem)}\n`);
      return EXIT.invalidInput;
    }
    throw error;
  }
}

function errorPath(error: unknown): string | undefined {
  const path = error instanceof Error ? (error as NodeJS.ErrnoException).path : undefined;
  return typeof path === 'string' ? path : undefined;
}

export const nodeIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, content) => writeFileSync(path, content),
  stat: (path) => {
    const info = statSync(path);
    return { size: info.size, isFile: info.isFile() };
  },
};

// Run only when executed directly (tests import runCli).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `newsgraph stats x.json | head` closes the pipe early: that is the reader's choice, not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), nodeIO).then((code) => {
    process.exitCode = code;
  });
}
