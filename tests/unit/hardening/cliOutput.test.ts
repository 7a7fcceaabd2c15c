/**
 * Hardening round 2 (issue #11): how the command line writes.
 *
 *  - `--out FILE` is written to a temporary file beside it and renamed into
 *    place, so a killed process never leaves a half-written FILE;
 *  - an existing FILE is kept unless `--force` (exit 2, before any work);
 *  - the directory is checked before any work; `--out ""` is a usage error;
 *  - disk full (`--out /dev/full`, `> /dev/full`) and other I/O errors are
 *    one line and exit 1, never a stack trace;
 *  - anything unexpected is one line asking for a report (exit 1), with the
 *    stack only under `--debug`.
 */

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../../src/model/syntheticDataset.ts';
import { runCli } from '../../../src/cli/main.ts';
import { memoryIo } from '../memoryIo.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const SEED_TEXT = readFileSync(new URL('../../../data/seed-dataset.json', import.meta.url), 'utf8');
const ARTICLE = readFileSync(new URL('../../../data/seed-article-russia-isolation-unga.txt', import.meta.url), 'utf8');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'src/cli/main.ts');

const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-cli-out-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const memory = memoryIo;

const COMMANDS_WITH_OUT: Array<[string, string[], Record<string, string>]> = [
  ['export', ['export', 'seed.json', '--format', 'gexf'], { 'seed.json': SEED_TEXT }],
  ['import', ['import', 'seed.json', '--to', 'graphml'], { 'seed.json': SEED_TEXT }],
  ['merge', ['merge', 'seed.json', 'seed.json'], { 'seed.json': SEED_TEXT }],
  ['extract', ['extract', 'article.txt'], { 'article.txt': ARTICLE }],
];

describe('--out and --force (in memory)', () => {
  it.each(COMMANDS_WITH_OUT)('%s --out "" is a usage error (exit 2) that names the fix', async (_name, argv, files) => {
    const m = memory(files);
    expect(await runCli([...argv, '--out', ''], m.io)).toBe(2);
    expect(m.err()).toMatch(/--out needs a file path/);
    expect(m.out()).toBe('');
    expect(await runCli([...argv, '--out='], memory(files).io)).toBe(2);
  });

  it.each(COMMANDS_WITH_OUT)('%s keeps an existing file unless --force (exit 2, before any work)', async (_name, argv, files) => {
    const m = memory({ ...files, 'old.txt': 'precious' });
    expect(await runCli([...argv, '--out', 'old.txt'], m.io)).toBe(2);
    expect(m.err()).toMatch(/old\.txt already exists; add --force to overwrite it, or choose another path/);
    expect(m.files.get('old.txt')).toBe('precious');

    const forced = memory({ ...files, 'old.txt': 'precious' });
    expect(await runCli([...argv, '--out', 'old.txt', '--force'], forced.io)).toBe(0);
    expect(forced.files.get('old.txt')).not.toBe('precious');
    expect(forced.files.get('old.txt')!.length).toBeGreaterThan(1000);
  });

  it('refuses --force where nothing is written to a file', async () => {
    const m = memory({ 'seed.json': SEED_TEXT });
    expect(await runCli(['export', 'seed.json', '--format', 'gexf', '--force'], m.io)).toBe(2);
    expect(m.err()).toMatch(/--force applies to --out only/);
  });
});

