/**
 * How many articles and outlets support each relation
 * ===================================================
 *
 * The whole-corpus counts the store puts on every relation it sends
 * (`SOURCE_ATTRIBUTES` in model/relationSources.ts), counted exactly as
 * `buildSourceIndex` counts them in the browser: distinct articles with wire
 * copies counted once (a copy counts as its original, `documents.copy_of`),
 * and distinct outlets (`documents.source`, trimmed) with a copy counted as
 * its original's outlet and an article with no outlet counted as an outlet
 * of its own. The outlet key is one SQL function (`outlet_key`, registered
 * on every connection) so the counts and the `minOutlets` filter agree.
 */

import type Database from 'better-sqlite3';
import type { StatementCache } from './statements.ts';

/** The outlet an article counts as: its trimmed source, or (no source) the article itself — as buildSourceIndex keys it. */
export function outletKey(source: string | null, original: number): string {
  const outlet = source?.trim() ?? '';
  return outlet === '' ? `\u0000${original}` : outlet;
}

export function registerOutletKey(db: Database.Database): void {
  db.function('outlet_key', { deterministic: true, varargs: false }, (source: unknown, original: unknown) => outletKey(typeof source === 'string' ? source : null, Number(original)));
}

/** Joins from `evidence AS e` to each supporting article's original, `o`. */
const ORIGINALS = 'JOIN sentences s ON s.pk = e.sentence JOIN documents d ON d.pk = s.document JOIN documents o ON o.pk = coalesce(d.copy_of, d.pk)';

/** SQL for the number of outlets supporting the relation `r`, for a WHERE condition. */
export const OUTLET_COUNT_SQL = `(SELECT count(DISTINCT outlet_key(o.source, o.pk)) FROM evidence e ${ORIGINALS} WHERE e.relation = r.pk)`;

export interface SourceCounts {
  articles: number;
  outlets: number;
}

/** Counts per relation pk; a relation with no sentence is absent (0 and 0). */
export function sourceCounts(statements: StatementCache, relations: readonly number[]): Map<number, SourceCounts> {
  const rows = statements
    .get<{ relation: number; articles: number; outlets: number }>(
      `SELECT e.relation, count(DISTINCT o.pk) AS articles, count(DISTINCT outlet_key(o.source, o.pk)) AS outlets
       FROM evidence e ${ORIGINALS} WHERE e.relation IN (SELECT value FROM json_each(?)) GROUP BY e.relation`,
    )
    .all(JSON.stringify(relations)) as Array<{ relation: number; articles: number; outlets: number }>;
  return new Map(rows.map((row) => [row.relation, { articles: row.articles, outlets: row.outlets }]));
}
