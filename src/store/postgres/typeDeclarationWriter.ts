/**
 * Storing a dataset's declared types (PostgreSQL)
 * ===============================================
 *
 * shared/typeDeclarations.ts's rules (read its header), run over `Sql`
 * inside the writer's transaction (write.ts); made anew for every try.
 */

import type { Dataset } from '../../model/schema.ts';
import { runAsync } from '../shared/querySteps.ts';
import { TypeDeclarationSteps, type WrittenTypes } from '../shared/typeDeclarations.ts';
import type { Sql } from './sql.ts';

export class PgTypeDeclarationWriter {
  constructor(
    private readonly sql: Sql,
    /** The corpus's name, for notes. */
    private readonly corpus: string,
  ) {}

  write(dataset: Dataset): Promise<WrittenTypes> {
    return runAsync(new TypeDeclarationSteps(this.corpus).write(dataset), (q) => this.sql.rows(q.sql, ...q.params));
  }
}
