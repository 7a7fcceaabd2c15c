/**
 * The scale benchmark's corpus is a real corpus: the synthetic rows are
 * exact (offsets, counts, days), and a database loaded with COPY is one the
 * store reads, validates, searches and goes on ingesting into. The load runs
 * against the PostgreSQL test server (tests/unit/store/backends.ts), never
 * skipped.
 */

import { describe, expect, it } from 'vitest';
import { bulkLoad } from '../../../bench/pgBulkLoad.ts';
import { entityOf, generateCorpus, TOPICS } from '../../../bench/syntheticNews.ts';
import { SubgraphQuerySchema } from '../../../src/model/corpusApi.ts';
import { dayNumber } from '../../../src/model/days.ts';
import type { Dataset } from '../../../src/model/schema.ts';
import { validateDataset } from '../../../src/model/validate.ts';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { throwAwayDatabases } from '../store/backends.ts';

describe('the synthetic news corpus', () => {
  it('has exact offsets, exact counts and distinct sorted reporting days', async () => {
    const texts = new Map<number, string>();
    const sentences: Array<[number, number, number, number, string]> = [];
    const mentions: Array<[number, number, number, number]> = [];
    const evidence: Array<[number, number]> = [];
    const days: Array<[number, number]> = [];
    const shape = await generateCorpus(3_000, {
      document: (row) => void texts.set(row[0], row[3]),
      sentence: (row) => void sentences.push(row),
      mention: (row) => void mentions.push(row),
      evidence: (row) => void evidence.push(row),
      reportedDay: (row) => void days.push(row),
    });
    expect(shape.relations).toBe(3_000);
    expect(texts.size).toBe(shape.documents);
    expect(sentences.length).toBe(shape.sentences);
    for (const [, document, start, end, text] of sentences) expect(texts.get(document)!.slice(start, end)).toBe(text);
    for (const [document, start, end, entity] of mentions) expect(texts.get(document)!.slice(start, end)).toBe(entityOf(entity - 1).label);
    // One relation per sentence; the counts the relation rows carry are the evidence rows.
    expect(evidence.length).toBe(shape.sentences);
    const perRelation = new Map<number, number>();
    for (const [relation] of evidence) perRelation.set(relation, (perRelation.get(relation) ?? 0) + 1);
    expect(perRelation.size).toBe(3_000);
    for (const [relation, count] of perRelation) expect(shape.sentenceCount[relation - 1]).toBe(count);
    expect(shape.degree.reduce((a, b) => a + b, 0)).toBe(2 * 3_000);
    expect(new Set(days.map(([r, d]) => `${r}:${d}`)).size).toBe(days.length);
    expect(Math.min(...days.map(([, d]) => d))).toBe(dayNumber('2023-01-01'));
    // A heavy tail: the first entity is in many more relations than the median one.
    const sorted = [...shape.degree].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(20 * sorted[Math.floor(sorted.length / 2)]!);
  });
});

describe('a corpus bulk-loaded with COPY (PostgreSQL)', () => {
  const newDatabase = throwAwayDatabases();

  it('is a valid corpus the store answers from and keeps ingesting into', async () => {
    const url = await newDatabase();
    await (await PostgresCorpusStore.open(url, { create: true })).close();
    const figures = await bulkLoad(url, 2_000, () => undefined);
    expect(figures.shape.relations).toBe(2_000);
    const store = await PostgresCorpusStore.open(url, { create: false });
    try {
      const info = await store.info();
      expect(info.documents).toBe(figures.shape.documents);
      expect(info.relations).toBe(2_000);
      // The indexes and keys dropped for the load are back, as the migrations made them.
      const indexes = (await store.connection.rows<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'")).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['relations_from', 'relations_to', 'sentences_words', 'mentions_by_entity', 'evidence_by_sentence', 'documents_by_day']));
      const keys = await store.connection.row<{ n: number }>("SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f'");
      expect(keys!.n).toBeGreaterThanOrEqual(10);

      const all = await store.exportAll();
      const checked = validateDataset(all);
      expect(checked.ok ? [] : checked.problems.slice(0, 3)).toEqual([]);
      expect(all.relations.length).toBe(2_000);

      const hub = await store.subgraph(SubgraphQuerySchema.parse({ entity: 'e0', hops: '1' }));
      expect((hub.dataset as Dataset).relations.length).toBe(figures.shape.degree[0]);
      const found = await store.search(TOPICS.find((w) => all.documents.some((d) => d.text.includes(` ${w} `)))!, 5);
      expect(found.evidence.length).toBeGreaterThan(0);

      // The identities continue past the loaded keys: an ingest after the load adds, it does not collide.
      const before = await store.info();
      const text = 'Kalo Land accused Newcomer Council over the test dispute.';
      const report = await store.addDataset({
        version: 1,
        documents: [{ id: 'after-load', title: 'After the load', text, published: '2025-02-01' }],
        entities: [
          { id: 'a', label: 'Kalo Land', type: 'country', aliases: [], mentions: [{ document: 'after-load', start: 0, end: 9 }] },
          { id: 'b', label: 'Newcomer Council', type: 'organisation', aliases: [], mentions: [{ document: 'after-load', start: 18, end: 34 }] },
        ],
        relations: [{ id: 'r', type: 'accused', source: 'a', target: 'b', evidence: [{ document: 'after-load', start: 0, end: text.length }] }],
      });
      expect(report).toMatchObject({ documentsAdded: 1, relationsAdded: 1, sentencesAdded: 1 });
      expect((await store.info()).documents).toBe(before.documents + 1);
    } finally {
      await store.close();
    }
  }, 120_000);
});
