/**
 * Extracting off the main thread
 * ==============================
 *
 * `extractInWorker(text, { title })` starts the extraction worker, forwards
 * its progress, and resolves with the dataset (or rejects with an
 * `ExtractWorkerError` carrying the worker's message). One worker per call,
 * terminated when it answers or when `signal` aborts, so a cancelled
 * extraction of a huge paste stops using the CPU at once.
 */

import { NewsgraphError } from '../model/errors.ts';
import type { Dataset } from '../model/schema.ts';
import type { ExtractRequest, ExtractResponse } from './workerProtocol.ts';

export class ExtractWorkerError extends NewsgraphError {
  override name = 'ExtractWorkerError';
}

export interface WorkerLike {
  postMessage(message: ExtractRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ExtractResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ExtractInWorkerOptions {
  title: string;
  documentId?: string;
  onProgress?: (progress: { done: number; total: number }) => void;
  signal?: AbortSignal;
  /** How to start the worker; the default is the module worker next to this file. */
  createWorker?: () => WorkerLike;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

export function extractInWorker(text: string, options: ExtractInWorkerOptions): Promise<Dataset> {
  return new Promise<Dataset>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The extraction was cancelled.', 'AbortError'));
      return;
    }
    const worker = (options.createWorker ?? defaultWorker)();
    const finish = () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      options.signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      finish();
      reject(new DOMException('The extraction was cancelled.', 'AbortError'));
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'progress') options.onProgress?.({ done: message.done, total: message.total });
      else if (message.type === 'result') {
        finish();
        resolve(message.dataset);
      } else {
        finish();
        reject(new ExtractWorkerError(message.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new ExtractWorkerError(`the extraction worker failed: ${event.message || 'unknown error'}. Fix: reload the page and try again; if it persists, report it with the article.`));
    };
    worker.postMessage({ type: 'extract', text, title: options.title, ...(options.documentId ? { documentId: options.documentId } : {}) });
  });
}
