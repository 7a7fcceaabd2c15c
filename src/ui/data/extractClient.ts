/**
 * Page side of the extraction worker: one worker per run, terminated when
 * it answers or the run is cancelled.
 */

import { NewsgraphError, type Dataset } from '../../model/index.ts';
import type { ExtractRequest, ProgressListener } from './extractArticle.ts';

type WorkerMessage = { kind: 'progress'; fraction: number } | { kind: 'done'; dataset: Dataset } | { kind: 'error'; message: string };

export class ExtractionError extends NewsgraphError {
  override name = 'ExtractionError';
}

export function extractInWorker(request: ExtractRequest, onProgress: ProgressListener, signal: AbortSignal): Promise<Dataset> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module', name: 'newsgraph-extract' });
    const finish = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new ExtractionError('extraction cancelled'));
    };
    signal.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') onProgress(message.fraction);
      else if (message.kind === 'done') {
        finish();
        onProgress(1);
        resolve(message.dataset);
      } else {
        finish();
        reject(new ExtractionError(message.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new ExtractionError(`the extraction worker failed: ${event.message || 'could not start'}`));
    };
    worker.postMessage(request);
  });
}
