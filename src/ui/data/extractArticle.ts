/**
 * Extracting an article in the browser, off the main thread, through the
 * extractor's own worker (`extract/extractInWorker.ts`). The extractor
 * (gazetteer, rules) lives only in that worker's chunk, and the wrapper is
 * reached through `import()`, so the first page load carries neither.
 */

import type { Dataset } from '../../model/index.ts';

export interface ExtractRequest {
  text: string;
  title: string;
  /** The file the text came from, kept on the document. */
  source?: string;
}

export type ProgressListener = (fraction: number) => void;

export async function extractArticle(request: ExtractRequest, onProgress: ProgressListener, signal: AbortSignal): Promise<Dataset> {
  const { extractInWorker } = await import('../../extract/extractInWorker.ts');
  const dataset = await extractInWorker(request.text, {
    title: request.title,
    signal,
    onProgress: ({ done, total }) => onProgress(total > 0 ? done / total : 0),
  });
  onProgress(1);
  const { source } = request;
  return source === undefined ? dataset : { ...dataset, documents: dataset.documents.map((document) => ({ ...document, source })) };
}
