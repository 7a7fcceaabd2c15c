/**
 * Storing a dataset's declared types (SQLite)
 * ===========================================
 *
 * shared/typeDeclarations.ts's rules (read its header), run on this
 * connection inside the writer's transaction (write.ts).
 */

import type { Dataset } from '../../model/schema.ts';
import { runSync } from '../shared/querySteps.ts';
import { TypeDeclarationSteps, type WrittenTypes } from '../shared/typeDeclarations.ts';
import type { Connection } from './connection.ts';
import { runStatement, StatementCache } from './statements.ts';

export class TypeDeclarationWriter {
  private readonly statements: StatementCache;

  constructor(
    db: Connection,
    /** The corpus's name, for notes. */
    private readonly corpus: string,
  ) {
    this.statements = new StatementCache(db);
  }

  /** Stores the dataset's declarations; the dataset to write, with notes. Fresh steps per dataset: what they read holds for this transaction only. */
  write(dataset: Dataset): WrittenTypes {
    return runSync(new TypeDeclarationSteps(this.corpus).write(dataset), (q) => runStatement(this.statements, q));
  }
}
