/**
 * A real corpus behind a real `newsgraph serve`, for browser tests and the benchmark
 * ================================================================================
 *
 * Builds the production app (Vite JS API, into a temporary folder), writes
 * generated demo articles (scripts/demoArticles.ts: fictional, deterministic)
 * as JSON Lines, ingests them with the real `newsgraph ingest` command into a
 * SQLite corpus, and starts the real `newsgraph serve --port 0 --dist …`
 * process on it, reading the address it prints. Nothing is mocked: the page
 * talks to the server the way a reader's browser does.
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { demoJsonLines, generateDemoArticles } from '../../scripts/demoArticles.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

export interface CorpusFiles {
  dir: string;
  dist: string;
  db: string;
  remove(): Promise<void>;
}

/** Builds the app and a corpus of `articles` demo articles (several seeds past 300: one seed's cast is small). */
export async function buildCorpus(articles: number, options: { workers?: number } = {}): Promise<CorpusFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'newsgraph-corpus-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const dist = join(dir, 'dist');
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    const perSeed = 300;
    const batches: string[] = [];
    for (let seed = 13, left = articles; left > 0; seed += 1, left -= perSeed) batches.push(demoJsonLines(generateDemoArticles(Math.min(perSeed, left), seed)));
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, batches.join(''));
    const db = join(dir, 'corpus.db');
    const ingest = spawnSync(process.execPath, [...CLI, 'ingest', input, '--db', db, '--no-progress', ...(options.workers ? ['--workers', String(options.workers)] : [])], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (ingest.status !== 0) throw new Error(`corpusServer.ts: newsgraph ingest failed (exit ${ingest.status}): ${ingest.stderr}${ingest.error?.message ?? ''}`);
    return { dir, dist, db, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `newsgraph serve` on `port` (0: any free one) and resolves with the address it prints; `allowEdits`: with --allow-edits. */
export function startServe(files: CorpusFiles, port = 0, options: { allowEdits?: boolean } = {}): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [...CLI, 'serve', '--db', files.db, '--port', String(port), '--dist', files.dist, ...(options.allowEdits ? ['--allow-edits'] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`corpusServer.ts: newsgraph serve printed no address within 60 s: ${out}${err}`));
    }, 60_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (!found) return;
      clearTimeout(timer);
      resolve({ url: found[1]!, port: Number(found[2]), stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`corpusServer.ts: newsgraph serve exited (${code}) before printing its address: ${out}${err}`));
    });
  });
}
