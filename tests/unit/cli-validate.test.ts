/**
 * `newsgraph validate` and `newsgraph stats`: through runCli with an
 * in-memory CommandIO (fast, every branch), over the real fixture files, and
 * once each through a real child process to prove the exit codes and streams
 * a shell sees.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/command.ts';
import { datasetStats } from '../../src/cli/commands/stats.ts';
import { checkDatasetFile } from '../../src/cli/datasetFile.ts';
import { nodeIO, runCli } from '../../src/cli/main.ts';
import type { Dataset } from '../../src/model/index.ts';
import { BAD_FIXTURES, smallDataset } from '../fixtures/bad/generate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 'data/seed-dataset.json';
const seed = JSON.parse(readFileSync(new URL(`../../${SEED}`, import.meta.url), 'utf8')) as Dataset;

interface Captured {
  io: CommandIO;
  out: () => string;
  err: () => string;
  reads: string[];
}

/** An in-memory file system; `sizes` fakes what stat reports (to test limits without big files). */
function memoryIO(files: Record<string, string>, sizes: Record<string, number> = {}, directories: string[] = []): Captured {
  let out = '';
  let err = '';
  const reads: string[] = [];
  const missing = (path: string) => Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT', path });
  return {
    io: {
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
      readFile: (path) => {
        reads.push(path);
        if (directories.includes(path)) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR', path });
        if (!(path in files)) throw missing(path);
        return files[path]!;
      },
      writeFile: () => {
        throw new Error('validate and stats never write');
      },
      stat: (path) => {
        if (directories.includes(path)) return { size: 4096, isFile: false };
        if (!(path in files)) throw missing(path);
        return { size: sizes[path] ?? files[path]!.length, isFile: true };
      },
    },
    out: () => out,
    err: () => err,
    reads,
  };
}

/** The real file system, paths relative to the repository root, output captured: for the fixtures (some are binary). */
function diskIO(): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      ...nodeIO,
      readFile: (path) => nodeIO.readFile(resolve(ROOT, path)),
      stat: (path) => nodeIO.stat!(resolve(ROOT, path)),
      stdout: (text) => (out += text),
      stderr: (text) => (err += text),
    },
    out: () => out,
    err: () => err,
    reads: [],
  };
}

const smallText = JSON.stringify(smallDataset());

