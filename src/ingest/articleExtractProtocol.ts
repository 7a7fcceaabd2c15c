/**
 * The ingest extraction worker's messages and handler
 * ===================================================
 *
 * `newsgraph ingest` extracts articles in Node worker threads, one article
 * per request, and speaks the one worker protocol (`src/workers/protocol.ts`):
 *
 *   → { type: 'extract-article', article: { text, title?, url?, source?, published? } }
 *   ← { type: 'result', dataset }     one document's dataset, url/source/published carried over
 *   ← { type: 'error', message }      the article cannot be extracted (too long, …)
 *
 * Free of worker APIs (the entry, `articleExtract.worker.ts`, only wires
 * `parentPort` to it), so the handler runs in Node tests on this thread.
 */

import { extractArticles, type ArticleInput } from '../extract/extractDataset.ts';
import type { Dataset } from '../model/schema.ts';
import type { NoDetails, WorkerHandler, WorkerResponse } from '../workers/protocol.ts';

export interface ArticleExtractRequest {
  type: 'extract-article';
  article: ArticleInput;
}

export interface ArticleExtractResult {
  dataset: Dataset;
}

export type ArticleExtractResponse = WorkerResponse<NoDetails, ArticleExtractResult>;

const OPTIONAL_FIELDS = ['title', 'documentId', 'source', 'url', 'published'] as const;

/** Why `value` is not an `ArticleExtractRequest`, or undefined when it is one. */
export function articleRequestProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'the message must be an object { type: "extract-article", article }';
  const request = value as Record<string, unknown>;
  if (request.type !== 'extract-article') return `unknown message type ${JSON.stringify(request.type)}; send { type: "extract-article", article }`;
  const article = request.article;
  if (typeof article !== 'object' || article === null) return 'field "article" must be an object { text, title?, url?, source?, published? }';
  const fields = article as Record<string, unknown>;
  if (typeof fields.text !== 'string') return 'field "article.text" must be the article as a string';
  for (const name of OPTIONAL_FIELDS) if (fields[name] !== undefined && typeof fields[name] !== 'string') return `field "article.${name}" must be a string when given`;
  return undefined;
}

export const articleExtractHandler: WorkerHandler<ArticleExtractRequest, NoDetails, ArticleExtractResult> = {
  name: 'ingest extraction worker',
  readRequest(message) {
    const problem = articleRequestProblem(message);
    return problem === undefined ? { request: message as ArticleExtractRequest } : { problem };
  },
  run(request) {
    return { dataset: extractArticles([request.article]) };
  },
};
