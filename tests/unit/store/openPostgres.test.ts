/**
 * Opening a corpus on PostgreSQL: a new database made and migrated once
 * (even by four stores at once), and one clear line — the password never in
 * it — for a server that is down, a refused password, a missing or empty
 * database when only reading, another program's database, a corpus of a
 * newer newsgraph. (The SQLite file cases are openCorpus.test.ts.)
 */

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { NewsgraphError } from '../../../src/model/errors.ts';
import { CorpusVersionError, NoCorpusError, NotACorpusError } from '../../../src/store/errors.ts';
import { openCorpusStore } from '../../../src/store/open.ts';
import { PG_SCHEMA_VERSION } from '../../../src/store/postgres/migrations.ts';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { CorpusServerError } from '../../../src/store/postgres/serverErrors.ts';
import { queryCli } from '../ingest/queryCli.ts';
import { postgresUrl, throwAwayDatabases } from './backends.ts';

const newDatabase = throwAwayDatabases();

/** A URL on the test server whose database does not exist yet (dropped after the file if a test made it). */
const made: string[] = [];
function unmadeDatabase(): string {
  const url = new URL(postgresUrl());
  url.pathname = `/ng_test_new_${Math.random().toString(16).slice(2, 10)}`;
  made.push(url.pathname.slice(1));
  return url.toString();
}
afterAll(async () => {
  const admin = new pg.Pool({ connectionString: postgresUrl(), max: 1 });
  for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

const withPassword = (url: string, password: string) => {
  const u = new URL(url);
  u.password = password;
  return u.toString();
};

async function openError(url: string, create: boolean): Promise<Error> {
  try {
    const store = await openCorpusStore(url, { create });
    await store.close();
  } catch (error) {
    expect(error).toBeInstanceOf(NewsgraphError);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).toMatch(/Fix: /);
    return error as Error;
  }
  return expect.fail(`opening ${url} should have failed`);
}

async function raw(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('a new PostgreSQL corpus', () => {
  it('is made (database and schema) by ingest’s create, marked and versioned; a reader then opens it', async () => {
    const url = unmadeDatabase();
    const store = await openCorpusStore(url, { create: true });
    expect(store).toBeInstanceOf(PostgresCorpusStore);
    await store.close();
    expect(await raw(url, "SELECT key, value FROM meta WHERE key IN ('application', 'schema_version') ORDER BY key")).toEqual([
      { key: 'application', value: 'newsgraph-corpus' },
      { key: 'schema_version', value: String(PG_SCHEMA_VERSION) },
    ]);
    const reader = await openCorpusStore(url, { create: false });
    expect((await reader.info()).documents).toBe(0);
    await reader.close();
  });

  it('is migrated once when four stores open a new database at once', async () => {
    const url = await newDatabase();
    const stores = await Promise.all([0, 1, 2, 3].map(() => PostgresCorpusStore.open(url, { create: true })));
    for (const store of stores) expect((await store.info()).documents).toBe(0);
    await Promise.all(stores.map((store) => store.close()));
    expect(await raw(url, "SELECT count(*)::int AS n FROM meta WHERE key = 'schema_version'")).toEqual([{ n: 1 }]);
  });
});

describe('what is not a corpus this newsgraph can use, in one line', () => {
  it('a missing database, or an empty one, when only reading: no corpus there, and nothing is made', async () => {
    const missing = unmadeDatabase();
    const error = await openError(missing, false);
    expect(error).toBeInstanceOf(NoCorpusError);
    const password = new URL(missing).password;
    if (password !== '') expect(error.message).not.toContain(`:${password}@`);
    expect(error.message).toContain(`no corpus at ${missing.replace(`:${password}@`, ':***@')}`);
    const empty = await newDatabase();
    expect(await openError(empty, false)).toBeInstanceOf(NoCorpusError);
    expect(await raw(empty, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([{ n: 0 }]);
  });

  it('another program’s database: refused, naming its tables, and left untouched', async () => {
    const url = await newDatabase();
    await raw(url, 'CREATE TABLE invoices (id int)');
    const error = await openError(url, true);
    expect(error).toBeInstanceOf(NotACorpusError);
    expect(error.message).toMatch(/is not a newsgraph corpus \(it is a database with the tables invoices\)/);
    expect(await raw(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([{ table_name: 'invoices' }]);
  });

  it('a corpus of a newer newsgraph: refused with both versions', async () => {
    const url = await newDatabase();
    await (await PostgresCorpusStore.open(url, { create: true })).close();
    await raw(url, `UPDATE meta SET value = '${PG_SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
    const error = await openError(url, false);
    expect(error).toBeInstanceOf(CorpusVersionError);
    expect(error.message).toContain(`schema version ${PG_SCHEMA_VERSION + 1}, newer than this newsgraph reads (up to ${PG_SCHEMA_VERSION})`);
  });

  it('a refused password, and a server that does not answer: one line each, the password hidden', async () => {
    const wrong = await openError(withPassword(postgresUrl(), 'not-the-password'), false);
    expect(wrong).toBeInstanceOf(CorpusServerError);
    expect(wrong.message).toMatch(/the server refused the password/);
    expect(wrong.message).not.toContain('not-the-password');
    // Port 1 on loopback: nothing listens there.
    const down = await openError('postgres://someone:hunter2@127.0.0.1:1/corpus', false);
    expect(down).toBeInstanceOf(CorpusServerError);
    expect(down.message).toBe('postgres://someone:***@127.0.0.1:1/corpus: no PostgreSQL server answers there (connection refused). Fix: start it (as root: `pg_ctlcluster 15 main start`), or check the host and port in --db');
    const noName = await openError('postgres://someone@127.0.0.1:1', false);
    expect(noName.message).toMatch(/no database named\. Fix: end the URL with the database/);
  });

  it('the command line prints that one line, no stack, exit 1', async () => {
    const result = await queryCli('postgres://someone:hunter2@127.0.0.1:1/corpus', '--entity', 'Putin');
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('no PostgreSQL server answers there');
    expect(result.err).not.toContain('hunter2');
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});
