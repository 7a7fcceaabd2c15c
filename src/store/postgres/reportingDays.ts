/**
 * The days each relation was reported on (PostgreSQL)
 * ===================================================
 *
 * Reading `relation_days` back as merged `reported` spells, as
 * sqlite/reportingDays.ts does (its header explains the table and the cap).
 */

import { mergeSpells, spellsAsReported } from '../../model/reporting.ts';
import type { Spell } from '../../model/schema.ts';
import type { Sql } from './sql.ts';

/** SQL for the day number (days since 1970-01-01) of a `published_day` (YYYY-MM-DD) column. */
export const dayNumberSql = (column: string) => `(${column}::date - DATE '1970-01-01')`;

export async function reportedSpells(sql: Sql, relations: readonly number[]): Promise<Map<number, Spell[]>> {
  const rows = await sql.rows<{ relation: number; day: number }>('SELECT relation, day FROM relation_days WHERE relation = ANY(?::bigint[]) ORDER BY relation, day', [...relations]);
  const byRelation = new Map<number, Spell[]>();
  for (let i = 0; i < rows.length; ) {
    const relation = rows[i]!.relation;
    const ranges: Array<readonly [number, number]> = [];
    for (; i < rows.length && rows[i]!.relation === relation; i++) ranges.push([rows[i]!.day, rows[i]!.day]);
    byRelation.set(relation, spellsAsReported(mergeSpells(ranges)));
  }
  return byRelation;
}
