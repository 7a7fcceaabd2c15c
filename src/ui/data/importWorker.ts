/**
 * Web Worker entry for importing graph files: `new Worker(new URL(
 * './importWorker.ts', import.meta.url), { type: 'module' })` (see
 * `importInWorker.ts`). Each message is one request; the protocol is in
 * `importProtocol.ts`.
 */

import { handleImportRequest } from './importProtocol.ts';

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  void handleImportRequest(event.data, (response) => self.postMessage(response));
});
