/**
 * Benchmark: ingest throughput with 1 and 2 extraction worker threads
 * ===================================================================
 *
 * The same generated corpus (scripts/demoArticles.ts, written as JSON Lines)
 * is ingested into a fresh SQLite corpus with `--workers 1` and then
 * `--workers 2`: articles/s and sentences/s (every sentence of every text,
 * as the extractor splits them), the median of a few runs each, and the
 * ratio of the two (the goal: near-linear scaling with cores). Each
 * run includes starting the worker threads and writing every article in its
 * own transaction, as `newsgraph ingest` does. The baseline of the 1-worker
 * row is extraction alone on this thread, no store and no threads: what the
 * rest of ingest costs on top.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoJsonLines, generateDemoArticles } from '../scripts/demoArticles.ts';
import { extractArticles } from '../src/extract/extractDataset.ts';
import { splitSentences } from '../src/extract/sentences.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { openCorpusStore } from '../src/store/open.ts';
import { median, row, type BenchRow } from './measure.ts';

const ARTICLES = 600;
const RUNS = 3;

async function timeIngest(feed: string, workers: number, dir: string, run: number): Promise<number> {
  const summary = await ingest(() => openCorpusStore(join(dir, `w${workers}-${run}.db`), { create: true }), [feed], { workers });
  if (summary.articles !== ARTICLES || summary.failures.length > 0) throw new Error(`bench ingest: expected ${ARTICLES} new articles, got ${summary.articles} (${summary.failures.length} failed)`);
  return summary.elapsedMs;
}

export async function benchIngest(): Promise<BenchRow[]> {
  const articles = generateDemoArticles(ARTICLES, 2024);
  const sentences = articles.reduce((sum, a) => sum + splitSentences(a.text).length, 0);
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-ingest-'));
  try {
    const feed = join(dir, 'feed.jsonl');
    writeFileSync(feed, demoJsonLines(articles));
    const alone: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      for (const article of articles) extractArticles([article]);
      alone.push(performance.now() - start);
    }
    const times = new Map<number, number>();
    for (const workers of [1, 2]) {
      const runs: number[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await timeIngest(feed, workers, dir, run));
      times.set(workers, median(runs));
    }
    const perSecond = (count: number, ms: number) => (count * 1000) / ms;
    const size = `${ARTICLES} articles, ${sentences.toLocaleString('en-US')} sentences`;
    const one = times.get(1)!;
    const two = times.get(2)!;
    const ratio = one / two;
    return [
      row({
        section: 'ingest',
        size,
        metric: 'articles/s, 1 worker thread (into a fresh corpus)',
        unit: 'art/s',
        value: perSecond(ARTICLES, one),
        baselineName: 'extraction alone, this thread',
        baseline: perSecond(ARTICLES, median(alone)),
      }),
      row({
        section: 'ingest',
        size,
        metric: 'articles/s, 2 worker threads',
        unit: 'art/s',
        value: perSecond(ARTICLES, two),
        baselineName: '1 worker thread',
        baseline: perSecond(ARTICLES, one),
        budget: '≥ 1.6× (near-linear on 2 cores)',
        withinBudget: ratio >= 1.6,
      }),
      row({ section: 'ingest', size, metric: 'sentences/s, 1 worker thread', unit: 'sent/s', value: perSecond(sentences, one) }),
      row({ section: 'ingest', size, metric: 'sentences/s, 2 worker threads', unit: 'sent/s', value: perSecond(sentences, two), baselineName: '1 worker thread', baseline: perSecond(sentences, one) }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/ingest.ts` runs this section alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { formatTable } = await import('./measure.ts');
  console.log(formatTable(await benchIngest()));
}
