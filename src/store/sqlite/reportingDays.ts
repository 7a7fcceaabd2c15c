/**
 * The days each relation was reported on (SQLite)
 * ===============================================
 *
 * Reading `relation_days` back as merged `reported` spells
 * (shared/reportingDays.ts explains the table and the cap).
 */

import type { Spell } from '../../model/schema.ts';
import { spellsByRelation } from '../shared/reportingDays.ts';
import type { StatementCache } from './statements.ts';

/** SQL for the day number of a `published_day` (YYYY-MM-DD) column. */
export const dayNumberSql = (column: string) => `CAST(julianday(${column}) - 2440587.5 AS INTEGER)`;

/** Each relation's reporting days as merged `reported` spells, by relation pk; a relation with none is absent. */
export function reportedSpells(statements: StatementCache, relations: readonly number[]): Map<number, Spell[]> {
  return spellsByRelation(
    statements
      .get<{ relation: number; day: number }>('SELECT relation, day FROM relation_days WHERE relation IN (SELECT value FROM json_each(?)) ORDER BY relation, day')
      .all(JSON.stringify(relations)) as Array<{ relation: number; day: number }>,
  );
}
