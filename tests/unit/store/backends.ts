/**
 * Both corpus backends, for the store tests
 * =========================================
 *
 * The store suite runs once per backend (`describe.each(BACKENDS)`), each
 * test on a fresh corpus from `testCorpora(backend)`: a new SQLite file in a
 * temporary folder, or a new PostgreSQL database (`ng_test_<random>`) on the
 * server named by NEWSGRAPH_TEST_POSTGRES, dropped after the test file.
 * `rows`/`row` run the same SQL (`?` placeholders) on either, for tests that
 * look at the tables.
 *
 * No server is never a skip: without NEWSGRAPH_TEST_POSTGRES, or with a
 * server that does not answer, each PostgreSQL test fails with one line
 * saying how to start one.
 */

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';
import { tempFolder } from './corpusFixtures.ts';
import { storeRows } from './storeRows.ts';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: readonly Backend[] = ['sqlite', 'postgres'];

export const POSTGRES_HINT =
  'the PostgreSQL store tests need a server: start one (as root: `pg_ctlcluster 15 main start`; `runuser -u postgres -- psql -c "CREATE ROLE newsgraph LOGIN SUPERUSER PASSWORD \'newsgraph\'"`) and set NEWSGRAPH_TEST_POSTGRES=postgres://newsgraph:newsgraph@localhost:5432/postgres';

export type AnyStore = SqliteCorpusStore | PostgresCorpusStore;

export interface TestCorpus {
  store: AnyStore;
  backend: Backend;
  /** Where it is: the file path, or the database URL (for `--db`). */
  location: string;
  rows<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row[]>;
  row<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row | undefined>;
  exec(sql: string): Promise<void>;
  /** Another store on the same corpus (another connection, as another process would open it). */
  reopen(): Promise<AnyStore>;
}

/** The server's URL, or a failure naming how to get one. */
export function postgresUrl(): string {
  const url = process.env['NEWSGRAPH_TEST_POSTGRES'];
  if (url === undefined || url === '') throw new Error(`NEWSGRAPH_TEST_POSTGRES is not set: ${POSTGRES_HINT}`);
  return url;
}

/** Makes throw-away databases on the test server; drops them after the test file. */
export function throwAwayDatabases(): () => Promise<string> {
  const made: string[] = [];
  let admin: pg.Pool | undefined;
  afterAll(async () => {
    if (admin === undefined) return;
    for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    // DROP DATABASE waits for a checkpoint: on a server busy with other work, several take longer than the default 10 s.
  }, 120_000);
  return async () => {
    const url = postgresUrl();
    admin ??= new pg.Pool({ connectionString: url, max: 1 });
    const name = `ng_test_${randomBytes(6).toString('hex')}`;
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } catch (error) {
      throw new Error(`cannot reach the test server (${(error as Error).message}): ${POSTGRES_HINT}`);
    }
    made.push(name);
    const target = new URL(url);
    target.pathname = `/${name}`;
    return target.toString();
  };
}

/** Fresh corpora of one backend, one per call. */
export function testCorpora(backend: Backend): () => Promise<TestCorpus> {
  if (backend === 'sqlite') {
    const newPath = tempFolder();
    return async () => {
      const location = newPath();
      const store = SqliteCorpusStore.open(location, { create: true });
      return {
        store,
        backend,
        location,
        rows: <Row>(sql: string, ...params: unknown[]) => storeRows<Row>(store, sql, ...params),
        row: async <Row>(sql: string, ...params: unknown[]) => store.connection.prepare(sql).get(...params) as Row | undefined,
        exec: async (sql: string) => void store.connection.exec(sql),
        reopen: async () => SqliteCorpusStore.open(location, { create: false }),
      };
    };
  }
  const newDatabase = throwAwayDatabases();
  return async () => {
    const location = await newDatabase();
    const store = await PostgresCorpusStore.open(location, { create: true });
    return {
      store,
      backend,
      location,
      rows: (sql, ...params) => store.connection.rows(sql, ...params),
      row: (sql, ...params) => store.connection.row(sql, ...params),
      exec: (sql) => store.connection.exec(sql),
      reopen: () => PostgresCorpusStore.open(location, { create: false }),
    };
  };
}
