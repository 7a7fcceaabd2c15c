/**
 * Benchmark: extraction speed over several hundred articles (made by
 * src/extract/benchmarkCorpus.ts from the seed and held-out articles), and
 * the seed article alone, against a regex sentence split plus word scan of
 * the same text (the floor of reading the text at all).
 */

import { readdirSync, readFileSync } from 'node:fs';
import { benchmarkExtraction, buildBenchmarkCorpus } from '../src/extract/benchmarkCorpus.ts';
import { extractDataset } from '../src/extract/extractDataset.ts';
import { median, row, timeMedian, type BenchRow } from './measure.ts';

const ROOT = new URL('../', import.meta.url);

function articles(): { seed: string; all: string[] } {
  const seed = readFileSync(new URL('data/seed-article-russia-isolation-unga.txt', ROOT), 'utf8');
  const dir = new URL('data/eval/articles/', ROOT);
  const others = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(new URL(name, dir), 'utf8'));
  return { seed, all: [seed, ...others] };
}

/** Split into sentences and count words with regexes: what reading the text costs before any extraction. */
function regexScan(text: string): number {
  let words = 0;
  for (const sentence of text.split(/(?<=[.!?])\s+/)) words += sentence.match(/\p{L}+/gu)?.length ?? 0;
  return words;
}

export async function benchExtraction(): Promise<BenchRow[]> {
  const { seed, all } = articles();
  const corpus = buildBenchmarkCorpus(all, 300);
  const results = [0, 1].map(() => benchmarkExtraction(corpus));
  const first = results[0]!;
  const ms = median(results.map((r) => r.milliseconds));
  const baselineMs = await timeMedian(() => corpus.forEach(regexScan), 3);
  const label = `${first.articles} articles, ${first.sentences} sentences, ${(first.bytes / 1e6).toFixed(2)} MB`;
  const sentencesPerSecond = (first.sentences * 1000) / ms;
  const seedMs = await timeMedian(() => extractDataset(seed), 9);
  const seedBaseline = await timeMedian(() => regexScan(seed), 9);
  return [
    row({
      section: 'extract',
      size: label,
      metric: 'sentences/s',
      unit: 'sent/s',
      value: sentencesPerSecond,
      baselineName: 'regex split+scan',
      baseline: (first.sentences * 1000) / baselineMs,
      budget: '≥ 5000',
      withinBudget: sentencesPerSecond >= 5000,
    }),
    row({ section: 'extract', size: label, metric: 'MB/s', unit: 'MB/s', value: first.bytes / 1e6 / (ms / 1000) }),
    row({
      section: 'extract',
      size: 'seed article',
      metric: 'extract one article',
      unit: 'ms',
      value: seedMs,
      baselineName: 'regex split+scan',
      baseline: seedBaseline,
      budget: '< 50 ms',
      withinBudget: seedMs < 50,
    }),
  ];
}
