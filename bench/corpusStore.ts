/**
 * Benchmark: the SQLite corpus store at newsroom scale
 * ====================================================
 *
 * Builds a synthetic corpus of about 10,000 articles and 1,000,000
 * relations through the store itself (`addDatasets`: the same rules as
 * `addDataset`, many articles per transaction), then times what the
 * explorer asks of it: 1-hop and 2-hop neighbourhoods of random entities,
 * and a full-text search of the sentences, p50 and p95 over many questions.
 * Also the bulk load rate and the file size per 1,000 articles.
 *
 * Articles: 50 sentences of two relations each ("A met with B over the
 * ravo dispute, and C accused D."), ends drawn with a heavy tail (a few
 * actors in many articles, as in news), dated over two years, one in twenty
 * undated. Every article is a valid dataset with exact offsets.
 *
 * NEWSGRAPH_BENCH_CORPUS_ARTICLES sets the size (default 10000); the
 * relation count scales with it.
 */

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_LIMITS, SubgraphQuerySchema } from '../src/model/corpusApi.ts';
import { BUILT_IN_ENTITY_TYPE_IDS } from '../src/model/entityTypes.ts';
import { BUILT_IN_RELATION_TYPE_IDS, BUILT_IN_RELATION_TYPES } from '../src/model/relationTypes.ts';
import type { Dataset, Entity, Relation } from '../src/model/schema.ts';
import { seededRandom } from '../src/model/seededRandom.ts';
import { SqliteCorpusStore } from '../src/store/sqlite/sqliteStore.ts';
import { row, timeEach, type BenchRow } from './measure.ts';
import { word } from './syntheticNews.ts';

const SENTENCES_PER_ARTICLE = 50;
const RELATIONS_PER_SENTENCE = 2;
const ENTITIES_PER_ARTICLE = 6;
const BATCH = 250;
const QUERIES = 200;
const OUTLETS = ['Northern Courier', 'Harbour Times', 'Valley Post', 'Evening Ledger', 'Wire Service'];
const SUFFIX: Record<string, string> = { country: 'Land', person: 'Ivanov', organisation: 'Council', group: 'Front', place: 'Harbour', event: 'Summit' };

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Topic words of the sentences: what a full-text search looks for. */
const VOCABULARY = Array.from({ length: 2_000 }, (_, i) => word(i + 5_000));

function entityLabel(index: number): { label: string; type: (typeof BUILT_IN_ENTITY_TYPE_IDS)[number] } {
  const type = BUILT_IN_ENTITY_TYPE_IDS[index % BUILT_IN_ENTITY_TYPE_IDS.length]!;
  return { label: `${capital(word(index))} ${SUFFIX[type]}`, type };
}

/** One article as a dataset: sentences of two relations, mentions at exact offsets. */
export function syntheticArticle(index: number, entityCount: number, random: () => number): Dataset {
  const documentId = `article-${index}`;
  // A heavy tail: low indices are the few actors most articles name.
  const pick = () => Math.floor(entityCount * random() ** 3);
  const entities = new Map<number, Entity>();
  const entity = (i: number): Entity => {
    let held = entities.get(i);
    if (!held) {
      const { label, type } = entityLabel(i);
      held = { id: `e${i}`, label, type, aliases: [], mentions: [] };
      entities.set(i, held);
    }
    return held;
  };
  const relations: Relation[] = [];
  let text = '';
  for (let s = 0; s < SENTENCES_PER_ARTICLE; s++) {
    if (text) text += ' ';
    const start = text.length;
    const clauses: Array<{ a: Entity; b: Entity; type: (typeof BUILT_IN_RELATION_TYPE_IDS)[number]; at: [number, number, number, number] }> = [];
    let sentence = '';
    for (let c = 0; c < RELATIONS_PER_SENTENCE; c++) {
      const a = entity(pick());
      let bi = pick();
      if (entity(bi) === a) bi = (bi + 1) % entityCount;
      const b = entity(bi);
      const type = BUILT_IN_RELATION_TYPE_IDS[Math.floor(random() * BUILT_IN_RELATION_TYPE_IDS.length)]!;
      if (c > 0) sentence += ', and ';
      const aStart = start + sentence.length;
      sentence += `${a.label} ${BUILT_IN_RELATION_TYPES[type].label} `;
      const bStart = start + sentence.length;
      sentence += b.label;
      if (c === 0) sentence += ` over the ${VOCABULARY[Math.floor(random() * VOCABULARY.length)]} dispute`;
      clauses.push({ a, b, type, at: [aStart, aStart + a.label.length, bStart, bStart + b.label.length] });
    }
    sentence += '.';
    text += sentence;
    const end = start + sentence.length;
    for (const { a, b, type, at } of clauses) {
      a.mentions.push({ document: documentId, start: at[0], end: at[1] });
      b.mentions.push({ document: documentId, start: at[2], end: at[3] });
      const id = `${a.id}-${type}-${b.id}`;
      const held = relations.find((r) => r.id === id);
      if (held) held.evidence.push({ document: documentId, start, end });
      else relations.push({ id, type, source: a.id, target: b.id, evidence: [{ document: documentId, start, end }], ...(random() < 0.1 ? { hedged: true } : {}) });
    }
  }
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
  const document: Dataset['documents'][number] = {
    id: documentId,
    title: `Synthetic article ${index}`,
    text,
    source: OUTLETS[index % OUTLETS.length]!,
    url: `https://news.example/${index}`,
  };
  if (random() >= 0.05) document.published = day;
  return { version: 1, documents: [document], entities: [...entities.values()], relations };
}

