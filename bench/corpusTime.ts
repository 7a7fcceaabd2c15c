/**
 * Benchmark: time and sources in the corpus store
 * ===============================================
 *
 * On a synthetic corpus of 1,000 articles (bench/corpusStore.ts's articles:
 * 50 sentences, 100 relations each, dated over two years, one in twenty
 * undated) with one article in ten reprinted by another outlet the next day
 * (the text with a line added: a wire copy the store must find):
 *  - ingest rate: articles/s through `addDataset`, one transaction per
 *    article as `newsgraph ingest` writes them. Schema version 2 adds the
 *    signature, the band index, copy detection and the reporting days to
 *    every article; `benchIngestRate` uses only what version 1 had, so the
 *    same function run on a version-1 checkout gives the "before" figure;
 *  - the whole-corpus timeline: `CorpusStore.timeline()` computed (the first
 *    question of a freshly opened store) in each bucket, then kept (the
 *    store keeps answers until the corpus changes), and `GET /api/timeline`
 *    through the real HTTP server, p50 and p95.
 *
 * NEWSGRAPH_BENCH_TIME_ARTICLES sets the size (default 1000).
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dataset } from '../src/model/schema.ts';
import { seededRandom } from '../src/model/seededRandom.ts';
import { startCorpusServer } from '../src/server/corpusServer.ts';
import { SqliteCorpusStore } from '../src/store/sqlite/sqliteStore.ts';
import { syntheticArticle } from './corpusStore.ts';
import { median, row, type BenchRow, percentile } from './measure.ts';

const ENTITIES_PER_ARTICLE = 6;
const REPRINT_EVERY = 10;
const QUESTIONS = 30;

/** `article` as reprinted by another outlet a day later: the same text with a line added (offsets unchanged). */
function reprint(article: Dataset, index: number): Dataset {
  const original = article.documents[0]!;
  const id = `${original.id}-reprint`;
  const published = original.published === undefined ? undefined : new Date(Date.parse(original.published) + 86_400_000).toISOString().slice(0, 10);
  const document: Dataset['documents'][number] = { ...original, id, title: `${original.title} (reprint)`, text: `${original.text} Reprinted from the wire.`, source: `Reprint Desk ${index % 3}`, url: `https://news.example/reprint/${index}` };
  if (published === undefined) delete document.published;
  else document.published = published;
  const moved = <T extends { document: string }>(list: readonly T[]) => list.map((item) => ({ ...item, document: id }));
  return {
    ...article,
    documents: [document],
    entities: article.entities.map((e) => ({ ...e, mentions: moved(e.mentions) })),
    relations: article.relations.map((r) => ({ ...r, evidence: moved(r.evidence) })),
  };
}

/** The synthetic corpus's articles, reprints included, in the order they are added. */
export function timeCorpusArticles(count: number): Dataset[] {
  const random = seededRandom(29);
  const entityCount = count * ENTITIES_PER_ARTICLE;
  const articles: Dataset[] = [];
  for (let i = 0; articles.length < count; i++) {
    const article = syntheticArticle(i, entityCount, random);
    articles.push(article);
    if (i % REPRINT_EVERY === REPRINT_EVERY - 1 && articles.length < count) articles.push(reprint(article, i));
  }
  return articles;
}

/** Articles/s adding `articles` to a new corpus at `path`, one `addDataset` (one transaction) each. Uses only version-1 API. */
export async function benchIngestRate(path: string, articles: readonly Dataset[]): Promise<{ perSecond: number; store: SqliteCorpusStore }> {
  const store = SqliteCorpusStore.open(path, { create: true });
  const start = performance.now();
  for (const article of articles) await store.addDataset(article, { ingestedAt: '2025-01-01T00:00:00Z' });
  return { perSecond: (articles.length * 1000) / (performance.now() - start), store };
}

/** p50 and p95 of `question`'s time; a question that returns a number (ms) times itself (leaving out its setup). */
async function times(question: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await question();
  const list: number[] = [];
  for (let i = 0; i < QUESTIONS; i++) {
    const start = performance.now();
    const own = await question();
    list.push(typeof own === 'number' ? own : performance.now() - start);
  }
  list.sort((a, b) => a - b);
  return { p50: percentile(list, 0.5), p95: percentile(list, 0.95) };
}

export async function benchCorpusTime(): Promise<BenchRow[]> {
  const count = Math.max(100, Number(process.env.NEWSGRAPH_BENCH_TIME_ARTICLES ?? 1_000) || 1_000);
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-time-'));
  try {
    const articles = timeCorpusArticles(count);
    // Three runs into fresh files, the median kept; the last corpus is the one timed below.
    const rates: number[] = [];
    let store: SqliteCorpusStore | undefined;
    for (let run = 0; run < 3; run++) {
      await store?.close();
      const result = await benchIngestRate(join(dir, `corpus-${run}.db`), articles);
      rates.push(result.perSecond);
      store = result.store;
    }
    const corpus = store!;
    const info = await corpus.info();
    const copies = (corpus.connection.prepare('SELECT count(*) AS n FROM documents WHERE copy_of IS NOT NULL').get() as { n: number }).n;
    const days = (corpus.connection.prepare('SELECT count(*) AS n FROM relation_days').get() as { n: number }).n;
    const size = `${info.documents.toLocaleString('en-US')} articles (${copies} wire copies found), ${info.relations.toLocaleString('en-US')} relations, ${days.toLocaleString('en-US')} relation-days`;

    const rows: BenchRow[] = [row({ section: 'corpus-time', size, metric: 'ingest, one transaction per article (schema 2)', unit: 'articles/s', value: median(rates) })];
    const latency = (metric: string, figures: { p50: number; p95: number }) => [
      row({ section: 'corpus-time', size, metric: `${metric} p50`, unit: 'ms', value: figures.p50 }),
      row({ section: 'corpus-time', size, metric: `${metric} p95`, unit: 'ms', value: figures.p95 }),
    ];
    // Computed: the first question after opening (answers are then kept until the corpus changes).
    const path = join(dir, 'corpus-2.db');
    for (const bucket of [undefined, 'day', 'week', 'month'] as const) {
      rows.push(
        ...latency(
          `timeline computed (store, ${bucket === undefined ? 'default bucket' : `by ${bucket}`})`,
          await times(async () => {
            const fresh = SqliteCorpusStore.open(path, { create: false });
            try {
              const start = performance.now();
              await fresh.timeline(bucket);
              return performance.now() - start;
            } finally {
              await fresh.close();
            }
          }),
        ),
      );
    }
    rows.push(...latency('timeline kept (store, default bucket, unchanged corpus)', await times(() => corpus.timeline())));

    const dist = join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>bench</title>');
    const server = await startCorpusServer({ store: corpus, dist, host: '127.0.0.1', port: 0, log: () => {} });
    try {
      rows.push(
        ...latency(
          'GET /api/timeline (HTTP, default bucket, kept)',
          await times(async () => {
            const response = await fetch(`${server.url}api/timeline`);
            if (!response.ok) throw new Error(`GET /api/timeline: HTTP ${response.status}`);
            return response.json();
          }),
        ),
      );
    } finally {
      await server.close();
      await corpus.close();
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/corpusTime.ts` runs this section alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { formatTable } = await import('./measure.ts');
  console.log(formatTable(await benchCorpusTime()));
}
