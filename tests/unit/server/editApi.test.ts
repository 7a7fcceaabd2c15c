/**
 * The edit endpoints of a real `newsgraph serve`
 * ==============================================
 *
 * Two real servers (child processes) on one real corpus file: one started
 * read-only (the default: every edit is 403), one with `--allow-edits`. On
 * the writable one, an edit, undo and redo go through, the graph answers
 * follow them, and the history is kept in the file; every bad request is
 * its own status with one line `{ok: false, reason}`. On both backends: a
 * SQLite file, and a PostgreSQL database (two databases, as two files).
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditOutcomeResponseSchema, HistoryResponseSchema, SubgraphResponseSchema } from '../../../src/model/corpusApi.ts';
import { validateDataset } from '../../../src/model/validate.ts';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { BACKENDS, throwAwayDatabases, type AnyStore } from '../store/backends.ts';
import { smallCorpus } from '../store/corpusFixtures.ts';
import { storeRows } from '../store/storeRows.ts';
import { startServe, type ServeProcess } from './serveProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-edit-api-test-'));
const dist = join(dir, 'dist');

let writable: ServeProcess;
let readOnly: ServeProcess;
let sanctioned = '';

beforeAll(() => {
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html>\n<title>newsgraph</title>\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const openStore = (location: string, create: boolean): Promise<AnyStore> =>
  location.startsWith('postgres') ? PostgresCorpusStore.open(location, { create }) : Promise.resolve(SqliteCorpusStore.open(location, { create }));

async function post(server: ServeProcess, path: string, body: string | undefined, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  const response = await fetch(new URL(path, server.url), { method: 'POST', headers, body });
  return { status: response.status, json: (await response.json()) as unknown };
}

const edit = (server: ServeProcess, value: unknown) => post(server, '/api/edits', JSON.stringify({ edit: value }));

/** A refusal: `{ok: false, reason}` with a one-line reason. */
function expectRefusal(answer: { status: number; json: unknown }, status: number, reason: RegExp): void {
  expect(answer.status).toBe(status);
  const parsed = EditOutcomeResponseSchema.parse(answer.json);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) {
    expect(parsed.reason).toMatch(reason);
    expect(parsed.reason).not.toContain('\n');
  }
}

async function get(server: ServeProcess, path: string): Promise<unknown> {
  const response = await fetch(new URL(path, server.url));
  expect(response.status).toBe(200);
  return response.json();
}

async function russiaRelations(server: ServeProcess): Promise<string[]> {
  const checked = validateDataset(SubgraphResponseSchema.parse(await get(server, '/api/neighbourhood?entity=Russia&hops=1')).dataset);
  if (!checked.ok) expect.fail('the server answered an invalid dataset');
  return checked.dataset.relations.map((r) => r.id);
}

