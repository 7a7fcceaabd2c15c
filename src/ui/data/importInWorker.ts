/**
 * Importing off the main thread
 * =============================
 *
 * `importInWorker(fileName, text, { onProgress })` parses and validates a
 * graph file in the import worker and resolves with its final answer: a
 * validated dataset with warnings, or the problems to list. It never rejects
 * for a bad file; a crashed worker becomes one problem too. Every import goes
 * this way, small ones included, so there is one path; only where `Worker`
 * does not exist does the same handler run on the main thread.
 */

import { handleImportRequest, invalidResponse, workerFailure, type ImportInvalid, type ImportRequest, type ImportResponse, type ImportResult, type ImportStage } from './importProtocol.ts';

export interface ImportWorkerLike {
  postMessage(message: ImportRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ImportInWorkerOptions {
  onProgress?: (stage: ImportStage) => void;
  /** How to start the worker; the default is the module worker next to this file, or none without `Worker`. */
  createWorker?: (() => ImportWorkerLike) | null;
}

export type ImportOutcome = ImportResult | ImportInvalid;

function defaultWorker(): (() => ImportWorkerLike) | null {
  if (typeof Worker === 'undefined') return null;
  return () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
}

/** Same answers, on this thread: for environments without Web Workers. */
async function importHere(request: ImportRequest, onProgress?: (stage: ImportStage) => void): Promise<ImportOutcome> {
  let outcome: ImportOutcome | undefined;
  await handleImportRequest(request, (response) => {
    if (response.type === 'progress') onProgress?.(response.stage);
    else outcome = response;
  });
  return outcome ?? invalidResponse(new Error('the import gave no answer. Fix: reload the page and try again.'), request.fileName);
}

export function importInWorker(fileName: string, text: string, options: ImportInWorkerOptions = {}): Promise<ImportOutcome> {
  const request: ImportRequest = { type: 'import', fileName, text };
  const create = options.createWorker === undefined ? defaultWorker() : options.createWorker;
  if (!create) return importHere(request, options.onProgress);
  return new Promise<ImportOutcome>((resolve) => {
    let worker: ImportWorkerLike;
    try {
      worker = create();
    } catch {
      // A browser that refuses module workers still imports, just on this thread.
      resolve(importHere(request, options.onProgress));
      return;
    }
    const finish = (outcome: ImportOutcome) => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'progress') options.onProgress?.(message.stage);
      else finish(message);
    };
    worker.onerror = (event) => finish(workerFailure(event.message, fileName));
    worker.postMessage(request);
  });
}
