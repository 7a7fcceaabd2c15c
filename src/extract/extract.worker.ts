/**
 * Web Worker entry for extraction: `new Worker(new URL('./extract.worker.ts',
 * import.meta.url), { type: 'module' })` (see `extractInWorker.ts`). Each
 * message is one request; the handler is in `extractProtocol.ts`.
 */

import { serveWorker } from '../workers/protocol.ts';
import { extractHandler } from './extractProtocol.ts';

serveWorker(extractHandler);
