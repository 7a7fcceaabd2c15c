/** The same SQL (`?` placeholders) on a store of either backend, for tests that look at its tables. */

import type { PostgresCorpusStore } from '../../../src/store/postgres/postgresStore.ts';
import { SqliteCorpusStore } from '../../../src/store/sqlite/sqliteStore.ts';

export async function storeRows<Row = Record<string, unknown>>(store: SqliteCorpusStore | PostgresCorpusStore, sql: string, ...params: unknown[]): Promise<Row[]> {
  return store instanceof SqliteCorpusStore ? (store.connection.prepare(sql).all(...params) as Row[]) : store.connection.rows<Row>(sql, ...params);
}
