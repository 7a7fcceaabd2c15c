/**
 * Web Worker entry for extraction: `new Worker(new URL('./worker.ts',
 * import.meta.url), { type: 'module' })` (see `runInWorker.ts`). Each message
 * is one request; the protocol is in `workerProtocol.ts`.
 */

import { handleExtractRequest } from './workerProtocol.ts';

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  handleExtractRequest(event.data, (response) => self.postMessage(response));
});
