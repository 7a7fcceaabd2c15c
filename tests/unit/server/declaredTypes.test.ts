/**
 * Declared types through the corpus API (issue #16): a corpus holding a
 * graph file's own relation types ("supplies drones to", `related-to` for
 * untyped edges) and a node category, served over real HTTP on a real
 * corpus file. The answers carry the declarations (the explorer's own client
 * accepts them and draws the declared labels), `types=` takes a declared id
 * and refuses an unknown one with one line listing the corpus's types, and
 * `newsgraph query --types` does the same. The corpus is built as a user
 * would (`ingest`) from a dataset file shaped as the import readers make a
 * graph file's (no articles, the types declared); the same from a real CSV
 * is tests/unit/store/graphFileTypes.test.ts. On both backends.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQueryTypes } from '../../../src/cli/commands/query.ts';
import { queryCli } from '../ingest/queryCli.ts';
import { ingest } from '../../../src/ingest/ingest.ts';
import { ApiErrorSchema, CorpusInfoSchema, SearchResponseSchema, TimelineResponseSchema } from '../../../src/model/corpusApi.ts';
import { BUILT_IN_RELATION_TYPE_IDS, typeCatalog, validateDataset, type Dataset } from '../../../src/model/index.ts';
import { startCorpusServer, type CorpusServer } from '../../../src/server/corpusServer.ts';
import type { CorpusStore } from '../../../src/store/corpusStore.ts';
import { openCorpusStore } from '../../../src/store/open.ts';
import { createCorpusClient } from '../../../src/ui/corpus/corpusClient.ts';
import { BACKENDS, throwAwayDatabases } from '../store/backends.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-types-'));
const dist = join(dir, 'dist');
let store: CorpusStore;
let server: CorpusServer;
const failures: string[] = [];

const DRONES = 'supplies-drones-to';
const entity = (label: string, type: string) => ({ id: label.toLowerCase().replace(/ /g, '-'), label, type, aliases: [], mentions: [] });
const relation = (source: string, type: string, target: string) => ({ id: `${source}-${type}-${target}`, type, source, target, evidence: [] });
/** A graph file's dataset: one free-text relation name, untyped edges as `related-to`, a node category. */
const GRAPH: Dataset = {
  version: 1,
  title: 'drones',
  relationTypes: [
    { id: DRONES, label: 'supplies drones to', directed: true },
    { id: 'related-to', label: 'related to', directed: false },
  ],
  entityTypes: [{ id: 'militia', label: 'Militia' }],
  documents: [],
  entities: [entity('Iran', 'country'), entity('Belarus', 'country'), entity('Russia', 'country'), entity('Wagner Group', 'militia')],
  relations: [relation('iran', DRONES, 'russia'), relation('belarus', DRONES, 'russia'), relation('russia', 'related-to', 'wagner-group'), relation('iran', 'related-to', 'belarus')],
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(BACKENDS)('%s', (backend) => {
const newDatabase = throwAwayDatabases();
let db: string;

beforeAll(async () => {
  db = backend === 'sqlite' ? join(dir, 'corpus.db') : await newDatabase();
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html>\n<html lang="en"><head><title>newsgraph</title></head><body></body></html>\n');
  const file = join(dir, 'drones.json');
  writeFileSync(file, JSON.stringify(GRAPH));
  const summary = await ingest(() => openCorpusStore(db, { create: true }), [file], { workers: 1, onFailure: (f) => failures.push(`${f.origin}: ${f.reason}`) });
  expect(failures).toEqual([]);
  expect(summary.datasets).toBe(1);
  store = await openCorpusStore(db, { create: false });
  server = await startCorpusServer({ store, dist, host: '127.0.0.1', port: 0, log: () => {} });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
});

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, server.url));
  return { status: response.status, body: (await response.json()) as unknown };
}


