/**
 * Running SQL on PostgreSQL
 * =========================
 *
 * A thin layer over node-postgres: statements are written with `?`
 * placeholders, numbered here ($1, $2 …), so the SQL reads like the SQLite
 * store's; `bigint` columns and counts come back as numbers (every key and
 * count here is far below 2^53); a transaction is one pooled client from
 * BEGIN to COMMIT.
 *
 * Retries: under concurrent writers (several `ingest` processes) a
 * transaction can lose a race — a deadlock, a serialization failure, or a
 * unique key another process inserted first between our look-up and our
 * insert. Such a transaction is rolled back whole and run again from the
 * start (it reads the winner's rows then), a few times, with a short random
 * pause; its memory is rebuilt by the caller's function, so nothing of the
 * failed try survives.
 */

import pg from 'pg';

// int8 (bigint, count(*)) as numbers: keys and counts here stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** `?` → `$1`, `$2` … (no statement here has a `?` inside a string literal). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class Sql {
  constructor(private readonly client: pg.Pool | pg.PoolClient) {}

  async rows<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row[]> {
    return (await this.client.query(numbered(sql), params)).rows as Row[];
  }

  async row<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return (await this.rows<Row>(sql, ...params))[0];
  }

  async run(sql: string, ...params: unknown[]): Promise<number> {
    return (await this.client.query(numbered(sql), params)).rowCount ?? 0;
  }

  /** Statements without parameters, several at once (migrations). */
  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
}

/** Codes of a lost race: serialization failure, deadlock, unique violation. */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const TRIES = 8;

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has((error as { code?: unknown }).code as string);
}

/** Runs `body` in one transaction on one client; retried whole when it loses a race (see the header), unless `retry` is false. */
export async function transaction<T>(pool: pg.Pool, body: (sql: Sql) => Promise<T>, options: { retry?: boolean } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body(new Sql(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (options.retry === false || attempt >= TRIES || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    } finally {
      client.release();
    }
  }
}