export async function benchCorpusStore(): Promise<BenchRow[]> {
  const articles = Math.max(100, Number(process.env.NEWSGRAPH_BENCH_CORPUS_ARTICLES ?? 10_000) || 10_000);
  const entityCount = articles * ENTITIES_PER_ARTICLE;
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-corpus-'));
  const path = join(dir, 'corpus.db');
  try {
    const store = SqliteCorpusStore.open(path, { create: true });
    const random = seededRandom(13);
    const loadStart = performance.now();
    for (let first = 0; first < articles; first += BATCH) {
      const batch: Dataset[] = [];
      for (let i = first; i < Math.min(articles, first + BATCH); i++) batch.push(syntheticArticle(i, entityCount, random));
      const { failed } = await store.addDatasets(batch, { ingestedAt: '2025-01-01T00:00:00Z' });
      if (failed.length > 0) throw failed[0]!.error;
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    store.connection.pragma('wal_checkpoint(TRUNCATE)');
    const info = await store.info();
    const bytes = statSync(path).size;
    const size = `${info.documents.toLocaleString('en-US')} articles, ${info.relations.toLocaleString('en-US')} relations`;

    // Questions: entities drawn uniformly from those with relations (most have few, as in news); hubs separately.
    const ask = seededRandom(7);
    const ids = (store.connection.prepare('SELECT id FROM entities WHERE degree > 0').all() as Array<{ id: string }>).map((r) => r.id);
    const hubs = (store.connection.prepare('SELECT id FROM entities ORDER BY degree DESC LIMIT 20').all() as Array<{ id: string }>).map((r) => r.id);
    const entities = Array.from({ length: QUERIES }, () => ids[Math.floor(ask() * ids.length)]!);
    const words = Array.from({ length: QUERIES }, () => VOCABULARY[Math.floor(ask() * VOCABULARY.length)]!);
    const query = (entity: string, hops: '1' | '2') => SubgraphQuerySchema.parse({ entity, hops });
    const at = <T>(list: T[], i: number) => list[Math.max(0, i) % list.length]!;

    const hop1 = await timeEach(QUERIES, (i) => store.subgraph(query(at(entities, i), '1')));
    const hop1Hubs = await timeEach(hubs.length, (i) => store.subgraph(query(at(hubs, i), '1')));
    const hop2 = await timeEach(QUERIES / 2, (i) => store.subgraph(query(at(entities, i), '2')));
    const windowed = await timeEach(QUERIES, (i) => store.subgraph(SubgraphQuerySchema.parse({ entity: at(entities, i), since: '2023-06-01', until: '2023-08-31' })));
    const search = await timeEach(QUERIES, (i) => store.search(at(words, i), CORPUS_LIMITS.searchDefault));
    const searchCommon = await timeEach(20, () => store.search('accused', CORPUS_LIMITS.searchDefault));
    await store.close();

    const latency = (metric: string, figures: { p50: number; p95: number }, budget?: number) => [
      row({ section: 'corpus', size, metric: `${metric} p50`, unit: 'ms', value: figures.p50 }),
      row({
        section: 'corpus',
        size,
        metric: `${metric} p95`,
        unit: 'ms',
        value: figures.p95,
        ...(budget === undefined ? {} : { budget: `< ${budget} ms`, withinBudget: figures.p95 < budget }),
      }),
    ];
    return [
      row({ section: 'corpus', size, metric: 'bulk load (addDatasets)', unit: 'articles/s', value: info.documents / loadSeconds }),
      row({ section: 'corpus', size, metric: 'bulk load (addDatasets)', unit: 'relations/s', value: info.relations / loadSeconds }),
      row({ section: 'corpus', size, metric: 'database size per 1,000 articles', unit: 'MB', value: bytes / 1e6 / (info.documents / 1000) }),
      ...latency('1-hop neighbourhood (random entity)', hop1, 50),
      ...latency('1-hop neighbourhood (top-20 hubs)', hop1Hubs),
      ...latency('2-hop neighbourhood (random entity)', hop2),
      ...latency('1-hop, 3-month window', windowed),
      ...latency('full-text search (a topic word)', search),
      ...latency('full-text search ("accused", in 1 of 8 sentences)', searchCommon),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
