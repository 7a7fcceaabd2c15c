/**
 * The timeline's histogram
 * ========================
 *
 * Relations by reporting date, per relation type: for each bucket (a day,
 * a week from Monday, or a month), how many distinct relations of each type
 * were reported in it. A relation reported on three days of one week counts
 * once in that week. Built from the reporting index in one pass over the
 * relations' spells (50,000 relations in a few milliseconds); a corpus
 * server sends the same shape for its whole corpus (`TimelineResponse`).
 */

import { dayNumber, dayString } from './days.ts';
import type { RelationTypeId } from './relationTypes.ts';
import type { ReportingIndex } from './reporting.ts';

export const TIMELINE_BUCKETS = ['day', 'week', 'month'] as const;
export type TimelineBucket = (typeof TIMELINE_BUCKETS)[number];

export interface Histogram {
  readonly bucket: TimelineBucket;
  /** Each bucket's first day (day numbers), contiguous from the first dated report to the last. */
  readonly starts: readonly number[];
  /** Relation types, in the order of each bucket's counts. */
  readonly types: readonly RelationTypeId[];
  /** Row-major: `counts[b * types.length + t]` relations of type t reported in bucket b. */
  readonly counts: Uint32Array;
  /** Relations reported per bucket, all types. */
  readonly totals: Uint32Array;
  /** The largest total (the bars' scale). */
  readonly max: number;
  /** Relations with no date, per type in `types` order. */
  readonly undated: Uint32Array;
}

/** Days for buckets to stay readable under a graph: about 120 bars at most. */
export function chooseBucket(firstDay: number, lastDay: number): TimelineBucket {
  const days = lastDay - firstDay + 1;
  if (days <= 120) return 'day';
  if (days <= 7 * 120) return 'week';
  return 'month';
}

/** The first day of the bucket holding `day` (1970-01-01, day 0, was a Thursday: weeks start on Monday). */
export function bucketStart(day: number, bucket: TimelineBucket): number {
  if (bucket === 'day') return day;
  if (bucket === 'week') return day - ((day + 3) % 7);
  return dayNumber(`${dayString(day).slice(0, 7)}-01`);
}

/** The first day of the bucket after the one starting on `start`. */
export function nextBucketStart(start: number, bucket: TimelineBucket): number {
  if (bucket === 'day') return start + 1;
  if (bucket === 'week') return start + 7;
  const text = dayString(start);
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  return month === 12 ? dayNumber(`${year + 1}-01-01`) : dayNumber(`${year}-${String(month + 1).padStart(2, '0')}-01`);
}

/** Bucket starts from the bucket of `first` to that of `last`. */
export function bucketStarts(first: number, last: number, bucket: TimelineBucket): number[] {
  const starts: number[] = [];
  for (let start = bucketStart(first, bucket); start <= last; start = nextBucketStart(start, bucket)) starts.push(start);
  return starts;
}

export interface HistogramRelation {
  readonly id: string;
  readonly type: RelationTypeId;
}

export function buildHistogram(
  reporting: ReportingIndex,
  relations: Iterable<HistogramRelation>,
  types: readonly RelationTypeId[],
  bucket: TimelineBucket = reporting.span ? chooseBucket(reporting.span.first, reporting.span.last) : 'day',
): Histogram {
  const typeIndex = new Map(types.map((type, i) => [type, i]));
  const starts = reporting.span ? bucketStarts(reporting.span.first, reporting.span.last, bucket) : [];
  const width = types.length;
  const counts = new Uint32Array(starts.length * width);
  const undated = new Uint32Array(width);
  const first = starts[0] ?? 0;
  // Day → bucket position, once per day of the span (a month's length varies).
  const bucketOfDay = new Int32Array(starts.length === 0 ? 0 : (reporting.span!.last - first + 1));
  for (let b = 0; b < starts.length; b++) {
    const end = Math.min(b + 1 < starts.length ? starts[b + 1]! : reporting.span!.last + 1, first + bucketOfDay.length);
    bucketOfDay.fill(b, starts[b]! - first, end - first);
  }
  for (const relation of relations) {
    const t = typeIndex.get(relation.type);
    if (t === undefined) continue;
    const time = reporting.times.get(relation.id);
    if (time === undefined) {
      undated[t]! += 1;
      continue;
    }
    let lastBucket = -1;
    for (const [from, to] of time.spells) {
      for (let b = bucketOfDay[from - first]!, end = bucketOfDay[to - first]!; b <= end; b++) {
        if (b === lastBucket) continue;
        counts[b * width + t]! += 1;
        lastBucket = b;
      }
    }
  }
  const totals = new Uint32Array(starts.length);
  let max = 0;
  for (let b = 0; b < starts.length; b++) {
    let total = 0;
    for (let t = 0; t < width; t++) total += counts[b * width + t]!;
    totals[b] = total;
    if (total > max) max = total;
  }
  return { bucket, starts, types, counts, totals, max, undated };
}
