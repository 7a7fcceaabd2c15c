/**
 * newsgraph benchmark suite — `npm run bench [-- --only graph,layout]`
 * ====================================================================
 *
 * `npm run bench -- --postgres` runs the PostgreSQL scale benchmark alone
 * (postgresScale.ts: a server, about an hour); the default run leaves it out.
 *
 * Prints one table and writes it to bench/results.json. Every figure is a
 * median of several runs, and sits beside a baseline measured in the same run,
 * so the ratio holds on a noisy machine even when absolute times do not.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchFormats } from './formats.ts';
import { benchBrowser } from './browser.ts';
import { benchCorpusBrowser } from './corpusBrowser.ts';
import { benchCorpusStore } from './corpusStore.ts';
import { benchCorpusTime } from './corpusTime.ts';
import { benchExtraction } from './extraction.ts';
import { benchGraphBuild } from './graphBuild.ts';
import { benchIngest } from './ingest.ts';
import { benchLayout } from './layout.ts';
import { benchPostgresScale } from './postgresScale.ts';
import { benchReview } from './review.ts';
import { benchTimeline } from './timeline.ts';
import { formatTable, type BenchRow } from './measure.ts';

interface BenchSection {
  id: string;
  title: string;
  run: () => Promise<BenchRow[]>;
  /** Run only when asked for (`--postgres`, or `--only` naming it). */
  optIn?: true;
}

const SECTIONS: BenchSection[] = [
  { id: 'graph', title: 'dataset → validated → graphology graph (Node)', run: benchGraphBuild },
  { id: 'formats', title: 'export and import in each exchange format (Node)', run: benchFormats },
  { id: 'timeline', title: 'time and sources: reporting days, histogram, window moves (Node)', run: benchTimeline },
  { id: 'review', title: "an analyst's edit: apply, check, undo, redraw (Node)", run: benchReview },
  { id: 'layout', title: 'ForceAtlas2 iterations per second (Node)', run: benchLayout },
  { id: 'extract', title: 'extraction over a several-hundred-article corpus (Node)', run: benchExtraction },
  { id: 'browser', title: 'explorer vs bare sigma in headless Chromium, and bundle sizes', run: benchBrowser },
  { id: 'ingest', title: 'ingest into a corpus database with 1 and 2 worker threads (Node)', run: benchIngest },
  { id: 'corpus', title: 'corpus store queries on ~10,000 articles / ~1,000,000 relations (SQLite)', run: benchCorpusStore },
  { id: 'corpus-time', title: 'corpus store: timeline and wire copies on 1,000 articles (SQLite)', run: benchCorpusTime },
  { id: 'corpus-browser', title: 'corpus mode in headless Chromium against a real serve', run: benchCorpusBrowser },
  { id: 'postgres', title: 'corpus store on PostgreSQL: COPY bulk load and queries at 10^5 to 10^7 relations, parallel ingest', run: benchPostgresScale, optIn: true },
];

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf('--only');
  const only = process.argv.includes('--postgres') ? new Set(['postgres']) : onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',')) : undefined;
  const rows: BenchRow[] = [];
  for (const section of SECTIONS) {
    if (only ? !only.has(section.id) : section.optIn) continue;
    process.stderr.write(`bench: ${section.title}…\n`);
    rows.push(...(await section.run()));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`newsgraph benchmark — ${machine}\n`);
  console.log(formatTable(rows));
  // `--only` refreshes some sections: the other sections' rows of the last full run are kept.
  const kept = only ? previousRows().filter((previous) => !rows.some((fresh) => fresh.section === previous.section)) : [];
  writeFileSync(RESULTS, JSON.stringify({ date: new Date().toISOString(), machine, rows: [...kept, ...rows] }, null, 2) + '\n');
}

const RESULTS = new URL('./results.json', import.meta.url);

function previousRows(): BenchRow[] {
  try {
    return (JSON.parse(readFileSync(RESULTS, 'utf8')) as { rows?: BenchRow[] }).rows ?? [];
  } catch {
    return [];
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
