/**
 * Time and sources through a real `newsgraph serve` (a child process on a
 * real corpus file): `/api/timeline` in every bucket and by default, read by
 * the explorer's own client; every relation sent carries its whole-corpus
 * `reported` days and article/outlet counts; `minOutlets` on
 * `/api/neighbourhood` and `newsgraph query --min-outlets`; bad parameters
 * refused with one line naming the fix. On both backends.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../../src/cli/command.ts';
import { nodeIO, runCli } from '../../../src/cli/main.ts';
import { ApiErrorSchema, CORPUS_ATTRIBUTES, SubgraphResponseSchema, TimelineResponseSchema, type TimelineResponse } from '../../../src/model/corpusApi.ts';
import type { Dataset } from '../../../src/model/schema.ts';
import { validateDataset } from '../../../src/model/validate.ts';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, throwAwayDatabases } from '../store/backends.ts';
import { createCorpusClient } from '../../../src/ui/corpus/corpusClient.ts';
import { article, PUTIN, RUSSIA, smallCorpus, UKRAINE, wireStory } from '../store/corpusFixtures.ts';
import { startServe, type ServeProcess } from './serveProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-time-'));
const dist = join(dir, 'dist');
let server: ServeProcess;
const expected = new Map<string, TimelineResponse>();

beforeAll(() => {
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html>\n<html lang="en"><head><title>newsgraph</title></head><body></body></html>\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(BACKENDS)('%s', (backend) => {
const newDatabase = throwAwayDatabases();
let db: string;

beforeAll(async () => {
  db = backend === 'sqlite' ? join(dir, 'corpus.db') : await newDatabase();
  const store = backend === 'sqlite' ? SqliteCorpusStore.open(db, { create: true }) : await PostgresCorpusStore.open(db, { create: true });
  for (const dataset of smallCorpus()) await store.addDataset(dataset);
  await store.addDataset(wireStory({ id: 'wire', source: 'Wire', published: '2023-05-02' }));
  await store.addDataset(wireStory({ id: 'reprint', source: 'Courier', published: '2023-05-03', verb: 'voiced' }));
  await store.addDataset(
    article({
      id: 'herald',
      source: 'Herald',
      published: '2023-11-20',
      entities: [RUSSIA, UKRAINE, PUTIN],
      sentences: [{ text: 'Russia accused Ukraine again.', relations: [{ type: 'accused', source: 'Russia', target: 'Ukraine' }] }],
    }),
  );
  for (const bucket of ['', 'day', 'week', 'month'] as const) expected.set(bucket, await store.timeline(bucket === '' ? undefined : bucket));
  await store.close();
  server = await startServe(db, ['--dist', dist]);
  return () => server.stop();
}, 90_000);

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, server.url));
  return { status: response.status, body: (await response.json()) as unknown };
}

const dataset = async (path: string): Promise<Dataset> => {
  const { status, body } = await get(path);
  expect(status, path).toBe(200);
  const checked = validateDataset(SubgraphResponseSchema.parse(body).dataset);
  return checked.ok ? checked.dataset : expect.fail(`${path}: ${checked.problems[0]?.message}`);
};

const refused = async (path: string, pattern: RegExp) => {
  const { status, body } = await get(path);
  expect(status, path).toBe(400);
  const error = ApiErrorSchema.parse(body).error;
  expect(error).not.toContain('\n');
  expect(error).toMatch(/Fix: /);
  expect(error).toMatch(pattern);
};

describe('/api/timeline', () => {
  it('answers the store’s timeline, by default in the bucket chooseBucket picks, and in each bucket asked for', async () => {
    const byDefault = TimelineResponseSchema.parse((await get('/api/timeline')).body);
    expect(byDefault).toEqual(expected.get(''));
    expect(byDefault.bucket).toBe('week');
    expect(byDefault.starts[0]).toBe('2023-03-13');
    for (const bucket of ['day', 'week', 'month'] as const) {
      const answer = TimelineResponseSchema.parse((await get(`/api/timeline?bucket=${bucket}`)).body);
      expect(answer).toEqual(expected.get(bucket));
      expect(answer.bucket).toBe(bucket);
    }
    const month = expected.get('month')!;
    expect(month.starts).toEqual(['2023-03-01', '2023-04-01', '2023-05-01', '2023-06-01', '2023-07-01', '2023-08-01', '2023-09-01', '2023-10-01', '2023-11-01']);
    // accused: Biden → Putin in September; Russia → Ukraine in May (the wire story and its reprint) and November.
    const accused = month.types.indexOf('accused');
    expect(month.counts.map((row) => row[accused])).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 1]);
  });

  it('is read by the explorer’s corpus client', async () => {
    const client = createCorpusClient(new URL('api/', server.url).href);
    expect(await client.timeline()).toEqual(expected.get(''));
    expect(await client.timeline('month')).toEqual(expected.get('month'));
  });

  it('refuses a bad bucket, a repeated or unknown parameter, with one line naming the fix', async () => {
    await refused('/api/timeline?bucket=year', /parameter "bucket".*got "year".*Fix: give bucket=day, bucket=week, bucket=month/);
    await refused('/api/timeline?bucket=day&bucket=week', /given twice/);
    await refused('/api/timeline?from=2023-01-01', /unknown parameter "from" \(this endpoint takes bucket\)/);
  });
});

describe('relations carry their whole-corpus days and sources', () => {
  it('in the overview, a neighbourhood and the evidence', async () => {
    for (const path of ['/api/overview', '/api/neighbourhood?entity=Russia', '/api/evidence?relations=russia-accused-ukraine']) {
      const answer = await dataset(path);
      const accused = answer.relations.find((r) => r.id === 'russia-accused-ukraine')!;
      expect(accused.reported, path).toEqual([{ from: '2023-05-02', to: '2023-05-03' }, { from: '2023-11-20', to: '2023-11-20' }]);
      // Three articles, the reprint counted once: 2; outlets Wire (the reprint is its story) and Herald: 2.
      expect(accused.attributes, path).toMatchObject({ [CORPUS_ATTRIBUTES.articles]: 2, [CORPUS_ATTRIBUTES.outlets]: 2, [CORPUS_ATTRIBUTES.evidenceTotal]: 3 });
      for (const relation of answer.relations) {
        expect(relation.attributes?.[CORPUS_ATTRIBUTES.outlets], relation.id).toEqual(expect.any(Number));
      }
      for (const document of answer.documents.filter((d) => d.id === 'wire')) expect(document).toMatchObject({ source: 'Wire', published: '2023-05-02' });
    }
  });
});

describe('minOutlets', () => {
  it('keeps relations reported by at least that many outlets', async () => {
    const all = await dataset('/api/neighbourhood?entity=Russia&hops=2');
    const two = await dataset('/api/neighbourhood?entity=Russia&hops=2&minOutlets=2');
    expect(all.relations.length).toBeGreaterThan(two.relations.length);
    expect(two.relations.map((r) => r.id)).toEqual(all.relations.filter((r) => Number(r.attributes?.[CORPUS_ATTRIBUTES.outlets]) >= 2).map((r) => r.id));
    expect(two.relations.map((r) => r.id)).toContain('russia-accused-ukraine');
    const windowed = await dataset('/api/neighbourhood?entity=Russia&minOutlets=2&since=2023-11-01');
    expect(windowed.relations.map((r) => [r.id, r.evidence.map((e) => e.document)])).toEqual([['russia-accused-ukraine', ['herald']]]);
  });

  it('refuses a count that is not a whole number of 1 or more', async () => {
    await refused('/api/neighbourhood?entity=Russia&minOutlets=0', /parameter "minOutlets": must be 1 or more \(got "0"\)\. Fix: give a whole number of outlets/);
    await refused('/api/neighbourhood?entity=Russia&minOutlets=two', /parameter "minOutlets": must be a whole number \(got "two"\)/);
  });

  it('is newsgraph query --min-outlets N', async () => {
    let out = '';
    let err = '';
    const io: CommandIO = { ...nodeIO, stdout: (text) => void (out += text), stderr: (text) => void (err += text) };
    expect(await runCli(['query', '--db', db, '--entity', 'Russia', '--min-outlets', '2'], io)).toBe(0);
    const checked = validateDataset(JSON.parse(out));
    expect(checked.ok && checked.dataset.relations.map((r) => r.id)).toEqual(['russia-accused-ukraine']);
    out = '';
    expect(await runCli(['query', '--db', db, '--entity', 'Russia', '--min-outlets', 'many'], io)).toBe(2);
    expect(err.split('\n')[0]).toBe('newsgraph query: --min-outlets must be a whole number (got "many")');
  });
});
});
