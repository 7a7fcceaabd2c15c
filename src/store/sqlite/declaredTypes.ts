/**
 * The corpus's declared types (SQLite)
 * ====================================
 *
 * shared/declaredTypes.ts's reading (the declarations in the order first
 * declared, colours filled in), kept per connection and read again only when
 * this connection or another has written since: `total_changes()` counts
 * this connection's writes, `data_version` another's commits.
 */

import type { CorpusTypes } from '../../model/corpusApi.ts';
import type { TypeCatalog } from '../../model/typeCatalog.ts';
import { ENTITY_TYPES_SQL, forAnswer, NO_TYPES, RELATION_TYPES_SQL, typesFromRows, type AnswerDeclarations, type EntityTypeRow, type RelationTypeRow, type TypesNow } from '../shared/declaredTypes.ts';
import type { StatementCache } from './statements.ts';

export class StoredTypes {
  private key = '';
  private held: TypesNow = NO_TYPES;

  constructor(private readonly statements: StatementCache) {}

  /** The declarations (colours filled in) and their catalog, as the corpus holds them now. */
  current(): { declared: CorpusTypes; catalog: TypeCatalog } {
    const { changes, version } = this.statements.get<{ changes: number; version: number }>('SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version').get()!;
    const key = `${version}:${changes}`;
    if (key === this.key) return this.held;
    this.held = typesFromRows(this.statements.get<RelationTypeRow>(RELATION_TYPES_SQL).all() as RelationTypeRow[], this.statements.get<EntityTypeRow>(ENTITY_TYPES_SQL).all() as EntityTypeRow[]);
    this.key = key;
    return this.held;
  }

  /** The declarations an answer naming these types needs (shared/declaredTypes.ts `forAnswer`). */
  forAnswer(relationTypes: Iterable<string>, entityTypes: Iterable<string>): AnswerDeclarations {
    return forAnswer(this.current(), relationTypes, entityTypes);
  }
}
