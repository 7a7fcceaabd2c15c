/**
 * One reading logic, run synchronously or not
 * ===========================================
 *
 * SQLite (better-sqlite3) answers at once; node-postgres answers with a
 * promise. A read that takes several dependent statements is written once
 * as a generator that yields each statement (`Query`) and receives its rows;
 * `runSync` drives it on SQLite, `runAsync` on PostgreSQL. The SQL differs
 * only in how a list of keys goes in, which the backend's `Dialect` says.
 */

export interface Query {
  sql: string;
  params: unknown[];
}

export type Steps<T> = Generator<Query, T, unknown[]>;

/** How a backend takes a list of keys as one parameter. */
export interface Dialect {
  /** `… IN (one JSON array)` on SQLite, `= ANY(array)` on PostgreSQL, for integer keys; `ids` for text ids. */
  keys: string;
  ids: string;
  /** The parameter for such a list. */
  list(values: Iterable<number | string>): unknown;
}

export const SQLITE_DIALECT: Dialect = {
  keys: 'IN (SELECT value FROM json_each(?))',
  ids: 'IN (SELECT value FROM json_each(?))',
  list: (values) => JSON.stringify([...new Set(values)]),
};

export const POSTGRES_DIALECT: Dialect = {
  keys: '= ANY(?::bigint[])',
  ids: '= ANY(?::text[])',
  list: (values) => [...new Set(values)],
};

/** Yields one statement and returns its rows. */
export function* query<Row>(sql: string, ...params: unknown[]): Generator<Query, Row[], unknown[]> {
  return (yield { sql, params }) as Row[];
}

export function runSync<T>(steps: Steps<T>, rows: (query: Query) => unknown[]): T {
  let next = steps.next();
  while (!next.done) next = steps.next(rows(next.value));
  return next.value;
}

export async function runAsync<T>(steps: Steps<T>, rows: (query: Query) => Promise<unknown[]>): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await rows(next.value));
  return next.value;
}
