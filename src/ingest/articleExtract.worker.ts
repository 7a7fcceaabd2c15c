/**
 * Node worker-thread entry for ingest's extraction: started by
 * `extractPool.ts`; each message is one request, answered by the handler in
 * `articleExtractProtocol.ts` through the one worker protocol.
 */

import { parentPort } from 'node:worker_threads';
import { answerRequest } from '../workers/protocol.ts';
import { articleExtractHandler } from './articleExtractProtocol.ts';

const port = parentPort;
if (!port) throw new Error('articleExtract.worker.ts runs as a worker thread (started by extractPool.ts), not on its own');
port.on('message', (message: unknown) => void answerRequest(articleExtractHandler, message, (response) => port.postMessage(response)));
