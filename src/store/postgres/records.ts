/**
 * Stored records as a dataset (PostgreSQL)
 * ========================================
 *
 * shared/records.ts's reads (read its header), run over `Sql`, for edits
 * and the full export.
 */

import { RecordQueries, type LoadedRecords, type RecordScope } from '../shared/records.ts';
import { POSTGRES_DIALECT, runAsync, type Query, type Steps } from '../shared/querySteps.ts';
import { currentTypes } from './declaredTypes.ts';
import type { Sql } from './sql.ts';

const queries = new RecordQueries(POSTGRES_DIALECT);

export class PgRecordReader {
  constructor(private readonly sql: Sql) {}

  private run<T>(steps: Steps<T>): Promise<T> {
    return runAsync(steps, (q: Query) => this.sql.rows(q.sql, ...q.params));
  }

  pks(table: 'entities' | 'relations' | 'documents', ids: Iterable<string>): Promise<Map<string, number>> {
    return this.run(queries.pks(table, ids));
  }

  idsLike(table: 'entities' | 'relations', base: string): Promise<string[]> {
    return this.run(queries.idsLike(table, base));
  }

  idsNamed(name: string): Promise<string[]> {
    return this.run(queries.idsNamed(name));
  }

  relationsTouching(entities: Iterable<number>, both = false): Promise<number[]> {
    return this.run(queries.relationsTouching(entities, both));
  }

  relationEnds(relations: Iterable<number>): Promise<number[]> {
    return this.run(queries.relationEnds(relations));
  }

  async load(scope: RecordScope): Promise<LoadedRecords> {
    return this.run(queries.load(scope, (await currentTypes(this.sql)).declared));
  }
}