describe.each(BACKENDS)('%s', (backend) => {
const newDatabase = throwAwayDatabases();
let db: string;

beforeAll(async () => {
  db = backend === 'sqlite' ? join(dir, 'corpus.db') : await newDatabase();
  const readOnlyDb = backend === 'sqlite' ? join(dir, 'read-only.db') : await newDatabase();
  for (const location of [db, readOnlyDb]) {
    const store = await openStore(location, true);
    for (const dataset of smallCorpus()) await store.addDataset(dataset);
    sanctioned = (await storeRows<{ id: string }>(store, "SELECT id FROM relations WHERE type = 'sanctioned'"))[0]!.id;
    await store.close();
  }
  [writable, readOnly] = await Promise.all([startServe(db, ['--dist', dist, '--allow-edits']), startServe(readOnlyDb, ['--dist', dist])]);
  return () => Promise.all([writable.stop(), readOnly.stop()]).then(() => undefined);
}, 90_000);

describe('a server started without --allow-edits', () => {
  it('refuses every edit with 403 and one line, and changes nothing', async () => {
    expectRefusal(await edit(readOnly, { kind: 'reject', relation: sanctioned }), 403, /read-only.*--allow-edits/);
    expectRefusal(await post(readOnly, '/api/undo', ''), 403, /--allow-edits/);
    expect(await russiaRelations(readOnly)).toContain(sanctioned);
    expect(HistoryResponseSchema.parse(await get(readOnly, '/api/history'))).toEqual({ entries: [], position: 0 });
  });
});

describe('a server started with --allow-edits', () => {
  it('applies an edit, undoes and redoes it; the graph answers and the history follow', async () => {
    expect(await russiaRelations(writable)).toContain(sanctioned);
    const applied = await edit(writable, { kind: 'reject', relation: sanctioned, reason: 'old news' });
    expect(applied.status).toBe(200);
    expect(applied.json).toEqual({ ok: true, label: expect.stringMatching(/^Rejected/) });
    expect(await russiaRelations(writable)).not.toContain(sanctioned);
    expect(HistoryResponseSchema.parse(await get(writable, '/api/history'))).toMatchObject({ position: 1, entries: [{ applied: true, label: expect.stringMatching(/^Rejected/) }] });

    expect(await post(writable, '/api/undo', '')).toEqual({ status: 200, json: { ok: true, label: expect.stringMatching(/^Rejected/) } });
    expect(await russiaRelations(writable)).toContain(sanctioned);
    expectRefusal(await post(writable, '/api/undo', ''), 409, /no edit to undo/);
    expect(await post(writable, '/api/redo', '{}')).toEqual({ status: 200, json: { ok: true, label: expect.stringMatching(/^Rejected/) } });
    expectRefusal(await post(writable, '/api/redo', ''), 409, /no undone edit/);
    expect(await russiaRelations(writable)).not.toContain(sanctioned);

    // Kept in the file: another connection reads the review and the history.
    const store = await openStore(db, false);
    expect((await store.exportAll()).relations.find((r) => r.id === sanctioned)?.review).toEqual({ status: 'rejected', reason: 'old news' });
    expect((await store.history()).position).toBe(1);
    await store.close();
  });

  it('answers a refused edit with 422 and the reason, and an invalid one with the schema problem in one line', async () => {
    expectRefusal(await edit(writable, { kind: 'merge-entities', into: 'russia', from: 'russia' }), 422, /itself/);
    expectRefusal(await edit(writable, { kind: 'accept', relation: 'no-such-relation' }), 422, /no-such-relation/);
    expectRefusal(await edit(writable, { kind: 'explode', relation: 'x' }), 422, /^the edit is not valid: edit\.kind/);
    expectRefusal(await edit(writable, { kind: 'accept', relation: '' }), 422, /edit\.relation/);
    expectRefusal(await post(writable, '/api/edits', JSON.stringify({ edit: { kind: 'accept', relation: sanctioned }, extra: 1 })), 422, /not valid/);
  });

  it('refuses bad requests: not JSON, another content type, another origin, too large, POST elsewhere', async () => {
    expectRefusal(await post(writable, '/api/edits', '{"edit": '), 400, /not valid JSON/);
    expectRefusal(await post(writable, '/api/edits', JSON.stringify({ edit: { kind: 'accept', relation: sanctioned } }), { 'Content-Type': 'text/plain' }), 415, /Content-Type: application\/json/);
    expectRefusal(
      await post(writable, '/api/edits', JSON.stringify({ edit: { kind: 'accept', relation: sanctioned } }), { 'Content-Type': 'application/json', Origin: 'https://evil.example' }),
      403,
      /only from the explorer/,
    );
    expectRefusal(await post(writable, '/api/edits', JSON.stringify({ edit: { kind: 'add-alias', entity: 'russia', alias: 'x'.repeat(100_000) } })), 413, /over 64 kB/);
    const elsewhere = await post(writable, '/api/overview', '{}');
    expect(elsewhere.status).toBe(405);
    // None of them changed the corpus.
    expect(HistoryResponseSchema.parse(await get(writable, '/api/history')).entries).toHaveLength(1);
  });
});
});
