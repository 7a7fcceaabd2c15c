/**
 * `newsgraph ingest` as a user runs it: real processes (`npx tsx
 * src/cli/main.ts`), real SQLite files in a temporary folder.
 *  - kill -9 mid-ingest: the corpus is consistent, the same command run
 *    again finishes the job, and the result equals one clean run;
 *  - failures: one line each naming the file (or FILE:LINE) and the fix, the
 *    run goes on, the summary names them, exit 1; no stack trace;
 *  - a --db that is not a corpus: one line, exit 1; usage mistakes: exit 2;
 *  - on a terminal (a pseudo-terminal from `script`) a progress line is
 *    redrawn in place; elsewhere there is none.
 */

import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { demoJsonLines, generateDemoArticles } from '../../../scripts/demoArticles.ts';
import type { CommandIO } from '../../../src/cli/command.ts';
import { nodeIO, runCli } from '../../../src/cli/main.ts';
import { corpusProblems, countRows, dumpCorpus } from './corpusFile.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'newsgraph-ingest-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function newsgraph(args: string[]): SpawnSyncReturns<string> {
  return spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
}

function folder(name: string): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  return path;
}

async function inProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIO = { ...nodeIO, stdout: (text) => void (out += text), stderr: (text) => void (err += text) };
  const code = await runCli(args, io);
  return { code, out, err };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('newsgraph ingest (processes)', () => {
  it('survives kill -9 mid-ingest: a consistent corpus, and the same command finishes the job', async () => {
    const dir = folder('kill');
    const feed = join(dir, 'feed.jsonl');
    const total = 400;
    writeFileSync(feed, demoJsonLines(generateDemoArticles(total, 99)));
    const killed = join(folder('kill/a'), 'corpus.db');
    const clean = join(folder('kill/b'), 'corpus.db');
    const args = ['ingest', feed, '--db', killed, '--workers', '2'];

    // Its own process group, so the kill reaches npx, tsx and the node process that writes.
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, detached: true, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let seen = 0;
    const deadline = Date.now() + 120_000;
    while (seen < 20 && child.exitCode === null && Date.now() < deadline) {
      await sleep(20);
      if (!existsSync(killed)) continue;
      try {
        seen = countRows(killed, 'documents');
      } catch {
        // Not yet a corpus (the schema is being created): look again.
      }
    }
    expect(child.exitCode).toBeNull();
    process.kill(-child.pid!, 'SIGKILL');
    await exited;

    const held = countRows(killed, 'documents');
    expect(held).toBeGreaterThanOrEqual(20);
    expect(held).toBeLessThan(total);
    expect(corpusProblems(killed)).toEqual([]);

    const rerun = newsgraph(args);
    expect(rerun.stderr).toMatch(new RegExp(`^ingested ${(total - held).toLocaleString('en-US')} articles \\(${held} already held\\) → corpus\\.db: `, 'm'));
    expect(rerun.status).toBe(0);
    expect(corpusProblems(killed)).toEqual([]);

    const once = newsgraph(['ingest', feed, '--db', clean, '--workers', '2']);
    expect(once.status).toBe(0);
    expect(dumpCorpus(killed)).toEqual(dumpCorpus(clean));
  }, 300_000);

  it('reports each failure on one line, goes on, names them in the summary and exits 1', () => {
    const dir = folder('failures');
    writeFileSync(join(dir, 'a.txt'), 'Talks in Berlin\nFrance held talks with Germany in Berlin on Monday.\n');
    writeFileSync(join(dir, 'b.jsonl'), `${JSON.stringify({ text: 'Japan urged China to return to negotiations.' })}\n{"text": 3}\n`);
    writeFileSync(join(dir, 'c.md'), '---\npublished: 2024-02-30\n---\nKenya accused Sudan of violations of the ceasefire.\n');
    const db = join(dir, 'corpus.db');
    const result = newsgraph(['ingest', dir, join(dir, 'missing.txt'), '--db', db, '--workers', '1']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `newsgraph ingest: ${join(dir, 'missing.txt')}: no such file or directory. Fix: check the spelling and the directory (paths are relative to where newsgraph runs)`,
      expect.stringMatching(new RegExp(`^newsgraph ingest: ${join(dir, 'b.jsonl')}:2: field "text" must be the article as a non-empty string \\(got 3\\)\\. Fix: `)),
      expect.stringMatching(new RegExp(`^newsgraph ingest: ${join(dir, 'c.md')}: "published: 2024-02-30" in the front matter is not a real date\\. Fix: `)),
      expect.stringMatching(/^ingested 2 articles \(3 failed\) → corpus\.db: \+\d+ entities, \+\d+ relations, \+\d+ sentences in \d/),
      `failed: ${join(dir, 'missing.txt')}, ${join(dir, 'b.jsonl')}:2, ${join(dir, 'c.md')} (reasons above; fix them and run the same command again: what is held is skipped)`,
    ]);
    // Not a terminal: no progress line was drawn.
    expect(result.stderr).not.toMatch(/\r|ingesting/);
    expect(corpusProblems(db)).toEqual([]);
  }, 120_000);

  it('refuses an article holding a NUL character in one line (its line, the offset, the fix), ingests the others and exits 1', () => {
    const dir = folder('nul');
    const feed = join(dir, 'feed.jsonl');
    writeFileSync(feed, [{ text: 'Japan urged China to return to negotiations.' }, { title: 'Broken export', text: 'France held talks\u0000 with Germany in Berlin.' }].map((a) => JSON.stringify(a)).join('\n') + '\n');
    const db = join(dir, 'corpus.db');
    const result = newsgraph(['ingest', feed, '--db', db, '--workers', '1']);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `newsgraph ingest: ${feed}:2: documents[0].text: article "broken-export" ("Broken export") holds a NUL character (U+0000) at offset 17 of its text. Fix: remove the NUL characters from the article, and ingest it again`,
      expect.stringMatching(/^ingested 1 article \(1 failed\) → corpus\.db: /),
      `failed: ${feed}:2 (reasons above; fix them and run the same command again: what is held is skipped)`,
    ]);
    expect(countRows(db, 'documents')).toBe(1);
    expect(corpusProblems(db)).toEqual([]);
  }, 120_000);

  it('refuses a --db that is not a newsgraph corpus in one line, and writes nothing to it', () => {
    const dir = folder('other-db');
    const other = join(dir, 'notes.db');
    const db = new Database(other);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    db.close();
    writeFileSync(join(dir, 'a.txt'), 'France held talks with Germany.\n');
    const result = newsgraph(['ingest', join(dir, 'a.txt'), '--db', other]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${other} is not a newsgraph corpus (it is a SQLite database with the tables notes). Fix: give --db a new file name, or a corpus made by \`newsgraph ingest\`\n`);
    expect(countRows(other, 'notes')).toBe(1);
  }, 120_000);

  it('draws a progress line on a terminal, redrawn in place, then the summary', () => {
    const dir = folder('terminal');
    writeFileSync(join(dir, 'feed.jsonl'), demoJsonLines(generateDemoArticles(30, 5)));
    const db = join(dir, 'corpus.db');
    // `script` runs the command on a pseudo-terminal: stderr is a TTY there, as in a user's shell.
    const command = `npx tsx src/cli/main.ts ingest ${join(dir, 'feed.jsonl')} --db ${db} --workers 1`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\r\u001b\[2Kingesting +\d+\/30 \[[#.]{20}\] +\d+% · [\d.]+ articles\/s/);
    expect(result.stdout).toMatch(/\r\u001b\[2Kingested 30 articles → corpus\.db: /);
  }, 120_000);
});

describe('newsgraph ingest (usage)', () => {
  it('exits 2 with the usage for a missing --db, no paths, or a bad --workers', async () => {
    const noDb = await inProcess(['ingest', 'a.txt']);
    expect(noDb).toMatchObject({ code: 2, out: '' });
    expect(noDb.err).toMatch(/^newsgraph ingest: say which corpus to add to: --db corpus\.db \(created if missing\)\nusage: newsgraph ingest PATH… --db corpus\.db/);
    const noPaths = await inProcess(['ingest', '--db', join(root, 'x.db')]);
    expect(noPaths.code).toBe(2);
    expect(noPaths.err).toMatch(/give the files or folders to ingest/);
    expect(existsSync(join(root, 'x.db'))).toBe(false);
    const workers = await inProcess(['ingest', 'a.txt', '--db', join(root, 'x.db'), '--workers', '0']);
    expect(workers.code).toBe(2);
    expect(workers.err).toMatch(/--workers needs a whole number from 1 to 64 \(got "0"\)/);
    const unknown = await inProcess(['ingest', 'a.txt', '--db', join(root, 'x.db'), '--worker', '2']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option "--worker"; did you mean "--workers"\?/);
  });

  it('leaves no corpus behind when no path can be read', async () => {
    const db = join(root, 'typo.db');
    const missing = join(root, 'no-such-folder');
    const result = await inProcess(['ingest', missing, '--db', db]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `newsgraph ingest: ${missing}: no such file or directory. Fix: check the spelling and the directory (paths are relative to where newsgraph runs)\n` +
        'ingested nothing (1 failed): no file could be read, so no corpus was opened\n' +
        `failed: ${missing} (reasons above; fix them and run the same command again: what is held is skipped)\n`,
    );
    expect(existsSync(db)).toBe(false);
  });

  it('prints its help', async () => {
    const help = await inProcess(['ingest', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/front matter/);
  });
});
