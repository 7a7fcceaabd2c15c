/**
 * Extraction on every core: a pool of worker threads
 * ==================================================
 *
 * `extract(article)` queues one article and resolves with its dataset; at
 * most `size` worker threads (`articleExtract.worker.ts`) run at once, each
 * on one article at a time, started only when there is work for them. The
 * caller decides the order in which results are written (ingest writes in
 * input order), so the pool may finish articles in any order.
 *
 * Starting a worker that runs TypeScript: the CLI runs under tsx, but on
 * Node 20 a worker thread inherits neither tsx's `--import` hooks nor a
 * loader given in `execArgv`, so each worker starts from a few lines of
 * JavaScript (`eval`) that register tsx's ESM hooks in the worker itself
 * (`tsx/esm/api`), import the entry, and then post `ready`. The same works
 * under tsx, under Vitest, and for a `.js` entry (no tsx needed then).
 *
 * Failures: a worker that dies before `ready` means no worker can start
 * (tsx missing, a broken entry): every queued article is rejected with one
 * `WorkerStartError`, which ingest treats as fatal. A worker that dies on an
 * article (out of memory) fails that article only (`ArticleExtractError`)
 * and is replaced.
 */

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from '../extract/extractDataset.ts';
import { NewsgraphError } from '../model/errors.ts';
import type { Dataset } from '../model/schema.ts';
import type { ArticleExtractRequest, ArticleExtractResponse } from './articleExtractProtocol.ts';

/** One article could not be extracted: the message says why. */
export class ArticleExtractError extends NewsgraphError {
  override name = 'ArticleExtractError';
}

/** No extraction worker could start: the run cannot go on. */
export class WorkerStartError extends NewsgraphError {
  override name = 'WorkerStartError';
}

const READY = 'newsgraph-worker-ready';

/**
 * Starts the worker at `entry` (a `.ts` or `.js` module) and posts
 * `READY` once it is loaded. Exported for tests, which start a broken entry.
 */
export function startModuleWorker(entry: URL): Worker {
  const load = `import(${JSON.stringify(entry.href)})`;
  const loaded = entry.pathname.endsWith('.ts') ? `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return ${load}; })` : load;
  // An unhandled rejection of that import ends the worker with an 'error' event: the pool reports it.
  return new Worker(`${loaded}.then(() => require('node:worker_threads').parentPort.postMessage(${JSON.stringify(READY)}));`, { eval: true });
}

/**
 * The URL of tsx's ESM API (`register`), resolved from this file so it does
 * not depend on the working directory. Read from tsx's package.json exports:
 * `require.resolve` would give its CommonJS build, which cannot register the
 * ESM hooks from an eval'd worker script.
 */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require(manifestPath) as { exports?: Record<string, { import?: { default?: string } } | string> };
  const api = manifest.exports?.['./esm/api'];
  const target = typeof api === 'object' ? api.import?.default : undefined;
  if (!target) throw new WorkerStartError('cannot start the extraction worker threads: the installed tsx has no ESM API (tsx/esm/api). Fix: reinstall with npm install');
  return new URL(target, pathToFileURL(manifestPath)).href;
}

const ENTRY = new URL('./articleExtract.worker.ts', import.meta.url);

interface Job {
  article: ArticleInput;
  resolve: (dataset: Dataset) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
}

export class ExtractPool {
  private readonly queue: Job[] = [];
  private readonly slots = new Set<Slot>();
  private broken: WorkerStartError | undefined;

  constructor(
    /** Most worker threads at once (at least 1). */
    readonly size: number,
    private readonly startWorker: () => Worker = () => startModuleWorker(ENTRY),
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`an extraction pool needs at least one worker (got ${size})`);
  }

  /** Worker threads started so far and still running. */
  get running(): number {
    return this.slots.size;
  }

  extract(article: ArticleInput): Promise<Dataset> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<Dataset>((resolve, reject) => {
      this.queue.push({ article, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; queued articles are rejected. */
  async close(): Promise<void> {
    const stopped = new WorkerStartError('the extraction pool was closed');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) slot.job?.reject(stopped);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      const request: ArticleExtractRequest = { type: 'extract-article', article: job.article };
      slot.worker.postMessage(request);
    }
    // Start workers for what is still queued beyond those already starting.
    let starting = 0;
    for (const slot of this.slots) if (!slot.ready) starting++;
    while (this.slots.size < this.size && this.queue.length > starting) {
      this.spawn();
      starting++;
    }
  }

  private spawn(): void {
    let worker: Worker;
    try {
      worker = this.startWorker();
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error), undefined);
      return;
    }
    const slot: Slot = { worker, ready: false, job: undefined };
    this.slots.add(slot);
    slot.worker.on('message', (message: unknown) => {
      if (message === READY) {
        slot.ready = true;
        this.pump();
        return;
      }
      const response = message as ArticleExtractResponse;
      const job = slot.job;
      if (!job || response.type === 'progress') return;
      slot.job = undefined;
      if (response.type === 'result') job.resolve(response.dataset);
      else job.reject(new ArticleExtractError(response.message));
      this.pump();
    });
    slot.worker.on('error', (error: Error) => this.lose(slot, error.message.split('\n')[0]!));
    slot.worker.on('exit', (code: number) => this.lose(slot, `the thread stopped (exit code ${code})`));
  }

  private lose(slot: Slot, detail: string): void {
    if (!this.slots.delete(slot)) return;
    void slot.worker.terminate();
    const job = slot.job;
    slot.job = undefined;
    if (!slot.ready) {
      this.fail(detail, job);
      return;
    }
    job?.reject(new ArticleExtractError(`the extraction worker thread failed on this article: ${detail}`));
    this.pump();
  }

  /** No worker can start: this and every queued article fail with one WorkerStartError, and so will any later one. */
  private fail(detail: string, job: Job | undefined): void {
    const reason = detail.startsWith('cannot start the extraction worker threads') ? detail : `cannot start the extraction worker threads: ${detail}. Fix: run newsgraph through its npm script (npm run newsgraph -- …), which provides tsx, or reinstall with npm install`;
    this.broken = new WorkerStartError(reason);
    for (const queued of this.queue.splice(0)) queued.reject(this.broken);
    job?.reject(this.broken);
  }
}
