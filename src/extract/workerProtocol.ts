/**
 * The extraction worker's message protocol
 * ========================================
 *
 * Extraction of a long article takes tens of milliseconds, a pasted book
 * seconds; in the app it runs in a Web Worker (`worker.ts`) so the page stays
 * responsive. The main thread sends one request; the worker answers with
 * progress messages and then exactly one result or error:
 *
 *   → { type: 'extract', text, title, documentId? }
 *   ← { type: 'progress', done, total }        sentences processed so far
 *   ← { type: 'result', dataset }              a valid newsgraph dataset
 *   ← { type: 'error', message }               what went wrong and how to fix it
 *
 * `handleExtractRequest` is the worker's whole logic, free of worker APIs,
 * so it is tested in Node.
 */

import type { Dataset } from '../model/schema.ts';
import { extractDataset } from './extractDataset.ts';

export interface ExtractRequest {
  type: 'extract';
  text: string;
  title: string;
  documentId?: string;
}

export interface ProgressMessage {
  type: 'progress';
  done: number;
  total: number;
}

export interface ResultMessage {
  type: 'result';
  dataset: Dataset;
}

export interface ErrorMessage {
  type: 'error';
  message: string;
}

export type ExtractResponse = ProgressMessage | ResultMessage | ErrorMessage;

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

/** Runs one request, posting progress, then the result or an error. Never throws. */
export function handleExtractRequest(message: unknown, post: (response: ExtractResponse) => void): void {
  const problem = requestProblem(message);
  if (problem) {
    post({ type: 'error', message: `extraction worker: ${problem}.` });
    return;
  }
  const request = message as ExtractRequest;
  try {
    const dataset = extractDataset(request.text, {
      ...(request.title ? { title: request.title } : {}),
      ...(request.documentId ? { documentId: request.documentId } : {}),
      onProgress: ({ done, total }) => post({ type: 'progress', done, total }),
    });
    post({ type: 'result', dataset });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
