/**
 * The extraction worker's messages and handler
 * ============================================
 *
 * Extraction of a long article takes tens of milliseconds, a pasted book
 * seconds; in the app it runs in a Web Worker (`extract.worker.ts`) so the
 * page stays responsive. It speaks the one worker protocol
 * (`src/workers/protocol.ts`):
 *
 *   → { type: 'extract', text, title, documentId? }
 *   ← { type: 'progress', done, total }        sentences processed so far
 *   ← { type: 'result', dataset }              a valid newsgraph dataset
 *   ← { type: 'error', message }               what went wrong and how to fix it
 *
 * `extractHandler` is the worker's whole logic and `handleExtractRequest`
 * answers one message with it, free of worker APIs, so both run in Node.
 */

import type { Dataset } from '../model/schema.ts';
import { answerRequest, type WorkerHandler, type WorkerResponse } from '../workers/protocol.ts';
import { extractDataset } from './extractDataset.ts';

export interface ExtractRequest {
  type: 'extract';
  text: string;
  title: string;
  documentId?: string;
}

export interface ExtractProgress {
  done: number;
  total: number;
}

export interface ExtractResult {
  dataset: Dataset;
}

export type ExtractResponse = WorkerResponse<ExtractProgress, ExtractResult>;

/** Why `value` is not an `ExtractRequest`, or undefined when it is one. */
export function requestProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'the message must be an object { type: "extract", text, title }';
  const request = value as Record<string, unknown>;
  if (request.type !== 'extract') return `unknown message type ${JSON.stringify(request.type)}; send { type: "extract", text, title }`;
  if (typeof request.text !== 'string') return 'field "text" must be the article as a string';
  if (typeof request.title !== 'string') return 'field "title" must be a string (the article’s headline, or "" for none)';
  if (request.documentId !== undefined && (typeof request.documentId !== 'string' || request.documentId === '')) return 'field "documentId" must be a non-empty string when given';
  return undefined;
}

export const extractHandler: WorkerHandler<ExtractRequest, ExtractProgress, ExtractResult> = {
  name: 'extraction worker',
  readRequest(message) {
    const problem = requestProblem(message);
    return problem === undefined ? { request: message as ExtractRequest } : { problem };
  },
  run(request, progress) {
    const dataset = extractDataset(request.text, {
      ...(request.title ? { title: request.title } : {}),
      ...(request.documentId ? { documentId: request.documentId } : {}),
      onProgress: ({ done, total }) => progress({ done, total }),
    });
    return { dataset };
  },
};

/** Runs one request, posting progress, then the result or an error. Never throws; synchronous. */
export function handleExtractRequest(message: unknown, post: (response: ExtractResponse) => void): void {
  void answerRequest(extractHandler, message, post);
}
