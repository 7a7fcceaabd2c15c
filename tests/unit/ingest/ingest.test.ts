/**
 * `ingest()` into real SQLite files: the same corpus row for row whatever
 * the number of worker threads; a second run adds nothing; a text given
 * twice is extracted once; mixed inputs (text, markdown, JSON Lines, a
 * graph) go in with their url, outlet and date, while bad files and lines
 * are failures that do not stop the run. SQLite only: it compares the
 * files table by table (corpusFile.ts); on PostgreSQL the same ingest path
 * runs in the store suites, and several at once in
 * store/concurrentIngest.test.ts.
 */

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { demoJsonLines, generateDemoArticles } from '../../../scripts/demoArticles.ts';
import { ExtractPool, startModuleWorker, WorkerStartError } from '../../../src/ingest/extractPool.ts';
import { ingest, type IngestOptions, type IngestSummary } from '../../../src/ingest/ingest.ts';
import { openCorpusStore } from '../../../src/store/open.ts';
import { corpusProblems, countRows, dumpCorpus } from './corpusFile.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'newsgraph-ingest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(db: string, paths: string[], options: Partial<IngestOptions> = {}): Promise<IngestSummary> {
  return ingest(() => openCorpusStore(db, { create: true }), paths, { workers: 2, ...options });
}

describe('ingest', () => {
  const feed = join(root, 'feed.jsonl');
  writeFileSync(feed, demoJsonLines(generateDemoArticles(60, 7)));

  it('builds the same corpus, row for row, with 1 or 3 worker threads', async () => {
    // The same file name in two folders: the corpus title is made from it.
    mkdirSync(join(root, 'one'));
    mkdirSync(join(root, 'three'));
    const one = join(root, 'one', 'corpus.db');
    const three = join(root, 'three', 'corpus.db');
    const a = await run(one, [feed], { workers: 1 });
    const b = await run(three, [feed], { workers: 3 });
    expect(a).toMatchObject({ total: 60, articles: 60, held: 0, extracted: 60, failures: [] });
    expect(a.relationsAdded).toBeGreaterThan(50);
    expect({ ...b, elapsedMs: 0 }).toEqual({ ...a, elapsedMs: 0 });
    expect(corpusProblems(one)).toEqual([]);
    expect(dumpCorpus(three)).toEqual(dumpCorpus(one));
  }, 120_000);

  it('adds nothing the second time: every text is already held, none is extracted again', async () => {
    const db = join(root, 'again.db');
    await run(db, [feed]);
    const before = dumpCorpus(db);
    const again = await run(db, [feed]);
    expect(again).toMatchObject({ articles: 0, held: 60, extracted: 0, entitiesAdded: 0, relationsAdded: 0, sentencesAdded: 0, failures: [] });
    expect(dumpCorpus(db)).toEqual(before);
  }, 120_000);

  it('extracts a text given twice in one run once, and counts the second as held', async () => {
    const dir = join(root, 'twice');
    mkdirSync(dir);
    const text = 'France held talks with Germany in Berlin on Monday. The European Union imposed sanctions on Belarus.';
    writeFileSync(join(dir, 'a.txt'), `Talks\n${text}`);
    writeFileSync(join(dir, 'b.jsonl'), `${JSON.stringify({ title: 'Talks', text: `Talks\n${text}` })}\n${JSON.stringify({ text })}\n${JSON.stringify({ text })}\n`);
    const summary = await run(join(root, 'twice.db'), [dir]);
    expect(summary).toMatchObject({ total: 4, articles: 2, held: 2, extracted: 2, failures: [] });
  }, 60_000);

  it('stops the run when no extraction worker can start, leaving the corpus consistent', async () => {
    const broken = join(root, 'broken.worker.ts');
    writeFileSync(broken, "throw new Error('this entry is broken');\n");
    const db = join(root, 'broken.db');
    const run = ingest(() => openCorpusStore(db, { create: true }), [feed], {
      workers: 2,
      createPool: (workers) => new ExtractPool(workers, () => startModuleWorker(pathToFileURL(broken))),
    });
    await expect(run).rejects.toThrow(WorkerStartError);
    await expect(run).rejects.toThrow(/^cannot start the extraction worker threads: this entry is broken\. Fix: /);
    expect(countRows(db, 'documents')).toBe(0);
    expect(corpusProblems(db)).toEqual([]);
  }, 60_000);

  it('takes text, markdown, JSON Lines and graphs together, keeps url, outlet and date, and goes on past failures', async () => {
    const dir = join(root, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, '1-note.md'), '---\ntitle: EU widens Belarus sanctions\nurl: https://example.org/eu-belarus\nsource: Demo Wire\npublished: 2024-02-01\n---\nThe European Union imposed sanctions on Belarus over a crackdown on protesters.\n');
    writeFileSync(join(dir, '2-plain.txt'), 'Talks in Berlin\nFrance held talks with Germany in Berlin on Monday.\n');
    writeFileSync(join(dir, '3-feed.jsonl'), `${JSON.stringify({ title: 'Japan urges China', text: 'Japan urged China to return to negotiations.', source: 'Sample Herald', published: '2024-02-03' })}\n{broken\n`);
    writeFileSync(join(dir, '4-bad-date.md'), '---\npublished: yesterday\n---\nKenya accused Sudan of violations of the ceasefire.\n');
    copyFileSync(join(FIXTURES, 'gephi-0.10.gexf'), join(dir, '5-graph.gexf'));
    writeFileSync(join(dir, '6-not-a-dataset.json'), '{"version": 1, "documents": []}');
    const failures: string[] = [];
    const progress: number[] = [];
    const db = join(root, 'mixed.db');
    const summary = await run(db, [dir], { onFailure: (f) => failures.push(f.origin), onProgress: (p) => progress.push(p.done) });
    // Files are read in order first; a graph file only when its turn comes to be written.
    expect(failures).toEqual([`${join(dir, '3-feed.jsonl')}:2`, join(dir, '4-bad-date.md'), join(dir, '6-not-a-dataset.json')]);
    expect(summary.failures.map((f) => f.origin)).toEqual(failures);
    expect(summary.failures[1]!.reason).toMatch(/"published: yesterday" in the front matter is not a real date\. Fix: /);
    expect(summary.failures[2]!.reason).toMatch(/Fix: /);
    expect(summary).toMatchObject({ total: 5, articles: 3, datasets: 1, held: 0 });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(corpusProblems(db)).toEqual([]);

    const store = await openCorpusStore(db, { create: false });
    try {
      const { documents } = await store.documents(0, 10);
      expect(documents.map((d) => [d.title, d.source, d.url, d.published])).toEqual(
        expect.arrayContaining([
          ['EU widens Belarus sanctions', 'Demo Wire', 'https://example.org/eu-belarus', '2024-02-01'],
          ['Japan urges China', 'Sample Herald', undefined, '2024-02-03'],
          ['Talks in Berlin', undefined, undefined, undefined],
        ]),
      );
      const belarus = await store.subgraph({ entity: 'Belarus', hops: 1, limit: 100 });
      expect(JSON.stringify(belarus.dataset)).toContain('sanctioned');
    } finally {
      await store.close();
    }
  }, 60_000);
});
