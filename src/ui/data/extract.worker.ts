/**
 * The extraction Web Worker: runs `extractDataset` on one article and posts
 * progress, then the dataset (or the error's message). Keeps the page
 * responsive while a long article is analysed.
 */

import { extractDataset } from '../../extract/extractDataset.ts';

interface Request {
  text: string;
  title: string;
  source?: string;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { text, title, source } = event.data;
  try {
    let last = 0;
    const dataset = extractDataset(text, {
      title,
      ...(source !== undefined ? { source } : {}),
      onProgress: ({ done, total }) => {
        const fraction = total > 0 ? done / total : 0;
        // Posting every sentence would flood the page; whole percents are enough for a bar.
        if (fraction - last >= 0.01 || fraction === 1) {
          last = fraction;
          self.postMessage({ kind: 'progress', fraction });
        }
      },
    });
    self.postMessage({ kind: 'done', dataset });
  } catch (error) {
    self.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
