/**
 * Web Worker entry for importing graph files: `new Worker(new URL(
 * './import.worker.ts', import.meta.url), { type: 'module' })` (see
 * `importInWorker.ts`). Each message is one request; the handler is in
 * `importProtocol.ts`.
 */

import { serveWorker } from '../../workers/protocol.ts';
import { importHandler } from './importProtocol.ts';

serveWorker(importHandler);
