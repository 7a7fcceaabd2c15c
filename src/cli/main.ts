/**
 * newsgraph command line
 * ======================
 *
 *   npm run -s newsgraph -- <command> [args]
 *
 * Chooses a command from the registry and turns user mistakes into messages
 * and exit codes (never a stack trace). One guard catches everything else: a
 * bug in newsgraph itself is one line asking for a report (with the version
 * and the command), exit 1; the global flag `--debug` adds the stack.
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DatasetError, NewsgraphError } from '../model/index.ts';
import { EXIT, UsageError, type CommandIO, type ExitCode } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { fileSystemProblem, formatFileProblem } from './datasetFile.ts';
import { isPostgresUrl, redactUrl } from '../store/postgres/url.ts';
import { checkDirectorySync, OutputClosedError, OutputError, writePartsAtomically, writeStdoutSync } from './output.ts';

export function helpText(): string {
  // Usage lines are long (flags); the summary goes on its own indented line.
  return [
    'usage: newsgraph <command> [args]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Global option: --debug   show the stack of an internal error (a bug to report).',
    'Exit codes: 0 ok, 1 invalid input or a failed write, 2 wrong usage.',
  ].join('\n');
}

/** newsgraph's version, from package.json, for bug reports. */
export function newsgraphVersion(): string {
  try {
    return String((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** `--debug` anywhere before `--` is the global flag; the rest goes to the command. */
export function splitGlobalFlags(argv: readonly string[]): { args: string[]; debug: boolean } {
  const end = argv.indexOf('--');
  const head = end === -1 ? argv : argv.slice(0, end);
  const tail = end === -1 ? [] : argv.slice(end);
  return { args: [...head.filter((arg) => arg !== '--debug'), ...tail], debug: head.includes('--debug') };
}

/** The one line (and, under --debug, the stack) for an error newsgraph did not expect. */
export function internalErrorMessage(error: unknown, command: readonly string[], debug: boolean): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const name = command[0] ?? '';
  const line =
    `newsgraph${name ? ` ${name}` : ''}: internal error: ${what.replace(/\s*\n\s*/g, ' ')}. ` +
    `This is a bug in newsgraph ${newsgraphVersion()}: please report this with the command (newsgraph ${command.map((arg) => (isPostgresUrl(arg) ? redactUrl(arg) : arg)).join(' ')})` +
    `${debug ? ' and the stack below' : '; add --debug to see the stack'}.\n`;
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return line + stack;
}

export async function runCli(argv: string[], io: CommandIO): Promise<ExitCode> {
  const { args: commandLine, debug } = splitGlobalFlags(argv);
  try {
    return await runCommand(commandLine, io);
  } catch (error) {
    if (error instanceof OutputClosedError) return EXIT.ok;
    try {
      io.stderr(internalErrorMessage(error, commandLine, debug));
    } catch {
      // stderr itself is gone: the exit code still tells.
    }
    return EXIT.invalidInput;
  }
}

async function runCommand(argv: string[], io: CommandIO): Promise<ExitCode> {
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
    if (error instanceof OutputClosedError) return EXIT.ok;
    if (error instanceof OutputError) {
      io.stderr(`newsgraph ${name}: ${error.message}\n`);
      return EXIT.invalidInput;
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
  // Synchronous, so a full disk or a closed pipe surfaces here as an error, not later as an unhandled event.
  stdout: writeStdoutSync,
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  writeFile: (path, content) => writeFileSync(path, content),
  writeParts: writePartsAtomically,
  checkDirectory: checkDirectorySync,
  stat: (path) => {
    const info = statSync(path);
    return { size: info.size, isFile: info.isFile(), isDirectory: info.isDirectory() };
  },
};

// Run only when executed directly (tests import runCli).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const { args, debug } = splitGlobalFlags(argv);
  const fail = (error: unknown) => {
    process.stderr.write(internalErrorMessage(error, args, debug));
    process.exit(EXIT.invalidInput);
  };
  // `newsgraph stats x.json | head` closes the pipe early: that is the reader's choice, not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`newsgraph: cannot write standard output: ${error.message.split('\n')[0]}\n`);
    process.exit(EXIT.invalidInput);
  });
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  runCli(argv, nodeIO).then((code) => {
    process.exitCode = code;
  }, fail);
}
