/**
 * The whole corpus's timeline
 * ===========================
 *
 * Relations reported per bucket (day, week from Monday, month) and per
 * relation type, counted in SQL over `relation_days` so the browser gets the
 * histogram of a corpus it has not loaded: a relation counts once in a
 * bucket however many of its days fall there (DISTINCT relation, bucket).
 * Bucket starts are computed in SQL exactly as timeline.ts's `bucketStart`
 * does on day numbers (weeks from Monday: day 0, 1970-01-01, was a
 * Thursday), and the list of buckets by `bucketStarts` itself, so the answer
 * is what `buildHistogram` gives over the same relations. The types are the
 * corpus's catalog (built in, then declared), with the declarations.
 */

import type { TimelineResponse } from '../../model/corpusApi.ts';
import { dayString } from '../../model/days.ts';
import { bucketStarts, chooseBucket, type TimelineBucket } from '../../model/timeline.ts';
import type { StoredTypes } from './declaredTypes.ts';
import type { StatementCache } from './statements.ts';

const BUCKET_SQL: Readonly<Record<TimelineBucket, string>> = {
  day: 'day',
  week: 'day - ((day + 3) % 7)',
  month: `CAST(strftime('%s', date(day * 86400, 'unixepoch', 'start of month')) AS INTEGER) / 86400`,
};

export function corpusTimeline(statements: StatementCache, stored: StoredTypes, wanted: TimelineBucket | undefined): TimelineResponse {
  const { catalog, declared } = stored.current();
  const types = [...catalog.relationTypeIds];
  const declarations = declared.relationTypes.length > 0 ? { relationTypes: declared.relationTypes } : {};
  const typeIndex = new Map<string, number>(types.map((type, i) => [type, i]));
  const undated = types.map(() => 0);
  const undatedRows = statements
    .get<{ type: string; n: number }>('SELECT type, count(*) AS n FROM relations WHERE pk NOT IN (SELECT relation FROM relation_days) GROUP BY type')
    .all() as Array<{ type: string; n: number }>;
  for (const row of undatedRows) {
    const t = typeIndex.get(row.type);
    if (t !== undefined) undated[t] = row.n;
  }
  const span = statements.get<{ first: number | null; last: number | null }>('SELECT min(day) AS first, max(day) AS last FROM relation_days').get() as { first: number | null; last: number | null };
  if (span.first === null || span.last === null) return { bucket: wanted ?? 'day', starts: [], types, counts: [], undated, ...declarations };

  const bucket = wanted ?? chooseBucket(span.first, span.last);
  const starts = bucketStarts(span.first, span.last, bucket);
  const position = new Map(starts.map((start, b) => [start, b]));
  const counts = starts.map(() => types.map(() => 0));
  const rows = statements
    .get<{ type: string; bucket: number; n: number }>(
      `SELECT r.type, x.bucket, count(*) AS n
       FROM (SELECT DISTINCT relation, ${BUCKET_SQL[bucket]} AS bucket FROM relation_days) x JOIN relations r ON r.pk = x.relation
       GROUP BY r.type, x.bucket`,
    )
    .all() as Array<{ type: string; bucket: number; n: number }>;
  for (const row of rows) {
    const b = position.get(row.bucket);
    const t = typeIndex.get(row.type);
    if (b !== undefined && t !== undefined) counts[b]![t] = row.n;
  }
  return { bucket, starts: starts.map(dayString), types, counts, undated, ...declarations };
}
