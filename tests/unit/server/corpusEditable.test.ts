/**
 * `/api/corpus` says whether the server takes edits: the explorer shows its
 * edit controls only where it does (`serve --allow-edits`). Two real servers
 * on one small corpus file.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusInfoSchema } from '../../../src/model/corpusApi.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { smallCorpus } from '../store/corpusFixtures.ts';
import { startServe, type ServeProcess } from './serveProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-editable-test-'));
const db = join(dir, 'corpus.db');
const dist = join(dir, 'dist');

let writable: ServeProcess;
let readOnly: ServeProcess;

beforeAll(async () => {
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html>\n<title>newsgraph</title>\n');
  const store = SqliteCorpusStore.open(db, { create: true });
  for (const dataset of smallCorpus()) await store.addDataset(dataset);
  await store.close();
  [writable, readOnly] = await Promise.all([startServe(db, ['--dist', dist, '--allow-edits']), startServe(db, ['--dist', dist])]);
}, 90_000);

afterAll(async () => {
  await Promise.all([writable?.stop(), readOnly?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

const info = async (server: ServeProcess) => CorpusInfoSchema.parse(await (await fetch(new URL('/api/corpus', server.url))).json());

describe('/api/corpus', () => {
  it('says editable: true on a server started with --allow-edits', async () => {
    expect(await info(writable)).toMatchObject({ api: 1, editable: true });
  });

  it('says editable: false on a read-only server', async () => {
    expect(await info(readOnly)).toMatchObject({ api: 1, editable: false });
  });
});