describe('newsgraph validate', () => {
  it('prints "FILE: valid (counts)" on stdout and exits 0', async () => {
    const cli = diskIO();
    expect(await runCli(['validate', SEED], cli.io)).toBe(0);
    expect(cli.out()).toBe(`${SEED}: valid (1 document, 21 entities, 27 relations)\n`);
    expect(cli.err()).toBe('');
  });

  it('prints every problem as "FILE: PATH: message (got VALUE). Fix: …" on stderr and exits 1', async () => {
    const d = structuredClone(smallDataset()) as any;
    d.relations[0].type = 'allied';
    d.relations[1].source = 'rusia';
    const cli = memoryIO({ 'bad.json': JSON.stringify(d) });
    expect(await runCli(['validate', 'bad.json'], cli.io)).toBe(1);
    expect(cli.out()).toBe('');
    expect(cli.err().split('\n')).toEqual([
      'bad.json: relations[0].type: unknown relation type; did you mean "allied-with"? (got "allied"). Fix: write "allied-with", or declare "allied" in the dataset\'s "relationTypes" to keep it as a type of its own',
      'bad.json: relations[1].source: no entity has this id; did you mean "russia"? (got "rusia"). Fix: write "russia", or add an entity with id "rusia"',
      'bad.json: not a valid dataset (2 problems)',
      '',
    ]);
  });

  for (const [name, fixture] of Object.entries(BAD_FIXTURES)) {
    it(`reports tests/fixtures/bad/${name} as ${[...new Set(fixture.codes)].join(', ')}`, async () => {
        const path = `tests/fixtures/bad/${name}`;
      const checked = checkDatasetFile(path, diskIO().io);
      expect(checked.ok ? [] : checked.problems.map((p) => p.code)).toEqual(fixture.codes);
      const cli = diskIO();
      expect(await runCli(['validate', path], cli.io)).toBe(1);
      const lines = cli.err().trimEnd().split('\n');
      const summary = checked.ok === false && checked.stage === 'validate' ? 1 : 0;
      expect(lines).toHaveLength(fixture.codes.length + summary);
      for (const line of lines) expect(line.startsWith(`${path}: `)).toBe(true);
      expect(cli.err()).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('checks every file given, reporting each, and exits 1 if any is bad', async () => {
    const cli = memoryIO({ 'a.json': smallText, 'b.json': '{"version": 1,' });
    expect(await runCli(['validate', 'a.json', 'missing.json', 'b.json'], cli.io)).toBe(1);
    expect(cli.out()).toBe('a.json: valid (1 document, 3 entities, 4 relations)\n');
    expect(cli.err()).toContain('missing.json: no such file. Fix: check the spelling');
    expect(cli.err()).toMatch(/b\.json: line 1, column 15: not valid JSON: the text ends before the JSON is complete/);
  });

  it('refuses a directory and a file over the size limit without reading them', async () => {
    const cli = memoryIO({ 'huge.json': '{}' }, { 'huge.json': 5_000_000_000 }, ['data']);
    expect(await runCli(['validate', 'data', 'huge.json'], cli.io)).toBe(1);
    expect(cli.reads).toEqual([]);
    expect(cli.err()).toContain('data: this is a directory (or a device), not a file. Fix: give the path of a dataset .json file inside it');
    expect(cli.err()).toContain('huge.json: the file is 5,000,000,000 bytes, over the limit of 100,000,000 bytes per dataset file (maxFileBytes). Fix: split');
  });

  it('still works with a CommandIO that has no stat (reading reports the directory)', async () => {
    const cli = memoryIO({}, {}, ['data']);
    delete cli.io.stat;
    expect(await runCli(['validate', 'data'], cli.io)).toBe(1);
    expect(cli.err()).toContain('data: this is a directory');
  });

  it('wrong usage exits 2 with the usage line', async () => {
    const none = memoryIO({});
    expect(await runCli(['validate'], none.io)).toBe(2);
    expect(none.err()).toBe('newsgraph validate: give at least one dataset file to check\nusage: newsgraph validate FILE [FILE…]\n');
    const flag = memoryIO({ 'a.json': smallText });
    expect(await runCli(['validate', '--strict', 'a.json'], flag.io)).toBe(2);
    expect(flag.err()).toMatch(/^newsgraph validate: unknown option "--strict"/);
    expect(flag.out()).toBe('');
  });

  it('takes a file whose name starts with "-" after "--"', async () => {
    const cli = memoryIO({ '-odd.json': smallText });
    expect(await runCli(['validate', '--', '-odd.json'], cli.io)).toBe(0);
    expect(cli.out()).toContain('-odd.json: valid');
  });
});

describe('newsgraph stats', () => {
  it('prints counts per type, hedged/negated and the top 5 by degree as tables', async () => {
    const cli = diskIO();
    expect(await runCli(['stats', SEED], cli.io)).toBe(0);
    const out = cli.out();
    expect(out.split('\n')[0]).toBe(`${SEED}: 1 document, 21 entities, 27 relations`);
    const countOf = (type: string) => seed.entities.filter((e) => e.type === type).length;
    expect(out).toMatch(new RegExp(`\\ncountry +${countOf('country')}\\n`));
    expect(out).toMatch(new RegExp(`\\nperson +${countOf('person')}\\n`));
    const hedged = seed.relations.filter((r) => r.hedged).length;
    const negated = seed.relations.filter((r) => r.negated).length;
    expect(out).toMatch(new RegExp(`\\nall types +27 +${hedged} +${negated}\\n`));
    const top = out.slice(out.indexOf('Top 5 by degree'), out.indexOf('\n\nReported')).trim().split('\n').slice(2);
    expect(top).toHaveLength(5);
    expect(top[0]).toMatch(/^Russia +country +13$/);
  });

  it('--json prints the same figures as one object', async () => {
    const cli = diskIO();
    expect(await runCli(['stats', '--json', SEED], cli.io)).toBe(0);
    const parsed = JSON.parse(cli.out());
    expect(parsed).toEqual({ file: SEED, ...datasetStats(seed) });
    expect(parsed.entities).toBe(21);
    expect(Object.values(parsed.entityTypes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(21);
    const degrees = (parsed.topDegree as Array<{ degree: number }>).map((e) => e.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
  });

  it('counts degree as the graph does: a relation touches each end once', () => {
    const stats = datasetStats(smallDataset());
    expect(stats.topDegree.map((e) => [e.id, e.degree])).toEqual([
      ['european-union', 3],
      ['ukraine', 3],
      ['russia', 2],
    ]);
    expect(stats.relationTypes['attacked']).toEqual({ count: 1, hedged: 0, negated: 0 });
  });

  it('escapes bidi overrides and shortens long labels of the hostile fixture', async () => {
    const cli = diskIO();
    expect(await runCli(['stats', 'tests/fixtures/hostile/hostile-dataset.json'], cli.io)).toBe(0);
    expect(cli.out()).not.toContain('\u202e');
    expect(cli.out().split('\n').every((line) => line.length < 200)).toBe(true);
  });

  it('on an invalid file prints its problems and exits 1; on bad usage exits 2', async () => {
    const bad = memoryIO({ 'bad.json': '[]' });
    expect(await runCli(['stats', 'bad.json'], bad.io)).toBe(1);
    expect(bad.err()).toMatch(/^bad\.json: a newsgraph dataset is one JSON object, but this is an array/);
    const usage = memoryIO({ 'a.json': smallText });
    expect(await runCli(['stats'], usage.io)).toBe(2);
    expect(await runCli(['stats', 'a.json', 'a.json'], usage.io)).toBe(2);
    expect(await runCli(['stats', '--jsn', 'a.json'], usage.io)).toBe(2);
    expect(usage.err()).toContain('unknown option "--jsn"; did you mean "--json"?');
  });
});

describe('a real process', () => {
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const run = (...args: string[]) => spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('exits 0 for a valid file, 1 for an invalid one, 2 for wrong usage, with messages on the right streams', () => {
    const valid = run('validate', SEED);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toBe(`${SEED}: valid (1 document, 21 entities, 27 relations)\n`);

    const invalid = run('validate', 'tests/fixtures/bad/many-problems.json', 'tests/fixtures/bad/binary.png', 'no/such/file.json');
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('tests/fixtures/bad/many-problems.json: relations[0].type: unknown relation type; did you mean "allied-with"?');
    expect(invalid.stderr).toContain('tests/fixtures/bad/binary.png: the file looks binary, not text');
    expect(invalid.stderr).toContain('no/such/file.json: no such file.');
    expect(invalid.stderr).not.toMatch(/\n\s+at /);

    const usage = run('validate');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: newsgraph validate FILE [FILE…]');
  }, 120_000);
});
