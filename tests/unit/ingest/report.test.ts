/**
 * What ingest prints: the summary line in the words, the failures
 * named after it, durations, and a progress line that fits the terminal.
 */

import { describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../../src/ingest/ingest.ts';
import { formatDuration, progressLine, summaryLines } from '../../../src/ingest/report.ts';

const summary: IngestSummary = {
  total: 817,
  articles: 812,
  datasets: 0,
  held: 3,
  extracted: 814,
  failures: [
    { origin: 'a.txt', reason: 'x. Fix: y' },
    { origin: 'feed.jsonl:7', reason: 'x. Fix: y' },
  ],
  entitiesAdded: 1204,
  relationsAdded: 3310,
  sentencesAdded: 5022,
  wireCopies: 0,
  notes: [],
  elapsedMs: 41_200,
  store: 'corpus.db',
};

describe('ingest report', () => {
  it('summarises in one line, then names the failures', () => {
    expect(summaryLines(summary)).toEqual([
      'ingested 812 articles (3 already held, 2 failed) → corpus.db: +1,204 entities, +3,310 relations, +5,022 sentences in 41 s',
      'failed: a.txt, feed.jsonl:7 (reasons above; fix them and run the same command again: what is held is skipped)',
    ]);
  });

  it('leaves out what did not happen, counts datasets, and cuts a long failure list', () => {
    expect(summaryLines({ ...summary, held: 0, failures: [], articles: 1, datasets: 2, entitiesAdded: 1, relationsAdded: 0, sentencesAdded: 1, elapsedMs: 800 })).toEqual([
      'ingested 1 article and 2 datasets → corpus.db: +1 entity, +0 relations, +1 sentence in 0.8 s',
    ]);
    const many = Array.from({ length: 14 }, (_, i) => ({ origin: `f${i}.txt`, reason: 'r' }));
    expect(summaryLines({ ...summary, failures: many })[1]).toMatch(/^failed: f0\.txt, f1\.txt, .*f9\.txt and 4 more \(/);
  });

  it('counts wire copies and passes on what the store changed', () => {
    expect(summaryLines({ ...summary, failures: [], wireCopies: 29, notes: ['a.json: relation r1: a declared spell of 20,000 days was cut to 3,660'] })).toEqual([
      'ingested 812 articles (3 already held) → corpus.db: +1,204 entities, +3,310 relations, +5,022 sentences, 29 wire copies in 41 s',
      'note: a.json: relation r1: a declared spell of 20,000 days was cut to 3,660',
    ]);
  });

  it('says so when nothing could be read and no corpus was opened', () => {
    expect(summaryLines({ ...summary, store: undefined, articles: 0, held: 0, failures: [{ origin: 'typo.txt', reason: 'r' }] })[0]).toBe(
      'ingested nothing (1 failed): no file could be read, so no corpus was opened',
    );
  });

  it('formats durations for people', () => {
    expect([400, 9_940, 41_200, 125_000, 3_725_000].map(formatDuration)).toEqual(['0.4 s', '9.9 s', '41 s', '2 min 05 s', '1 h 02 min']);
  });

  it('draws a progress line with counts, rate and ETA, never wider than the terminal', () => {
    const line = progressLine({ done: 200, total: 800, articles: 190, held: 7, failed: 3, elapsedMs: 10_000 }, 200);
    expect(line).toBe('ingesting 200/800 [#####...............]  25% · 20.0 articles/s · ETA 30 s · 7 held · 3 failed');
    expect(progressLine({ done: 200, total: 800, articles: 190, held: 7, failed: 3, elapsedMs: 10_000 }, 40)).toHaveLength(39);
    expect(progressLine({ done: 800, total: 800, articles: 800, held: 0, failed: 0, elapsedMs: 4_000 })).toBe('ingesting 800/800 [####################] 100% · 200 articles/s');
  });
});
