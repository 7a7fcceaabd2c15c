/**
 * The brush's arithmetic
 * ======================
 *
 * The timeline's brush works in buckets (the histogram's bars) and tells
 * the state in days: a window is a range of whole buckets, from the first
 * day of its first bucket to the last day of its last. Pure functions, so
 * dragging, the keyboard, playing and the tests all move a window by the
 * same rules: a window never leaves the histogram and never shrinks below
 * one bucket.
 */

import { nextBucketStart, type DayWindow, type Histogram } from '../../model/index.ts';

/** A window as bucket positions, inclusive: `first <= last`, both inside the histogram. */
export interface BucketRange {
  readonly first: number;
  readonly last: number;
}

/** The position of the bucket holding `day` (clamped to the histogram's ends). */
export function bucketIndexOf(histogram: Pick<Histogram, 'starts'>, day: number): number {
  const { starts } = histogram;
  if (starts.length === 0 || day <= starts[0]!) return 0;
  let low = 0;
  let high = starts.length - 1;
  // The last bucket starting on or before `day`.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= day) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The last day of bucket `b`. */
export function bucketEnd(histogram: Pick<Histogram, 'starts' | 'bucket'>, b: number): number {
  const next = histogram.starts[b + 1];
  return (next ?? nextBucketStart(histogram.starts[b]!, histogram.bucket)) - 1;
}

/** The buckets a window of days covers (a window reaching past the histogram is clamped to it). */
export function rangeOfWindow(histogram: Pick<Histogram, 'starts'>, window: DayWindow): BucketRange {
  return { first: bucketIndexOf(histogram, window.from), last: bucketIndexOf(histogram, window.to) };
}

/** The days of a bucket range: first day of the first bucket to last day of the last. */
export function windowOfRange(histogram: Pick<Histogram, 'starts' | 'bucket'>, range: BucketRange): DayWindow {
  const first = clampIndex(histogram, Math.min(range.first, range.last));
  const last = clampIndex(histogram, Math.max(range.first, range.last));
  return { from: histogram.starts[first]!, to: bucketEnd(histogram, last) };
}

function clampIndex(histogram: Pick<Histogram, 'starts'>, b: number): number {
  return Math.max(0, Math.min(histogram.starts.length - 1, b));
}

/** The range shifted by `delta` buckets, its length kept, stopped at either end. */
export function shiftRange(count: number, range: BucketRange, delta: number): BucketRange {
  const length = range.last - range.first;
  const first = Math.max(0, Math.min(count - 1 - length, range.first + delta));
  return { first, last: first + length };
}

/** One edge of the range moved by `delta` buckets; the range keeps at least one bucket and stays inside. */
export function resizeRange(count: number, range: BucketRange, edge: 'first' | 'last', delta: number): BucketRange {
  if (edge === 'first') return { first: Math.max(0, Math.min(range.last, range.first + delta)), last: range.last };
  return { first: range.first, last: Math.min(count - 1, Math.max(range.first, range.last + delta)) };
}

/** What a window starts as when the reader plays or uses the keyboard with none chosen: an eighth of the histogram, at least one bucket. */
export function defaultRange(count: number, at: 'start' | 'end' = 'start'): BucketRange {
  const length = Math.max(1, Math.round(count / 8));
  return at === 'start' ? { first: 0, last: Math.min(count, length) - 1 } : { first: Math.max(0, count - length), last: count - 1 };
}

/**
 * The next step of a play: the window moved forward by its own length (the
 * last step stops at the end); null when it is already at the end.
 */
export function playStep(count: number, range: BucketRange): BucketRange | null {
  if (range.last >= count - 1) return null;
  return shiftRange(count, range, range.last - range.first + 1);
}

/** The bucket under a horizontal position of the plot, `x` measured from its left edge. */
export function bucketAtX(count: number, plotWidth: number, x: number): number {
  if (count === 0 || plotWidth <= 0) return 0;
  return Math.max(0, Math.min(count - 1, Math.floor((x / plotWidth) * count)));
}

/** What a press on the plot grabs: a handle of the window, the window itself, or empty plot (a new window). */
export type BrushGrab = 'first' | 'last' | 'move' | 'new';

/**
 * Which part of the window a press at `x` grabs: within `handle` pixels of
 * an edge is that edge's handle, inside is the whole window, outside starts
 * a new window.
 */
export function grabAt(count: number, plotWidth: number, range: BucketRange | null, x: number, handle = 6): BrushGrab {
  if (range === null || count === 0) return 'new';
  const left = (range.first / count) * plotWidth;
  const right = ((range.last + 1) / count) * plotWidth;
  if (Math.abs(x - left) <= handle) return 'first';
  if (Math.abs(x - right) <= handle) return 'last';
  return x > left && x < right ? 'move' : 'new';
}

/** The range a drag gives: started by `grab` on `startRange` at bucket `from`, now over bucket `to`. */
export function dragRange(count: number, grab: BrushGrab, startRange: BucketRange | null, from: number, to: number): BucketRange {
  if (grab === 'new' || startRange === null) return { first: Math.min(from, to), last: Math.max(from, to) };
  if (grab === 'move') return shiftRange(count, startRange, to - from);
  // A handle dragged past the other edge turns the window over, as in a spreadsheet selection.
  const anchor = grab === 'first' ? startRange.last : startRange.first;
  return { first: Math.min(anchor, to), last: Math.max(anchor, to) };
}
