/**
 * The extraction pool with real worker threads: the TypeScript entry loads
 * under Vitest (as under tsx), results equal extraction on this thread, at
 * most `size` threads start, and a worker that cannot start is one clear
 * WorkerStartError for every queued article.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticles } from '../../../src/extract/extractDataset.ts';
import { DEFAULT_LIMITS } from '../../../src/model/limits.ts';
import { articleExtractHandler, articleRequestProblem } from '../../../src/ingest/articleExtractProtocol.ts';
import { ExtractPool, startModuleWorker, WorkerStartError } from '../../../src/ingest/extractPool.ts';

const articles = [1, 2, 3, 4, 5].map((i) => ({
  text: `The European Union imposed sanctions on Iran over drone sales, officials said on day ${i}. Russia and China held talks in Beijing.`,
  title: `Article ${i}`,
  url: `https://example.org/${i}`,
  source: 'Demo Wire',
  published: `2024-03-0${i}`,
}));

const temporary = mkdtempSync(join(tmpdir(), 'newsgraph-pool-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('ExtractPool', () => {
  it('extracts in worker threads exactly as on this thread, carrying url, source and published', async () => {
    const pool = new ExtractPool(2);
    try {
      const datasets = await Promise.all(articles.map((article) => pool.extract(article)));
      expect(pool.running).toBeLessThanOrEqual(2);
      datasets.forEach((dataset, i) => {
        expect(dataset).toEqual(extractArticles([articles[i]!]));
        expect(dataset.documents[0]).toMatchObject({ url: articles[i]!.url, source: 'Demo Wire', published: articles[i]!.published });
        expect(dataset.relations.map((r) => r.type)).toContain('sanctioned');
      });
    } finally {
      await pool.close();
    }
    expect(pool.running).toBe(0);
  }, 60_000);

  it('fails one article that cannot be extracted, and goes on with the next', async () => {
    const pool = new ExtractPool(1);
    try {
      const tooLong = pool.extract({ text: 'a'.repeat(DEFAULT_LIMITS.maxDocumentLength + 1), title: 'Huge' });
      await expect(tooLong).rejects.toThrow(/more than the .* a newsgraph document holds/);
      await expect(pool.extract(articles[0]!)).resolves.toMatchObject({ documents: [{ title: 'Article 1' }] });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('reports a worker that cannot start as one WorkerStartError for every queued article', async () => {
    const broken = join(temporary, 'broken.worker.ts');
    writeFileSync(broken, "throw new Error('this entry is broken');\n");
    const pool = new ExtractPool(2, () => startModuleWorker(pathToFileURL(broken)));
    try {
      const results = await Promise.allSettled(articles.map((article) => pool.extract(article)));
      for (const result of results) {
        expect(result.status).toBe('rejected');
        const reason = (result as PromiseRejectedResult).reason as Error;
        expect(reason).toBeInstanceOf(WorkerStartError);
        expect(reason.message).toMatch(/cannot start the extraction worker threads: this entry is broken\. Fix: /);
      }
      await expect(pool.extract(articles[0]!)).rejects.toBeInstanceOf(WorkerStartError);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('reports a worker that cannot even be created (tsx missing) as a WorkerStartError', async () => {
    const pool = new ExtractPool(1, () => {
      throw new Error("Cannot find module 'tsx/package.json'");
    });
    await expect(pool.extract(articles[0]!)).rejects.toThrow(/^cannot start the extraction worker threads: Cannot find module 'tsx\/package\.json'\. Fix: /);
    await expect(pool.extract(articles[1]!)).rejects.toBeInstanceOf(WorkerStartError);
    await pool.close();
  });

  it('the handler refuses a message that is not a request, naming the field', () => {
    expect(articleRequestProblem({ type: 'extract-article', article: { text: 3 } })).toMatch(/article\.text/);
    expect(articleRequestProblem({ type: 'extract-article', article: { text: 'x', url: 5 } })).toMatch(/article\.url/);
    expect(articleRequestProblem({ type: 'extract' })).toMatch(/unknown message type/);
    expect(articleExtractHandler.readRequest({ type: 'extract-article', article: { text: 'x' } })).toEqual({ request: { type: 'extract-article', article: { text: 'x' } } });
  });
});
