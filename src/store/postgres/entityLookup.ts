/**
 * Finding the entity a question names (PostgreSQL)
 * ================================================
 *
 * shared/entityLookup.ts's rules (its header), run over `Sql`, with
 * PostgreSQL's `starts_with` and `strpos`.
 */

import { resolveEntitySteps, type EntityRef, type NameSearchSql } from '../shared/entityLookup.ts';
import { runAsync } from '../shared/querySteps.ts';
import type { Sql } from './sql.ts';

const NAME_SEARCH: NameSearchSql = {
  near: { where: 'starts_with(n.name, ?)', params: (prefix) => [prefix] },
  containing: 'strpos(n.name, ?) > 0',
};

export function resolveEntity(sql: Sql, corpusName: string, text: string): Promise<EntityRef> {
  return runAsync(resolveEntitySteps(NAME_SEARCH, corpusName, text), (q) => sql.rows(q.sql, ...q.params));
}
