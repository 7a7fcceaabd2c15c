/**
 * Opening a corpus file: the schema and its version, WAL, and one clear
 * line for every file that is not a corpus this newsgraph can use. SQLite
 * only (file headers, PRAGMAs, WAL): PostgreSQL's opening is
 * openPostgres.test.ts.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../../../src/model/errors.ts';
import { CorpusFileError, CorpusVersionError, NoCorpusError, NotACorpusError } from '../../../src/store/errors.ts';
import { openCorpusStore } from '../../../src/store/open.ts';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../src/store/sqlite/migrations.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { article, openNew, PUTIN, RUSSIA, tempFolder } from './corpusFixtures.ts';

const newPath = tempFolder();

const oneLine = (error: unknown) => {
  expect(error).toBeInstanceOf(NewsgraphError);
  expect((error as Error).message).not.toContain('\n');
  expect((error as Error).message).toMatch(/Fix: /);
  return (error as Error).message;
};

async function openError(path: string, create: boolean): Promise<unknown> {
  try {
    const store = await openCorpusStore(path, { create });
    await store.close();
  } catch (error) {
    return error;
  }
  return expect.fail(`opening ${path} should have failed`);
}

describe('a new corpus', () => {
  it('is created with the schema, its version, the newsgraph mark and WAL', async () => {
    const path = newPath();
    const store = await openCorpusStore(path, { create: true });
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['documents', 'entities', 'entity_names', 'mentions', 'relations', 'sentences', 'evidence', 'sentences_fts']));
    db.close();
  });

  it('reopens with what was added, for reading and writing, with foreign keys on', async () => {
    const path = newPath();
    const store = await openCorpusStore(path, { create: true });
    await store.addDataset(article({ id: 'a', entities: [PUTIN, RUSSIA], sentences: [{ text: 'Putin leads Russia.', relations: [{ type: 'leader-of', source: 'Vladimir Putin', target: 'Russia' }] }] }));
    await store.close();
    const again = SqliteCorpusStore.open(path, { create: false });
    expect(await again.info()).toMatchObject({ documents: 1, entities: 2, relations: 1, sentences: 1 });
    expect(again.connection.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(again.connection.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    await again.close();
  });

  it('is made in an empty file (touch corpus.db) when creating', async () => {
    const path = newPath();
    writeFileSync(path, '');
    const store = await openCorpusStore(path, { create: true });
    expect((await store.info()).documents).toBe(0);
    await store.close();
  });

  it('migrates an older corpus step by step, each step in its own transaction', async () => {
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION);
    // A corpus at version 0 with the mark (as left by a crash before the first step committed) is migrated in full.
    const path = newPath();
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    const store = SqliteCorpusStore.open(path, { create: false });
    expect(store.connection.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await store.close();
  });
});

describe('what is not a corpus gets one line naming the file and the fix', () => {
  it('a missing file, when only reading (query, serve)', async () => {
    const path = newPath();
    const error = await openError(path, false);
    expect(error).toBeInstanceOf(NoCorpusError);
    expect(oneLine(error)).toContain(`no corpus at ${path}`);
    expect(oneLine(error)).toContain('newsgraph ingest');
  });

  it('a text file', async () => {
    const path = join(dirname(newPath()), 'notes.db');
    writeFileSync(path, 'my notes, not a database\n');
    for (const create of [true, false]) {
      const error = await openError(path, create);
      expect(error).toBeInstanceOf(NotACorpusError);
      expect(oneLine(error)).toBe(`${path} is not a newsgraph corpus (it is not a SQLite database). Fix: give --db a new file name, or a corpus made by \`newsgraph ingest\``);
    }
  });

  it("another program's SQLite database, named with its tables, and left untouched", async () => {
    const path = newPath();
    const db = new Database(path);
    db.exec('CREATE TABLE notes (x); CREATE TABLE tags (y); INSERT INTO notes VALUES (1);');
    db.close();
    const error = await openError(path, true);
    expect(error).toBeInstanceOf(NotACorpusError);
    expect(oneLine(error)).toContain('it is a SQLite database with the tables notes, tags');
    const after = new Database(path, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    after.close();
  });

  it('an empty file or an empty SQLite database, when only reading', async () => {
    const empty = newPath();
    writeFileSync(empty, '');
    expect(oneLine(await openError(empty, false))).toContain('it is an empty file');
    const emptyDb = newPath();
    const db = new Database(emptyDb);
    db.exec('CREATE TABLE t (x); DROP TABLE t;');
    db.close();
    const error = await openError(emptyDb, false);
    expect(error).toBeInstanceOf(NotACorpusError);
    expect(oneLine(error)).toContain('it is an empty SQLite database');
  });

  it('a corpus from a newer newsgraph', async () => {
    const path = newPath();
    openNew(path).connection.close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const error = await openError(path, false);
    expect(error).toBeInstanceOf(CorpusVersionError);
    expect(oneLine(error)).toContain(`schema version ${SCHEMA_VERSION + 1}, newer than this newsgraph reads (up to ${SCHEMA_VERSION})`);
  });

  it('a folder, and a file in a folder that does not exist', async () => {
    const folder = join(dirname(newPath()), 'a-folder');
    mkdirSync(folder);
    expect(await openError(folder, true)).toBeInstanceOf(CorpusFileError);
    expect(oneLine(await openError(folder, true))).toContain('this is a folder');
    const nowhere = join(dirname(newPath()), 'missing', 'corpus.db');
    const error = await openError(nowhere, true);
    expect(error).toBeInstanceOf(CorpusFileError);
    expect(oneLine(error)).toContain('does not exist');
  });
});

describe('readers and a writer at once (WAL)', () => {
  it('a reader keeps reading the last committed state while another connection writes', async () => {
    const path = newPath();
    const writer = openNew(path);
    await writer.addDataset(article({ id: 'first', entities: [PUTIN, RUSSIA], sentences: [{ text: 'Putin leads Russia.', relations: [{ type: 'leader-of', source: 'Vladimir Putin', target: 'Russia' }] }] }));
    const reader = SqliteCorpusStore.open(path, { create: false });
    // The writer holds an open write transaction; the reader is not blocked and sees one document.
    writer.connection.prepare('BEGIN IMMEDIATE').run();
    writer.connection.prepare("UPDATE documents SET title = 'changing'").run();
    expect((await reader.info()).documents).toBe(1);
    expect((await reader.documents(0, 10)).documents[0]!.title).toBe('first');
    writer.connection.prepare('COMMIT').run();
    expect((await reader.documents(0, 10)).documents[0]!.title).toBe('changing');
    await reader.close();
    await writer.close();
  });
});