describe('declared types through newsgraph serve', () => {
  it('lists the corpus’s declared types in /api/corpus', async () => {
    const info = CorpusInfoSchema.parse((await get('/api/corpus')).body);
    const drones = info.relationTypes?.find((d) => d.label === 'supplies drones to');
    expect(drones).toMatchObject({ directed: true });
    expect(drones!.color).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(info.relationTypes?.find((d) => d.id === 'related-to')).toMatchObject({ label: 'related to' });
  });

  it('sends a neighbourhood with the declarations, which the explorer’s client accepts and labels', async () => {
    const client = createCorpusClient(new URL('/api/', server.url).href);
    const { dataset } = await client.neighbourhood('Russia', 1);
    const id = DRONES;
    const catalog = typeCatalog(dataset);
    expect(new Set(dataset.relations.map((r) => r.type))).toEqual(new Set([id, 'related-to']));
    expect(catalog.relation(id)).toMatchObject({ builtIn: false, label: 'supplies drones to', directed: true });
    expect(catalog.relationPhrase(id)).toBe('supplies drones to');
    const drones = dataset.relations.filter((r) => r.type === id);
    expect(drones.map((r) => `${r.source}→${r.target}`).sort()).toEqual(['belarus→russia', 'iran→russia']);
    expect(catalog.relation('related-to')).toMatchObject({ label: 'related to', directed: false });
    expect(catalog.entity('militia')).toMatchObject({ builtIn: false, label: 'Militia' });
  });

  it('filters by a declared type, and refuses an unknown one in one line that lists the corpus’s types', async () => {
    const id = DRONES;
    const answer = await get(`/api/neighbourhood?entity=Russia&types=${encodeURIComponent(id)}`);
    expect(answer.status).toBe(200);
    const checked = validateDataset((answer.body as { dataset: unknown }).dataset);
    if (!checked.ok) expect.fail(checked.problems[0]!.message);
    const dataset: Dataset = checked.dataset;
    expect(dataset.relations.length).toBe(2);
    expect(dataset.relations.every((r) => r.type === id)).toBe(true);
    expect(dataset.relationTypes!.map((d) => d.id)).toEqual([id]);

    const refused = await get('/api/neighbourhood?entity=Russia&types=sanctioned,supplies-drone-to');
    expect(refused.status).toBe(400);
    const { error } = ApiErrorSchema.parse(refused.body);
    expect(error).toMatch(new RegExp(`^parameter "types": unknown relation type "supplies-drone-to"; did you mean "${id}"\\? \\(got "sanctioned,supplies-drone-to"\\)\\. Fix: give relation types separated by commas, from: allied-with, `));
    expect(error).toContain(`, ${id}, related-to`);
    expect(error).not.toContain('\n');
  });

  it('sends the whole catalog in the timeline and the declarations with search hits', async () => {
    const id = DRONES;
    const timeline = TimelineResponseSchema.parse((await get('/api/timeline')).body);
    expect(timeline.types.slice(0, BUILT_IN_RELATION_TYPE_IDS.length)).toEqual([...BUILT_IN_RELATION_TYPE_IDS]);
    expect(new Set(timeline.types.slice(BUILT_IN_RELATION_TYPE_IDS.length))).toEqual(new Set([id, 'related-to']));
    expect(timeline.relationTypes!.map((d) => d.id)).toEqual(timeline.types.slice(BUILT_IN_RELATION_TYPE_IDS.length));
    // A graph without articles has no reporting days: its relations are undated, per type.
    expect(timeline.undated[timeline.types.indexOf(id)]).toBe(2);
    expect(timeline.undated[timeline.types.indexOf('related-to')]).toBe(2);

    const search = SearchResponseSchema.parse((await get('/api/search?q=Wagner')).body);
    expect(search.entities.map((e) => e.label)).toEqual(['Wagner Group']);
    expect(search.entities[0]!.type).toBe('militia');
    expect(search.entityTypes).toEqual([expect.objectContaining({ id: 'militia', label: 'Militia' })]);
  });
});

describe('newsgraph query --types with a declared type', () => {
  const query = (...args: string[]) => queryCli(db, ...args);

  it('takes a declared id present in the corpus and writes its declaration', async () => {
    const id = DRONES;
    const result = await query('--entity', 'Russia', '--types', id);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const dataset = JSON.parse(result.out) as Dataset;
    expect(dataset.relations.map((r) => r.type)).toEqual([id, id]);
    expect(dataset.relationTypes).toEqual([expect.objectContaining({ id, label: 'supplies drones to', directed: true })]);
  });

  it('refuses a type the corpus does not know, one line and the usage, exit 2', async () => {
    const result = await query('--entity', 'Russia', '--types', 'related-too');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^newsgraph query: --types: unknown relation type "related-too"; did you mean "related-to"\? \(comma-separated, from: allied-with, .*, related-to\)\n/);
    expect(result.err.split('\n')).toHaveLength(3);
  });

  it('checks against the catalog given: a declared id is unknown to a corpus without it', () => {
    expect(() => checkQueryTypes(['related-to'], typeCatalog())).toThrow(/unknown relation type "related-to"/);
    expect(() => checkQueryTypes(['related-to', 'met-with'], typeCatalog({ relationTypes: [{ id: 'related-to', label: 'related to', directed: false }] }))).not.toThrow();
    expect(() => checkQueryTypes(undefined, typeCatalog())).not.toThrow();
  });
});
});
