/**
 * Extracting off the main thread
 * ==============================
 *
 * `extractInWorker(text, { title })` starts the extraction worker, forwards
 * its progress, and resolves with the dataset (or rejects with an
 * `ExtractWorkerError` carrying the worker's message). One worker per call,
 * terminated when it answers or when `signal` aborts, so a cancelled
 * extraction of a huge paste stops using the CPU at once (`runInWorker`).
 */

import { NewsgraphError } from '../model/errors.ts';
import type { Dataset } from '../model/schema.ts';
import { runInWorker, WorkerError, type WorkerPort } from '../workers/protocol.ts';
import type { ExtractRequest, ExtractResponse } from './extractProtocol.ts';

export class ExtractWorkerError extends NewsgraphError {
  override name = 'ExtractWorkerError';
}

export type ExtractWorkerLike = WorkerPort<ExtractRequest, ExtractResponse>;

export interface ExtractInWorkerOptions {
  title: string;
  documentId?: string;
  onProgress?: (progress: { done: number; total: number }) => void;
  signal?: AbortSignal;
  /** How to start the worker; the default is the module worker next to this file. */
  createWorker?: () => ExtractWorkerLike;
}

function defaultWorker(): ExtractWorkerLike {
  return new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module' });
}

export async function extractInWorker(text: string, options: ExtractInWorkerOptions): Promise<Dataset> {
  const request: ExtractRequest = { type: 'extract', text, title: options.title, ...(options.documentId ? { documentId: options.documentId } : {}) };
  try {
    const { dataset } = await runInWorker(options.createWorker ?? defaultWorker, request, {
      name: 'extraction worker',
      reportWith: 'the article',
      onProgress: ({ done, total }) => options.onProgress?.({ done, total }),
      signal: options.signal,
    });
    return dataset;
  } catch (error) {
    throw error instanceof WorkerError ? new ExtractWorkerError(error.message) : error;
  }
}
