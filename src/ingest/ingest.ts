/**
 * Ingest: files → extraction on every core → one corpus
 * =====================================================
 *
 * `ingest(openStore, paths, options)` reads the inputs (`inputs/`), opens
 * the store (only when there is something to add: a mistyped path must not
 * leave an empty corpus behind), extracts each article in a worker thread
 * (`extractPool.ts`) and writes each article's dataset with
 * `store.addDataset`, one transaction per article, on this thread: the store
 * has one writer. The store is closed when the run ends.
 *
 * Determinism: units are written strictly in input order (results that
 * finish early wait in a bounded window), so the corpus is the same whatever
 * the number of workers or the order in which they finish.
 *
 * Re-running is cheap and finishes an interrupted run: a text the store
 * already holds (`hasText`), or that came earlier in this run, is not
 * extracted again and counts as "already held". A kill between two
 * transactions loses at most the article being written.
 *
 * A unit that fails (unreadable file, bad JSON line, an article the extractor
 * refuses, a dataset the store refuses) is reported and skipped; an error of
 * the store itself (disk full, not a corpus) or workers that cannot start
 * stop the run.
 */

import type { ReadOptions } from '../graph/formats/index.ts';
import { DatasetError } from '../model/errors.ts';
import type { Dataset } from '../model/schema.ts';
import type { AddReport, CorpusStore } from '../store/corpusStore.ts';
import { CorpusError } from '../store/errors.ts';
import { ArticleExtractError, ExtractPool, WorkerStartError } from './extractPool.ts';
import { failureReason } from './inputs/fileErrors.ts';
import { readInputs } from './inputs/readInputs.ts';
import type { DatasetUnit, IngestFailure, IngestUnit, Origin } from './inputs/types.ts';

export interface IngestOptions {
  /** Extraction worker threads at most (at least 1). */
  workers: number;
  /** How graph files' relation and entity types are read (`--map-type`), as in `import`. */
  readOptions?: ReadOptions;
  /** After each unit is written, skipped or failed. */
  onProgress?: (progress: IngestProgress) => void;
  /** As each failure is found (the summary lists them all too). */
  onFailure?: (failure: IngestFailure) => void;
  onWarning?: (line: string) => void;
  /** Timestamp stored with each write; default the current time. */
  now?: () => string;
  /** The extraction pool to use (tests start a broken one); default `new ExtractPool(workers)`. */
  createPool?: (workers: number) => ExtractPool;
}

export interface IngestProgress {
  done: number;
  total: number;
  articles: number;
  held: number;
  failed: number;
  elapsedMs: number;
}

export interface IngestSummary {
  /** Units read: articles and dataset/graph files. */
  total: number;
  /** Documents added (articles, and the documents of datasets). */
  articles: number;
  /** Dataset and graph files added. */
  datasets: number;
  /** Articles whose text the corpus already held (or that came earlier in this run). */
  held: number;
  /** Articles sent to the extraction workers (not held). */
  extracted: number;
  failures: IngestFailure[];
  entitiesAdded: number;
  relationsAdded: number;
  sentencesAdded: number;
  /** Added articles found to be copies of a wire story the corpus holds (counted once as sources). */
  wireCopies: number;
  /** What the store added otherwise than given (a declared spell cut to its cap), one line each. */
  notes: string[];
  elapsedMs: number;
  /** The store's name; undefined when nothing could be read, so no store was opened. */
  store: string | undefined;
}

type Outcome =
  | { kind: 'write'; unit: IngestUnit; dataset: Dataset }
  /** A dataset or graph file, read only when its turn to be written comes: a few large files are never held at once. */
  | { kind: 'load'; unit: DatasetUnit }
  | { kind: 'held'; unit: IngestUnit }
  | { kind: 'failed'; failure: IngestFailure }
  | { kind: 'fatal'; error: unknown };

/** Units extracted ahead of the writer per worker: keeps every worker busy while the writer commits. */
const AHEAD_PER_WORKER = 4;

