/**
 * Extracting an article in the browser, off the main thread. The extractor
 * (gazetteer, rules) is only ever reached through `import()`, so it sits in
 * a lazily loaded chunk and the first page load does not carry it.
 */

import type { Dataset } from '../../model/index.ts';

export interface ExtractRequest {
  text: string;
  title: string;
  source?: string;
}

export type ProgressListener = (fraction: number) => void;

export async function extractArticle(request: ExtractRequest, onProgress: ProgressListener, signal: AbortSignal): Promise<Dataset> {
  const { extractInWorker } = await import('./extractClient.ts');
  return extractInWorker(request, onProgress, signal);
}
