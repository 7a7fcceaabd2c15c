/**
 * `newsgraph query` on a real corpus file (60 demo articles ingested): the
 * answer is a valid dataset every exporter takes; filters hold; a bad flag
 * value is one line and exit 2; an unknown entity one line with what was
 * probably meant, exit 1; a missing corpus is never created. On both
 * backends: a SQLite file and a PostgreSQL database.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoJsonLines, generateDemoArticles } from '../../../scripts/demoArticles.ts';
import { readQuery } from '../../../src/cli/commands/query.ts';
import { nodeIO, runCli } from '../../../src/cli/main.ts';
import { queryCli } from './queryCli.ts';
import { ingest } from '../../../src/ingest/ingest.ts';
import { validateDataset, type Dataset } from '../../../src/model/index.ts';
import { openCorpusStore } from '../../../src/store/open.ts';
import { BACKENDS, throwAwayDatabases } from '../store/backends.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'newsgraph-query-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dataset(text: string): Dataset {
  const checked = validateDataset(JSON.parse(text));
  if (!checked.ok) throw new Error(checked.problems[0]!.message);
  return checked.dataset;
}

describe.each(BACKENDS)('newsgraph query (%s)', (backend) => {
  const newDatabase = throwAwayDatabases();
  let db: string;
  /** The corpus's name in messages: the file's, or the database's. */
  let name: string;
  beforeAll(async () => {
    db = backend === 'sqlite' ? join(root, 'corpus.db') : await newDatabase();
    name = backend === 'sqlite' ? 'corpus.db' : new URL(db).pathname.slice(1);
    const feed = join(root, 'feed.jsonl');
    writeFileSync(feed, demoJsonLines(generateDemoArticles(60, 3)));
    await ingest(() => openCorpusStore(db, { create: true }), [feed], { workers: 2 });
  }, 120_000);
  const query = (...args: string[]) => queryCli(db, ...args);

  it('prints the neighbourhood as a valid dataset: every relation touches the entity at 1 hop, more at 2', async () => {
    const one = await query('--entity', 'russia');
    expect(one.code).toBe(0);
    expect(one.err).toBe('');
    const d1 = dataset(one.out);
    expect(d1.relations.length).toBeGreaterThan(0);
    expect(d1.relations.every((r) => r.source === 'russia' || r.target === 'russia')).toBe(true);
    expect(d1.documents.every((d) => d.published !== undefined && d.url?.startsWith('https://example.org/'))).toBe(true);
    const two = dataset((await query('--entity', 'Russia', '--hops', '2')).out);
    expect(two.relations.length).toBeGreaterThan(d1.relations.length);
  });

  it('filters by relation types and by publication date', async () => {
    const sanctions = dataset((await query('--entity', 'Russia', '--hops', '2', '--types', 'sanctioned, accused')).out);
    expect(sanctions.relations.length).toBeGreaterThan(0);
    expect(new Set(sanctions.relations.map((r) => r.type))).toEqual(new Set(['sanctioned', 'accused']));
    const dated = dataset((await query('--entity', 'Russia', '--hops', '2', '--since', '2023-06-01', '--until', '2023-12-31')).out);
    const cited = new Set(dated.relations.flatMap((r) => r.evidence.map((e) => e.document)));
    expect(cited.size).toBeGreaterThan(0);
    for (const doc of dated.documents.filter((d) => cited.has(d.id))) expect(doc.published! >= '2023-06-01' && doc.published! <= '2023-12-31').toBe(true);
    const none = await query('--entity', 'Russia', '--since', '2030-01-01');
    expect(none.code).toBe(0);
    expect(dataset(none.out).relations).toEqual([]);
    expect(none.err).toBe('note: no relation of "Russia" matches these filters; widen them (--hops 2, fewer --types, a wider --since/--until, other --text)\n');
  });

  it('writes any export format, atomically to --out, refusing to replace a file without --force', async () => {
    const out = join(root, `russia-${backend}.gexf`);
    const written = await query('--entity', 'Russia', '--format', 'gexf', '--out', out);
    expect(written.code).toBe(0);
    expect(written.err).toMatch(new RegExp(`^wrote ${out} \\(gexf, \\d+ entities, \\d+ relations\\)\\n$`));
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml[\s\S]*<gexf[\s\S]*Russia/);
    const again = await query('--entity', 'Russia', '--format', 'gexf', '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists; add --force/);
    const csv = await query('--entity', 'Russia', '--format', 'csv');
    expect(csv.out.split('\n')[0]).toMatch(/^source,type,target,/);
  });

  it('reads bad flag values as usage errors: one line and the usage, exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--entity', 'Russia', '--hops', '3'], /^newsgraph query: --hops must be 1 or 2 \(got "3"\)\n/],
      [['--entity', 'Russia', '--types', 'sanctioned,alied-with'], /^newsgraph query: --types: unknown relation type "alied-with"; did you mean "allied-with"\?/],
      [['--entity', 'Russia', '--since', '2023-02-30'], /^newsgraph query: --since must be an ISO 8601 date or date-time, e\.g\. 2023-09-21 .*\(got "2023-02-30"\)\n/],
      [['--entity', 'Russia', '--limit', 'ten'], /^newsgraph query: --limit .*\(got "ten"\)\n/],
      [['--entity', 'Russia', '--limit', '0'], /^newsgraph query: --limit must be 1 or more \(got "0"\)\n/],
      [['--entity', '  '], /^newsgraph query: --entity must name an entity \(got " {2}"\)\n/],
      [['--hops', '1'], /^newsgraph query: say which entity: --entity NAME/],
      [['--entity', 'Russia', '--format', 'pdf'], /^newsgraph query: unknown format "pdf"/],
    ];
    for (const [args, expected] of cases) {
      const result = await query(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toMatch(expected);
      expect(result.err.split('\n')).toHaveLength(3);
      expect(result.err.split('\n')[1]).toMatch(/^usage: newsgraph query --db corpus\.db --entity NAME/);
    }
  });

  it('answers an unknown entity with one line and what was probably meant, exit 1', async () => {
    const result = await query('--entity', 'Rusia');
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toMatch(new RegExp(`^no entity "Rusia" in ${name.replace('.', '\\.')}\\. Fix: did you mean "Russia".*\\n$`));
  });

  it('never creates a corpus that is not there', async () => {
    // SQLite: a file; PostgreSQL: a database of that name on the same server (checked by opening it, which must fail the same way).
    const missing = backend === 'sqlite' ? join(root, 'typo.db') : Object.assign(new URL(db), { pathname: '/ng_test_typo_never_made' }).toString();
    let err = '';
    const code = await runCli(['query', '--db', missing, '--entity', 'Russia'], { ...nodeIO, stderr: (text) => void (err += text) });
    expect(code).toBe(1);
    const shown = backend === 'sqlite' ? missing : missing.replace(`:${new URL(missing).password}@`, ':***@');
    expect(err.startsWith(`no corpus at ${shown}. Fix: build one with`), err).toBe(true);
    if (backend === 'sqlite') expect(existsSync(missing)).toBe(false);
    else expect(await runCli(['query', '--db', missing, '--entity', 'Russia'], { ...nodeIO, stderr: () => undefined })).toBe(1);
  });

  it('reads the flags through SubgraphQuerySchema', () => {
    expect(readQuery({ entity: ' Russia ', hops: '2', types: 'sanctioned, accused', limit: '50' })).toEqual({ entity: 'Russia', hops: 2, types: ['sanctioned', 'accused'], limit: 50 });
  });

  it('runs as a process: the dataset on stdout, exit 0', () => {
    const result = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'query', '--db', db, '--entity', 'Russia', '--hops', '2', '--types', 'sanctioned'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { relations } = dataset(result.stdout);
    expect(relations.length).toBeGreaterThan(0);
    expect(relations.every((r) => r.type === 'sanctioned')).toBe(true);
  }, 120_000);
});