export async function ingest(openStore: () => Promise<CorpusStore>, paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { total: 0, articles: 0, datasets: 0, held: 0, extracted: 0, failures: [], entitiesAdded: 0, relationsAdded: 0, sentencesAdded: 0, wireCopies: 0, notes: [], elapsedMs: 0, store: undefined };
  const fail = (failure: IngestFailure) => {
    summary.failures.push(failure);
    options.onFailure?.(failure);
  };
  const units = readInputs(paths, { failure: fail, warning: (line) => options.onWarning?.(line) }, options.readOptions);
  summary.total = units.length;
  if (units.length === 0) {
    summary.elapsedMs = performance.now() - started;
    return summary;
  }
  const store = await openStore();
  summary.store = store.name;
  const workers = Math.max(1, options.workers);
  const pool = options.createPool ? options.createPool(workers) : new ExtractPool(workers);
  const seen = new Set<string>();
  const failure = (origin: Origin, error: unknown): Extract<Outcome, { kind: 'failed' | 'fatal' }> => {
    // No worker can start, or the store itself fails: nothing after this unit can succeed either.
    if (error instanceof WorkerStartError || error instanceof CorpusError) return { kind: 'fatal', error };
    const reason = error instanceof ArticleExtractError ? error.message : failureReason(error, origin);
    return reason === undefined ? { kind: 'fatal', error } : { kind: 'failed', failure: { origin, reason } };
  };

  // Never rejects: an error is an outcome, so a unit still pending when the run stops cannot raise an unhandled rejection.
  const prepare = async (unit: IngestUnit): Promise<Outcome> => {
    try {
      if (unit.kind === 'dataset') return { kind: 'load', unit };
      const { text } = unit.article;
      // Checked and recorded before any await, in input order: the first of two equal texts is the one written.
      if (seen.has(text)) return { kind: 'held', unit };
      seen.add(text);
      if (await store.hasText(text)) return { kind: 'held', unit };
      summary.extracted++;
      return { kind: 'write', unit, dataset: await pool.extract(unit.article) };
    } catch (error) {
      return failure(unit.origin, error);
    }
  };

  const settle = async (outcome: Outcome): Promise<Exclude<Outcome, { kind: 'load' }>> => {
    if (outcome.kind !== 'load') return outcome;
    const { unit } = outcome;
    try {
      return { kind: 'write', unit, dataset: await unit.load() };
    } catch (error) {
      return failure(unit.origin, error);
    }
  };

  const record = (unit: IngestUnit, report: AddReport) => {
    summary.articles += report.documentsAdded;
    summary.held += report.documentsSkipped;
    summary.entitiesAdded += report.entitiesAdded;
    summary.relationsAdded += report.relationsAdded;
    summary.sentencesAdded += report.sentencesAdded;
    summary.wireCopies += report.wireCopies;
    for (const note of report.notes ?? []) summary.notes.push(`${unit.origin}: ${note}`);
    if (unit.kind === 'dataset') summary.datasets++;
  };

  const window = Math.max(2, workers * AHEAD_PER_WORKER);
  const pending: Promise<Outcome>[] = [];
  let next = 0;
  try {
    for (let done = 0; done < units.length; done++) {
      while (next < units.length && pending.length < window) pending.push(prepare(units[next++]!));
      const outcome = await settle(await pending.shift()!);
      if (outcome.kind === 'fatal') throw outcome.error;
      if (outcome.kind === 'failed') fail(outcome.failure);
      else if (outcome.kind === 'held') summary.held++;
      else {
        try {
          record(outcome.unit, await store.addDataset(outcome.dataset, { ingestedAt: (options.now ?? nowIso)() }));
        } catch (error) {
          // The store refusing this dataset is this unit's failure; the store failing is everyone's.
          if (!(error instanceof DatasetError)) throw error;
          fail({ origin: outcome.unit.origin, reason: failureReason(error, outcome.unit.origin)! });
        }
      }
      options.onProgress?.({
        done: done + 1,
        total: units.length,
        articles: summary.articles,
        held: summary.held,
        failed: summary.failures.length,
        elapsedMs: performance.now() - started,
      });
    }
  } finally {
    await pool.close();
    await store.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

function nowIso(): string {
  return new Date().toISOString();
}
