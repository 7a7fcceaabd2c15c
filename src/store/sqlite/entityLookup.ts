/**
 * Finding the entity a question names (SQLite)
 * ============================================
 *
 * shared/entityLookup.ts's rules (its header), run on this connection, with
 * SQLite's prefix range and `instr`.
 */

import { resolveEntitySteps, type EntityRef, type NameSearchSql } from '../shared/entityLookup.ts';
import { runSync } from '../shared/querySteps.ts';
import type { Connection } from './connection.ts';
import { StatementCache } from './statements.ts';


/** The greatest code point: a prefix range `[p, p + MAX)` holds every text starting with `p` (SQLite compares UTF-8 bytes). */
export const MAX_CHARACTER = '\u{10FFFF}';

const NAME_SEARCH: NameSearchSql = {
  near: { where: 'n.name >= ? AND n.name < ?', params: (prefix) => [prefix, prefix + MAX_CHARACTER] },
  containing: 'instr(n.name, ?) > 0',
};

export class EntityLookup {
  private readonly statements: StatementCache;

  constructor(
    db: Connection,
    private readonly corpusName: string,
  ) {
    this.statements = new StatementCache(db);
  }

  /** The one entity `text` names; throws `CorpusQueryError` (unknown or ambiguous). */
  resolve(text: string): EntityRef {
    return runSync(resolveEntitySteps(NAME_SEARCH, this.corpusName, text), (q) => this.statements.get(q.sql).all(...q.params) as unknown[]);
  }
}
