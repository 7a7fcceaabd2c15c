/**
 * Neighbourhood queries (PostgreSQL)
 * ==================================
 *
 * sqlite/neighbourhood.ts's queries and plans (read its header): one hop
 * read off each end's index best supported first, two hops from the
 * best-connected neighbours down to the weakest relation still in; filters
 * by type, publication day, words (text search, textSearch.ts) and outlets;
 * rejected relations never.
 */

import { CORPUS_LIMITS, type SubgraphQuery } from '../../model/corpusApi.ts';
import { dayNumber } from '../../model/days.ts';
import { publishedDay } from '../../model/published.ts';
import { CorpusQueryError } from '../errors.ts';
import { RELATION_COLUMNS, type NeighbourhoodResult, type RelationRecord, type SentenceFilter } from '../shared/answer.ts';
import type { EntityRef } from '../shared/entityLookup.ts';
import { OUTLET_COUNT_SQL } from './sourceCounts.ts';
import type { Sql } from './sql.ts';
import { textQuery } from './textSearch.ts';

/** Over `relations AS r`: drawn (not rejected); a NULL status is not reviewed, and drawn. */
export const NOT_REJECTED = "r.review_status IS DISTINCT FROM 'rejected'";

/** The sentence conditions of a query (dates and words), or undefined when it has none. */
export function sentenceFilter(query: Pick<SubgraphQuery, 'since' | 'until' | 'text'>): SentenceFilter | undefined {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (query.since !== undefined) {
    parts.push('d.published_day >= ?');
    params.push(publishedDay(query.since));
  }
  if (query.until !== undefined) {
    parts.push('d.published_day <= ?');
    params.push(publishedDay(query.until));
  }
  if (query.text !== undefined) {
    const match = textQuery(query.text);
    if (match === undefined) throw new CorpusQueryError('bad-text', `the text filter ${JSON.stringify(query.text.slice(0, 60))} has no word to search for. Fix: give words (letters or digits), or leave the text filter out`);
    parts.push(`s.words @@ ${match.sql}`);
    params.push(...match.params);
  }
  return parts.length === 0 ? undefined : { sql: parts.join(' AND '), params };
}

/** The relations of `centre`'s neighbourhood, best first, at most `query.limit`. */
export async function neighbourhoodRelations(sql: Sql, centre: EntityRef, query: SubgraphQuery, filter: SentenceFilter | undefined): Promise<NeighbourhoodResult> {
  // Rejected relations are kept in the corpus but never drawn (review/provenance.ts `withoutRejected`).
  const conditions: string[] = [NOT_REJECTED];
  const params: unknown[] = [];
  if (query.types !== undefined) {
    conditions.push('r.type = ANY(?::text[])');
    params.push([...query.types]);
  }
  if (query.minOutlets !== undefined && query.minOutlets > 1) {
    conditions.push(`${OUTLET_COUNT_SQL} >= ?`);
    params.push(query.minOutlets);
  }
  if (query.since !== undefined || query.until !== undefined) {
    // Narrows to the relations whose reporting span meets the window, off the span indexes (migrations.ts, step 3); the sentence filter below decides.
    conditions.push("r.reported_span && int4range(?, ?, '[]')");
    params.push(query.since === undefined ? null : dayNumber(publishedDay(query.since)), query.until === undefined ? null : dayNumber(publishedDay(query.until)));
  }
  if (filter) {
    conditions.push(
      `EXISTS (SELECT 1 FROM evidence e JOIN sentences s ON s.pk = e.sentence JOIN documents d ON d.pk = s.document WHERE e.relation = r.pk AND (${filter.sql}))`,
    );
    params.push(...filter.params);
  }
  const where = conditions.map((c) => ` AND ${c}`).join('');
  const limit = Math.min(query.limit, CORPUS_LIMITS.relationsMax);

  // Each end's best N straight off its index (relations_from, relations_to), then the best N of both.
  const hop1 = await sql.rows<RelationRecord>(
    `SELECT * FROM (SELECT ${RELATION_COLUMNS} FROM relations r WHERE r.source = ?${where} ORDER BY r.sentence_count DESC, r.pk LIMIT ?) a
     UNION
     SELECT * FROM (SELECT ${RELATION_COLUMNS} FROM relations r WHERE r.target = ?${where} ORDER BY r.sentence_count DESC, r.pk LIMIT ?) b
     ORDER BY sentence_count DESC, pk LIMIT ?`,
    centre.pk, ...params, limit + 1, centre.pk, ...params, limit + 1, limit + 1,
  );
  if (query.hops === 1 || hop1.length > limit) return { relations: hop1.slice(0, limit), cut: hop1.length > limit };

  // Two hops: the best-supported relations of the neighbours, read off each neighbour's indexes
  // best first. The best-connected neighbours go first and fill the slots; from then on a
  // neighbour's index is read only down to the weakest relation still in (`sentence_count >= ?`),
  // so a hub among the neighbours costs a few rows, not its thousands, and only the winners'
  // full rows are read.
  const slots = limit + 1 - hop1.length;
  const inFirstHop = new Set(hop1.map((r) => r.pk));
  const neighbours = new Set<number>();
  for (const r of hop1) neighbours.add(r.source === centre.pk ? r.target : r.source);
  neighbours.delete(centre.pk);
  const byDegree = (await sql.rows<{ pk: number }>('SELECT pk FROM entities WHERE pk = ANY(?::bigint[]) ORDER BY degree DESC, pk', [...neighbours])).map((row) => row.pk);
  type Candidate = { pk: number; sentence_count: number };
  const fromEnd = (end: 'source' | 'target', neighbour: number, floor: number, n: number) =>
    sql.rows<Candidate>(`SELECT r.pk, r.sentence_count FROM relations r WHERE r.${end} = ?${where} AND r.sentence_count >= ? ORDER BY r.sentence_count DESC, r.pk LIMIT ?`, neighbour, ...params, floor, n);
  const better = (a: Candidate, b: Candidate) => b.sentence_count - a.sentence_count || a.pk - b.pk;
  let best: Candidate[] = [];
  const seen = new Set<number>();
  let floor = 0;
  for (const neighbour of byDegree) {
    for (const end of ['source', 'target'] as const) {
      // `+ inFirstHop.size`: room for the first hop's relations, which these lists repeat.
      for (const candidate of await fromEnd(end, neighbour, floor, slots + inFirstHop.size)) {
        if (inFirstHop.has(candidate.pk) || seen.has(candidate.pk)) continue;
        seen.add(candidate.pk);
        best.push(candidate);
      }
    }
    if (best.length >= slots) {
      best = best.sort(better).slice(0, slots);
      floor = best[slots - 1]!.sentence_count;
    }
  }
  best = best.sort(better).slice(0, slots);
  const rows = new Map(
    (await sql.rows<RelationRecord>(`SELECT ${RELATION_COLUMNS} FROM relations r WHERE r.pk = ANY(?::bigint[])`, best.map((c) => c.pk))).map((r) => [r.pk, r]),
  );
  const both = [...hop1, ...best.map((c) => rows.get(c.pk)!)];
  return { relations: both.slice(0, limit), cut: both.length > limit };
}
