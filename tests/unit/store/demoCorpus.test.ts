/**
 * The demo corpus (data/demo-corpus/articles.jsonl, with its wire reprints)
 * ingested as `npm run demo:corpus` does: the copy groups the store finds
 * are the ones `wireCopyGroups` finds over the same texts; each relation's
 * whole-corpus article and outlet counts are what `buildSourceIndex` counts
 * over the corpus exported; the timeline is `buildHistogram`'s. On both
 * backends (backends.ts).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest/ingest.ts';
import { CORPUS_ATTRIBUTES, CORPUS_LIMITS } from '../../../src/model/corpusApi.ts';
import { buildSourceIndex } from '../../../src/model/relationSources.ts';
import type { Dataset } from '../../../src/model/schema.ts';
import { openCorpusStore } from '../../../src/store/open.ts';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, throwAwayDatabases, type AnyStore } from './backends.ts';
import { exportWhole } from './corpusFixtures.ts';
import { storeRows } from './storeRows.ts';
import { copyOf, expectedCopyOf, expectTimelineMatches, withoutCorpusCounts } from './timeChecks.ts';

const DEMO = fileURLToPath(new URL('../../../data/demo-corpus/articles.jsonl', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-demo-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(BACKENDS)('the demo corpus in the store (%s)', (backend) => {
  const newDatabase = throwAwayDatabases();
  let store: AnyStore;
  let whole: Dataset;

  beforeAll(async () => {
    const db = backend === 'sqlite' ? join(dir, 'demo.db') : await newDatabase();
    const summary = await ingest(() => openCorpusStore(db, { create: true }), [DEMO], { workers: 2 });
    expect(summary).toMatchObject({ articles: 300, failures: [] });
    store = backend === 'sqlite' ? SqliteCorpusStore.open(db, { create: false }) : await PostgresCorpusStore.open(db, { create: false });
    whole = await exportWhole(store);
    return () => store.close();
  }, 180_000);

  it('has its wire reprints grouped as wireCopyGroups groups the same texts', async () => {
    const stored = await copyOf(store);
    expect(stored).toEqual(await expectedCopyOf(store));
    const copies = [...stored.values()].filter((original) => original !== null);
    expect(copies.length).toBeGreaterThanOrEqual(20);
    // Each reprint is another outlet's, published a day or two after its original.
    const days = backend === 'sqlite' ? 'julianday(d.published_day) - julianday(o.published_day)' : 'd.published_day::date - o.published_day::date';
    const rows = await storeRows<{ copy: string; original: string; days: number }>(store, `SELECT d.source AS copy, o.source AS original, ${days} AS days FROM documents d JOIN documents o ON o.pk = d.copy_of`);
    for (const row of rows) {
      expect(row.copy).not.toBe(row.original);
      expect(row.days).toBeGreaterThanOrEqual(0);
      expect(row.days).toBeLessThanOrEqual(2);
    }
  });

  it('sends each relation its whole-corpus article and outlet counts, equal to buildSourceIndex over the corpus exported', async () => {
    const counts = await storeRows<{ id: string; sentence_count: number }>(store, 'SELECT id, sentence_count FROM relations');
    const complete = new Set(counts.filter((r) => r.sentence_count <= CORPUS_LIMITS.evidenceMax).map((r) => r.id));
    expect(complete.size).toBe(counts.length);
    const local = buildSourceIndex(withoutCorpusCounts(whole));
    let withCopies = 0;
    let severalOutlets = 0;
    for (const relation of whole.relations) {
      const sources = local.byRelation.get(relation.id)!;
      expect([relation.attributes?.[CORPUS_ATTRIBUTES.articles], relation.attributes?.[CORPUS_ATTRIBUTES.outlets]], relation.id).toEqual([sources.articleCount, sources.outletCount]);
      if (sources.copies > 0) withCopies++;
      if (sources.outletCount > 1) severalOutlets++;
    }
    // The comparison means something: copies were collapsed, and counts vary.
    expect(withCopies).toBeGreaterThan(10);
    expect(severalOutlets).toBeGreaterThan(10);
    expect(severalOutlets).toBeLessThan(whole.relations.length);
  });

  it('has a timeline with shape over its 18 months, equal to buildHistogram over the corpus exported', async () => {
    const timeline = await store.timeline();
    expect(timeline.bucket).toBe('week');
    expect(timeline.starts[0]! <= '2023-01-07').toBe(true);
    expect(timeline.starts.at(-1)! >= '2024-06-20').toBe(true);
    const totals = timeline.counts.map((row) => row.reduce((a, b) => a + b, 0));
    expect(Math.max(...totals)).toBeGreaterThan(Math.min(...totals));
    for (const bucket of [undefined, 'day', 'week', 'month'] as const) await expectTimelineMatches(store, bucket);
  });
});
