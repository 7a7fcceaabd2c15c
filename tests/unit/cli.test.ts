/**
 * runCli itself: help generated from the registry, unknown commands, and how
 * each kind of error thrown by a command becomes a message and an exit code
 * (user mistakes: never a stack trace; bugs: rethrown, so they are seen).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { EXIT, parseFlags, UsageError, type Command, type CommandIO } from '../../src/cli/command.ts';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { helpText, runCli } from '../../src/cli/main.ts';
import { DatasetParseError, DatasetValidationError, NewsgraphError } from '../../src/model/index.ts';

function captureIO(): { io: CommandIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
      readFile: (path) => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', path });
      },
      writeFile: () => undefined,
    },
    out: () => out,
    err: () => err,
  };
}

/** A throwaway command registered for one test, to drive each error branch of runCli. */
function withCommand(run: Command['run']): string {
  const name = `test-${Math.random().toString(36).slice(2)}`;
  COMMANDS.push({ name, usage: `${name} X`, summary: 'test only', run });
  return name;
}

afterEach(() => {
  for (let i = COMMANDS.length - 1; i >= 0; i--) if (COMMANDS[i]!.name.startsWith('test-')) COMMANDS.splice(i, 1);
});

describe('runCli', () => {
  it('lists validate and stats in the help, from the registry', async () => {
    expect(helpText()).toMatch(/validate FILE \[FILE…\]\n +check dataset files/);
    expect(helpText()).toMatch(/stats FILE \[--json\]\n +counts per entity and relation type/);
    const help = captureIO();
    expect(await runCli(['--help'], help.io)).toBe(EXIT.ok);
    expect(help.out()).toBe(`${helpText()}\n`);
    const none = captureIO();
    expect(await runCli([], none.io)).toBe(EXIT.usage);
    expect(none.err()).toBe(`${helpText()}\n`);
  });

  it('exits 2 on an unknown command', async () => {
    const cli = captureIO();
    expect(await runCli(['valdate', 'x.json'], cli.io)).toBe(EXIT.usage);
    expect(cli.err()).toMatch(/^newsgraph: unknown command "valdate"\./);
  });

  it('prints structured dataset problems one per line, prefixed with the file', async () => {
    const name = withCommand(() => {
      throw new DatasetValidationError(
        [
          { code: 'duplicate-id', path: 'entities[1].id', message: 'another entity already has this id', fix: 'give each entity a unique id', value: 'x' },
          { code: 'dangling-reference', path: 'relations[0].source', message: 'no entity has this id', fix: 'add it', value: 'y' },
        ],
        'd.json',
      );
    });
    const cli = captureIO();
    expect(await runCli([name], cli.io)).toBe(EXIT.invalidInput);
    expect(cli.err()).toBe(
      'd.json: entities[1].id: another entity already has this id (got "x"). Fix: give each entity a unique id\n' +
        'd.json: relations[0].source: no entity has this id (got "y"). Fix: add it\n',
    );
  });

  it('prints a bare-message parse error (importers) and other NewsgraphErrors verbatim, exit 1', async () => {
    const parse = withCommand(() => {
      throw new DatasetParseError('g.gexf: no <graph> element. Fix: re-export the graph.', 'g.gexf');
    });
    const cli = captureIO();
    expect(await runCli([parse], cli.io)).toBe(EXIT.invalidInput);
    expect(cli.err()).toBe('g.gexf: no <graph> element. Fix: re-export the graph.\n');
    const other = withCommand(() => {
      throw new NewsgraphError('something the user can fix');
    });
    const cli2 = captureIO();
    expect(await runCli([other], cli2.io)).toBe(EXIT.invalidInput);
    expect(cli2.err()).toBe('something the user can fix\n');
  });

  it('turns file-system errors into a message naming the path, exit 1', async () => {
    const name = withCommand((args, io) => {
      io.readFile(args[0]!);
      return EXIT.ok;
    });
    const cli = captureIO();
    expect(await runCli([name, 'secret.json'], cli.io)).toBe(EXIT.invalidInput);
    expect(cli.err()).toBe(`newsgraph ${name}: secret.json: permission denied. Fix: check the file’s permissions (ls -l), or copy it somewhere readable\n`);
  });

  it('prints UsageError with the command usage, exit 2', async () => {
    const name = withCommand(() => {
      throw new UsageError('give X');
    });
    const cli = captureIO();
    expect(await runCli([name], cli.io)).toBe(EXIT.usage);
    expect(cli.err()).toBe(`newsgraph ${name}: give X\nusage: newsgraph ${name} X\n`);
  });

  it('reports anything else as a bug: one line asking for a report (exit 1), not disguised as bad input; the stack under --debug', async () => {
    const name = withCommand(() => {
      throw new TypeError('undefined is not a function');
    });
    const cli = captureIO();
    expect(await runCli([name], cli.io)).toBe(EXIT.invalidInput);
    expect(cli.err()).toMatch(new RegExp(`^newsgraph ${name}: internal error: TypeError: undefined is not a function\\. This is a bug in newsgraph .*please report this.*\\n$`));
    const debug = captureIO();
    expect(await runCli([name, '--debug'], debug.io)).toBe(EXIT.invalidInput);
    expect(debug.err()).toMatch(/\n\s+at /);
  });
});

describe('parseFlags', () => {
  it('separates flags from operands, honours "--" and a lone "-"', () => {
    const { flags, operands } = parseFlags(['--json', 'a.json', '-', '--', '--b.json'], ['--json']);
    expect([...flags]).toEqual(['--json']);
    expect(operands).toEqual(['a.json', '-', '--b.json']);
  });

  it('refuses unknown flags with a suggestion', () => {
    expect(() => parseFlags(['--JSON'], ['--json', '--help'])).toThrow(/unknown option "--JSON"; did you mean "--json"\?/);
    expect(() => parseFlags(['-x'], [])).toThrow(UsageError);
  });
});
