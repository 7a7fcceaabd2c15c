/**
 * The whole corpus's timeline (PostgreSQL)
 * ========================================
 *
 * sqlite/timeline.ts's histogram (its header): relations reported per bucket
 * and type over `relation_days`, a relation once per bucket, buckets as
 * timeline.ts's `bucketStart` computes them on day numbers.
 */

import type { TimelineResponse } from '../../model/corpusApi.ts';
import { dayString } from '../../model/days.ts';
import { bucketStarts, chooseBucket, type TimelineBucket } from '../../model/timeline.ts';
import type { TypesNow } from './declaredTypes.ts';
import type { Sql } from './sql.ts';

const BUCKET_SQL: Readonly<Record<TimelineBucket, string>> = {
  day: 'day',
  // Day 0 (1970-01-01) was a Thursday; % truncates toward zero in both databases.
  week: 'day - ((day + 3) % 7)',
  month: "(date_trunc('month', DATE '1970-01-01' + day)::date - DATE '1970-01-01')",
};

/** `now`: the corpus's declared types (the store's cached copy). */
export async function corpusTimeline(sql: Sql, now: TypesNow, wanted: TimelineBucket | undefined): Promise<TimelineResponse> {
  const { catalog, declared } = now;
  const types = [...catalog.relationTypeIds];
  const declarations = declared.relationTypes.length > 0 ? { relationTypes: declared.relationTypes } : {};
  const typeIndex = new Map<string, number>(types.map((type, i) => [type, i]));
  const undated = types.map(() => 0);
  for (const row of await sql.rows<{ type: string; n: number }>('SELECT type, count(*) AS n FROM relations r WHERE NOT EXISTS (SELECT 1 FROM relation_days x WHERE x.relation = r.pk) GROUP BY type')) {
    const t = typeIndex.get(row.type);
    if (t !== undefined) undated[t] = row.n;
  }
  const span = (await sql.row<{ first: number | null; last: number | null }>('SELECT min(day) AS first, max(day) AS last FROM relation_days'))!;
  if (span.first === null || span.last === null) return { bucket: wanted ?? 'day', starts: [], types, counts: [], undated, ...declarations };

  const bucket = wanted ?? chooseBucket(span.first, span.last);
  const starts = bucketStarts(span.first, span.last, bucket);
  const position = new Map(starts.map((start, b) => [start, b]));
  const counts = starts.map(() => types.map(() => 0));
  const rows = await sql.rows<{ type: string; bucket: number; n: number }>(
    `SELECT r.type, x.bucket, count(*) AS n
     FROM (SELECT DISTINCT relation, ${BUCKET_SQL[bucket]} AS bucket FROM relation_days) x JOIN relations r ON r.pk = x.relation
     GROUP BY r.type, x.bucket`,
  );
  for (const row of rows) {
    const b = position.get(row.bucket);
    const t = typeIndex.get(row.type);
    if (b !== undefined && t !== undefined) counts[b]![t] = row.n;
  }
  return { bucket, starts: starts.map(dayString), types, counts, undated, ...declarations };
}
