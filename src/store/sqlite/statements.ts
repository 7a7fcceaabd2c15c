/**
 * Prepared statements by their SQL
 * ================================
 *
 * Queries whose SQL depends on the filters given (a type list, a date
 * window, words) are prepared once per distinct text and reused: preparing
 * costs more than running most of them.
 */

// better-sqlite3's types, not connection.ts's alias: connection.ts's migrations use this cache's users.
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

export class StatementCache {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Database.Database) {}

  get<Row = unknown>(sql: string): Statement<unknown[], Row> {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement as Statement<unknown[], Row>;
  }
}

/** Runs one query step (shared/querySteps.ts): its rows, or none for a statement that returns none (an INSERT). */
export function runStatement(statements: StatementCache, query: { sql: string; params: unknown[] }): unknown[] {
  const statement = statements.get(query.sql);
  if (statement.reader) return statement.all(...query.params) as unknown[];
  statement.run(...query.params);
  return [];
}
