/**
 * How many articles and outlets support each relation (PostgreSQL)
 * ================================================================
 *
 * sqlite/sourceCounts.ts's counts (its header says why they are counted so):
 * distinct articles with a wire copy counted as its original, distinct
 * outlets with an article without one counted as an outlet of its own.
 * SQLite registers `outlet_key` as a JavaScript function; here it is an SQL
 * expression: the trimmed source behind an `s:` prefix, or the original's
 * pk behind `d:`, so no source name can equal an article's key.
 */

import type { Sql } from './sql.ts';

/** The outlet key of the original `o` (as sqlite/sourceCounts.ts `outletKey`). */
const OUTLET_KEY = `(CASE WHEN coalesce(btrim(o.source, E' \\t\\n\\r\\f\\v'), '') = '' THEN 'd:' || o.pk ELSE 's:' || btrim(o.source, E' \\t\\n\\r\\f\\v') END)`;

const ORIGINALS = 'JOIN sentences s ON s.pk = e.sentence JOIN documents d ON d.pk = s.document JOIN documents o ON o.pk = coalesce(d.copy_of, d.pk)';

/** SQL for the number of outlets supporting the relation `r`, for a WHERE condition. */
export const OUTLET_COUNT_SQL = `(SELECT count(DISTINCT ${OUTLET_KEY}) FROM evidence e ${ORIGINALS} WHERE e.relation = r.pk)`;

export async function sourceCounts(sql: Sql, relations: readonly number[]): Promise<Map<number, { articles: number; outlets: number }>> {
  const rows = await sql.rows<{ relation: number; articles: number; outlets: number }>(
    `SELECT e.relation, count(DISTINCT o.pk) AS articles, count(DISTINCT ${OUTLET_KEY}) AS outlets
     FROM evidence e ${ORIGINALS} WHERE e.relation = ANY(?::bigint[]) GROUP BY e.relation`,
    [...relations],
  );
  return new Map(rows.map((row) => [row.relation, { articles: row.articles, outlets: row.outlets }]));
}