describe('--out on disk', () => {
  const seedPath = join(scratch, 'seed.json');
  writeFileSync(seedPath, SEED_TEXT);
  const cli = (args: string[], stdout?: number) =>
    spawnSync(TSX, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', stdout ?? 'pipe', 'pipe'], timeout: 60_000 });

  it('writes through a temporary file and leaves nothing else behind; overwrites only with --force', () => {
    const dir = mkdtempSync(join(scratch, 'out-'));
    const target = join(dir, 'seed.gexf');
    const first = cli(['export', seedPath, '--format', 'gexf', '--out', target]);
    expect(first.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('<gexf');
    writeFileSync(target, 'previous good file');
    const refused = cli(['export', seedPath, '--format', 'graphml', '--out', target]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists; add --force/);
    expect(readFileSync(target, 'utf8')).toBe('previous good file');
    const forced = cli(['export', seedPath, '--format', 'graphml', '--out', target, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('<graphml');
    expect(readdirSync(dir)).toEqual(['seed.gexf']);
  }, 60_000);

  it('checks the directory before doing any work (exit 2, even when the input is missing too)', () => {
    const result = cli(['export', join(scratch, 'no-such-input.json'), '--format', 'gexf', '--out', join(scratch, 'no-such-dir', 'x.gexf')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no-such-dir.*does not exist/);
    expect(result.stderr.trim().split('\n')[0]).not.toMatch(/no-such-input/);
    const dir = cli(['export', seedPath, '--format', 'gexf', '--out', scratch]);
    expect(dir.status).toBe(2);
    expect(dir.stderr).toMatch(/is a directory/);
  }, 60_000);

  it('disk full at --out /dev/full: one line, exit 1, no stack trace', () => {
    const result = cli(['export', seedPath, '--format', 'gexf', '--out', '/dev/full']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/\/dev\/full.*no space left on device/i);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('disk full on standard output (extract … > /dev/full): one line, exit 1, no stack trace', () => {
    const article = join(scratch, 'article.txt');
    writeFileSync(article, ARTICLE);
    const full = openSync('/dev/full', 'w');
    try {
      const result = cli(['extract', article], full);
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines.filter((line) => /standard output/.test(line))).toHaveLength(1);
      expect(result.stderr).toMatch(/no space left on device/i);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      closeSync(full);
    }
  }, 60_000);

  it('a process killed in the middle of writing leaves the previous file intact (only a recognisable temporary file may remain)', async () => {
    const dir = mkdtempSync(join(scratch, 'kill-'));
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(syntheticDataset({ name: 'kill', entities: 4_000, relations: 20_000 })));
    const target = join(dir, 'out.graphml');
    writeFileSync(target, 'previous good file');
    const child = spawn(TSX, [MAIN, 'export', big, '--format', 'graphml', '--no-layout', '--out', target, '--force'], { cwd: ROOT, stdio: 'ignore' });
    let sawTemporary = '';
    const watcher = watch(dir, (_event, name) => {
      if (name && name !== 'out.graphml' && name !== 'big.json' && !sawTemporary) {
        sawTemporary = name;
        child.kill('SIGKILL');
      }
    });
    await new Promise((resolve) => child.on('exit', resolve));
    watcher.close();
    expect(sawTemporary).toMatch(/^\.out\.graphml\.newsgraph-[0-9a-z]+\.tmp$/);
    expect(readFileSync(target, 'utf8')).toBe('previous good file');
    const strays = readdirSync(dir).filter((name) => name !== 'out.graphml' && name !== 'big.json');
    for (const name of strays) expect(name).toMatch(/^\.out\.graphml\.newsgraph-[0-9a-z]+\.tmp$/);
    expect(existsSync(target)).toBe(true);
  }, 120_000);
});

describe('one top-level guard for what newsgraph did not expect', () => {
  const broken = () =>
    memory({ 'x.json': '{}' }, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'split')");
    });

  it('prints one line asking for a report, with the version and the command, and exits 1', async () => {
    const m = broken();
    expect(await runCli(['validate', 'x.json'], m.io)).toBe(1);
    const lines = m.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^newsgraph validate: internal error: TypeError: Cannot read properties of undefined \(reading 'split'\)/);
    expect(lines[0]).toMatch(/please report this/);
    expect(lines[0]).toMatch(/newsgraph \d+\.\d+\.\d+/);
    expect(lines[0]).toMatch(/--debug/);
    expect(m.err()).not.toMatch(/^\s+at /m);
  });

  it('shows the stack under --debug', async () => {
    const m = broken();
    expect(await runCli(['--debug', 'validate', 'x.json'], m.io)).toBe(1);
    expect(m.err()).toMatch(/please report this/);
    expect(m.err()).toMatch(/^\s+at /m);
    const after = broken();
    expect(await runCli(['validate', 'x.json', '--debug'], after.io)).toBe(1);
    expect(after.err()).toMatch(/^\s+at /m);
  });
});
