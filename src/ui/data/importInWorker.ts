/**
 * Importing off the main thread
 * =============================
 *
 * `importInWorker(fileName, text, { onProgress, readOptions })` parses and
 * validates a graph file in the import worker and resolves with its final
 * answer: a validated dataset with warnings (and how the file's types were
 * read), or the problems to list. `readOptions` carries the mapping dialog's
 * choices when the same file is read again. It never rejects
 * for a bad file; a crashed worker becomes one problem too. Every import goes
 * this way, small ones included, so there is one path; only where `Worker`
 * does not exist (or refuses module workers) does the same handler run on
 * the main thread, behind the same interface.
 */

import type { TypeReadOptions } from '../../state/typeChoices.ts';
import { inThreadWorker, runInWorker, WorkerError, type WorkerPort } from '../../workers/protocol.ts';
import { importHandler, invalidOutcome, workerFailure, type ImportInvalid, type ImportRequest, type ImportResponse, type ImportResult, type ImportStage } from './importProtocol.ts';

export type ImportWorkerLike = WorkerPort<ImportRequest, ImportResponse>;

export interface ImportInWorkerOptions {
  onProgress?: (stage: ImportStage) => void;
  /** How to read the file's own types (the mapping dialog's choices). */
  readOptions?: TypeReadOptions;
  /** How to start the worker; the default is the module worker next to this file, or none without `Worker`. */
  createWorker?: (() => ImportWorkerLike) | null;
}

export type ImportOutcome = ImportResult | ImportInvalid;

function defaultWorker(): (() => ImportWorkerLike) | null {
  if (typeof Worker === 'undefined') return null;
  return () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

/** The worker to use: a real one, or the handler on this thread when there is none or creating one throws. */
function startWorker(create: (() => ImportWorkerLike) | null): ImportWorkerLike {
  if (!create) return inThreadWorker(importHandler);
  try {
    return create();
  } catch {
    // A browser that refuses module workers still imports, just on this thread.
    return inThreadWorker(importHandler);
  }
}

export async function importInWorker(fileName: string, text: string, options: ImportInWorkerOptions = {}): Promise<ImportOutcome> {
  const request: ImportRequest = { type: 'import', fileName, text, ...(options.readOptions === undefined ? {} : { readOptions: options.readOptions }) };
  const worker = startWorker(options.createWorker === undefined ? defaultWorker() : options.createWorker);
  try {
    return await runInWorker(() => worker, request, {
      name: 'import worker',
      reportWith: 'the file',
      onProgress: ({ stage }) => options.onProgress?.(stage),
    });
  } catch (error) {
    if (error instanceof WorkerError && error.failure.kind === 'answered') return invalidOutcome(error.failure.answer);
    return workerFailure(error instanceof WorkerError && error.failure.kind === 'crashed' ? error.failure.detail : String(error), fileName);
  }
}
