/**
 * The latest sentences matching a text query (PostgreSQL)
 * =======================================================
 *
 * An evidence search ranks the latest `count` matches (search.ts). Read
 * plainly — every match through the GIN index, then sorted by key — its
 * cost grows with how many sentences match: each match is a heap page
 * visited for its key. Here the newest sentences are searched first, in
 * spans growing eightfold (2¹⁷, 2²⁰, 2²³ sentences, then all), stopping at
 * the first span that holds `count` matches: the index's matches are ANDed
 * with the key range, so only pages inside the span are read, and a word in
 * one sentence in a thousand costs about `count` pages at any corpus size.
 * The same rows as the plain query: when a span holds `count` matches, the
 * latest `count` of the whole table are those.
 *
 * The query is written out, not passed through a CTE, so the planner sees
 * the words: for a very common one it reads the newest sentences backward
 * instead of decoding its whole posting list.
 */

import type { Sql } from './sql.ts';
import type { TextQuery } from './textSearch.ts';

const FIRST_SPAN = 2 ** 17;
const GROWTH = 8;

/** The keys of the latest `count` sentences matching `match`, newest first. */
export async function latestMatches(sql: Sql, match: TextQuery, count: number): Promise<number[]> {
  const newest = (await sql.row<{ pk: number | null }>('SELECT max(pk) AS pk FROM sentences'))!.pk;
  if (newest === null) return [];
  for (let span = FIRST_SPAN; ; span *= GROWTH) {
    const all = span >= newest;
    const rows = await sql.rows<{ pk: number }>(
      `SELECT s.pk FROM sentences s WHERE s.words @@ ${match.sql}${all ? '' : ' AND s.pk > ?'} ORDER BY s.pk DESC LIMIT ?`,
      ...match.params, ...(all ? [] : [newest - span]), count,
    );
    if (all || rows.length >= count) return rows.map((row) => row.pk);
  }
}
