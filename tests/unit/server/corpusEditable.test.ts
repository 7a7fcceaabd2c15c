/**
 * `/api/corpus` says whether the server takes edits: the explorer shows its
 * edit controls only where it does (`serve --allow-edits`). Two real servers
 * on one small corpus: a SQLite file, and a PostgreSQL database.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusInfoSchema } from '../../../src/model/corpusApi.ts';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, throwAwayDatabases } from '../store/backends.ts';
import { smallCorpus } from '../store/corpusFixtures.ts';
import { startServe, type ServeProcess } from './serveProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-editable-test-'));
const dist = join(dir, 'dist');

let writable: ServeProcess;
let readOnly: ServeProcess;

beforeAll(() => {
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html>\n<title>newsgraph</title>\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(BACKENDS)('%s', (backend) => {
const newDatabase = throwAwayDatabases();

beforeAll(async () => {
  const db = backend === 'sqlite' ? join(dir, 'corpus.db') : await newDatabase();
  const store = backend === 'sqlite' ? SqliteCorpusStore.open(db, { create: true }) : await PostgresCorpusStore.open(db, { create: true });
  for (const dataset of smallCorpus()) await store.addDataset(dataset);
  await store.close();
  [writable, readOnly] = await Promise.all([startServe(db, ['--dist', dist, '--allow-edits']), startServe(db, ['--dist', dist])]);
  return () => Promise.all([writable.stop(), readOnly.stop()]).then(() => undefined);
}, 90_000);

const info = async (server: ServeProcess) => CorpusInfoSchema.parse(await (await fetch(new URL('/api/corpus', server.url))).json());

describe('/api/corpus', () => {
  it('says editable: true on a server started with --allow-edits', async () => {
    expect(await info(writable)).toMatchObject({ api: 1, editable: true });
  });

  it('says editable: false on a read-only server', async () => {
    expect(await info(readOnly)).toMatchObject({ api: 1, editable: false });
  });
});
});
