/**
 * Four `newsgraph ingest` processes at once on one PostgreSQL database
 * (issue 19, item 3): real child processes (`npx tsx src/cli/main.ts`), on
 * overlapping feeds in different orders, into a new database that all four
 * migrate at once. The corpus must be the one a single process makes from
 * the union: no duplicate document, entity or relation, no lost sentence,
 * mention, alias or counter.
 *
 * Compared by content, ids aside: which process first adds a record decides
 * who gets an id and who its `-2` (two entities whose labels slug alike), and
 * the pk order decides the order of a symmetric relation's ends; neither is
 * a difference of the corpus. Counters are compared with a recount.
 *
 * PostgreSQL only: several writers at once is what that backend is for (a
 * SQLite file takes one writer at a time by its lock).
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { demoJsonLines, generateDemoArticles } from '../../../scripts/demoArticles.ts';
import type { Dataset } from '../../../src/model/schema.ts';
import { typeCatalog } from '../../../src/model/typeCatalog.ts';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { throwAwayDatabases } from './backends.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const newDatabase = throwAwayDatabases();

function ingest(feed: string, db: string): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', 'ingest', feed, '--db', db], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.on('close', (code) => resolve({ code, err }));
  });
}

/** The corpus as sorted lines that name records by content, not by id (see the header). */
function canonical(dataset: Dataset): string[] {
  const catalog = typeCatalog(dataset);
  const text = new Map(dataset.documents.map((d) => [d.id, d.text]));
  const entityKey = new Map(dataset.entities.map((e) => [e.id, `${e.type}:${e.label}`]));
  const span = (m: { document: string; start: number; end: number }) => `${text.get(m.document)!.slice(0, 40)}@${m.start}-${m.end}`;
  const lines: string[] = [];
  for (const d of dataset.documents) lines.push(`document ${JSON.stringify([d.title, d.text, d.source ?? null, d.published ?? null, d.url ?? null])}`);
  for (const e of dataset.entities) lines.push(`entity ${entityKey.get(e.id)} aliases=${[...e.aliases].sort().join('|')} mentions=${e.mentions.map(span).sort().join(',')} ${JSON.stringify(e.attributes ?? {})}`);
  for (const r of dataset.relations) {
    let ends = [entityKey.get(r.source)!, entityKey.get(r.target)!];
    if (!catalog.relation(r.type).directed) ends = ends.sort();
    lines.push(`relation ${r.type} ${ends.join(' → ')} negated=${r.negated === true} hedged=${r.hedged} evidence=${r.evidence.map(span).sort().join(',')}`);
  }
  return lines.sort();
}

describe('four ingest processes at once on one PostgreSQL database', () => {
  it('make the corpus one process makes: no duplicates, nothing lost, counters right', async () => {
    const articles = generateDemoArticles(160, 7);
    // Overlapping quarters (each shares half its articles with the next), two of them backwards.
    const feeds = [0, 1, 2, 3].map((i) => {
      const part = articles.slice(i * 30, i * 30 + 70);
      const path = join(dir, `feed-${i}.jsonl`);
      writeFileSync(path, demoJsonLines(i % 2 === 1 ? [...part].reverse() : part));
      return path;
    });
    const union = articles.slice(0, 3 * 30 + 70);
    const all = join(dir, 'all.jsonl');
    writeFileSync(all, demoJsonLines(union));

    const together = await newDatabase();
    const runs = await Promise.all(feeds.map((feed) => ingest(feed, together)));
    for (const run of runs) expect(run.err.split('\n').filter((line) => /error|fail/i.test(line)), run.err).toEqual([]);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0]);
    const alone = await newDatabase();
    expect((await ingest(all, alone)).code).toBe(0);

    const a = await PostgresCorpusStore.open(together, { create: false });
    const b = await PostgresCorpusStore.open(alone, { create: false });
    try {
      const [infoA, infoB] = [await a.info(), await b.info()];
      expect(infoA.documents).toBe(union.length);
      expect({ ...infoA, title: '' }).toEqual({ ...infoB, title: '' });
      expect(canonical(await a.exportAll())).toEqual(canonical(await b.exportAll()));
      // Counters written as `x = x + n` by four writers equal a recount.
      for (const store of [a, b]) {
        expect(await store.connection.rows('SELECT pk FROM entities e WHERE degree <> (SELECT count(*) FROM relations r WHERE r.source = e.pk OR r.target = e.pk)')).toEqual([]);
        expect(await store.connection.rows('SELECT pk FROM relations r WHERE sentence_count <> (SELECT count(*) FROM evidence e WHERE e.relation = r.pk)')).toEqual([]);
        expect(
          await store.connection.rows('SELECT pk FROM documents d WHERE relation_count <> (SELECT count(DISTINCT e.relation) FROM sentences s JOIN evidence e ON e.sentence = s.pk WHERE s.document = d.pk)'),
        ).toEqual([]);
      }
      // Wire copies: the same groups, by text.
      const groups = async (store: PostgresCorpusStore) =>
        (await store.connection.rows<{ copy: string; original: string }>('SELECT d.content_hash AS copy, o.content_hash AS original FROM documents d JOIN documents o ON o.pk = d.copy_of')).map((r) => `${r.copy}→${r.original}`).sort();
      expect(await groups(a)).toEqual(await groups(b));
    } finally {
      await a.close();
      await b.close();
    }
  }, 300_000);
});
