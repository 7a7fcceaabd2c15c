/**
 * Stored records as a dataset (SQLite)
 * ====================================
 *
 * shared/records.ts's reads (read its header), run on this connection at
 * once, for edits and the full export.
 */

import { RecordQueries, type LoadedRecords, type RecordScope } from '../shared/records.ts';
import { runSync, SQLITE_DIALECT, type Query, type Steps } from '../shared/querySteps.ts';
import type { StoredTypes } from './declaredTypes.ts';
import type { StatementCache } from './statements.ts';

const queries = new RecordQueries(SQLITE_DIALECT);

export class RecordReader {
  constructor(
    private readonly statements: StatementCache,
    private readonly types: StoredTypes,
  ) {}

  private run<T>(steps: Steps<T>): T {
    return runSync(steps, (q: Query) => this.statements.get(q.sql).all(...q.params) as unknown[]);
  }

  pks(table: 'entities' | 'relations' | 'documents', ids: Iterable<string>): Map<string, number> {
    return this.run(queries.pks(table, ids));
  }

  idsLike(table: 'entities' | 'relations', base: string): string[] {
    return this.run(queries.idsLike(table, base));
  }

  idsNamed(name: string): string[] {
    return this.run(queries.idsNamed(name));
  }

  relationsTouching(entities: Iterable<number>, both = false): number[] {
    return this.run(queries.relationsTouching(entities, both));
  }

  relationEnds(relations: Iterable<number>): number[] {
    return this.run(queries.relationEnds(relations));
  }

  load(scope: RecordScope): LoadedRecords {
    return this.run(queries.load(scope, this.types.current().declared));
  }
}
