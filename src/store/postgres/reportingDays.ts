/**
 * The days each relation was reported on (PostgreSQL)
 * ===================================================
 *
 * Reading `relation_days` back as merged `reported` spells
 * (shared/reportingDays.ts explains the table and the cap).
 */

import type { Spell } from '../../model/schema.ts';
import { spellsByRelation } from '../shared/reportingDays.ts';
import type { Sql } from './sql.ts';

/** SQL for the day number (days since 1970-01-01) of a `published_day` (YYYY-MM-DD) column. */
export const dayNumberSql = (column: string) => `(${column}::date - DATE '1970-01-01')`;

export async function reportedSpells(sql: Sql, relations: readonly number[]): Promise<Map<number, Spell[]>> {
  return spellsByRelation(await sql.rows<{ relation: number; day: number }>('SELECT relation, day FROM relation_days WHERE relation = ANY(?::bigint[]) ORDER BY relation, day', [...relations]));
}
