/**
 * The timeline's axis labels
 * ==========================
 *
 * Which bars get a date under them, and what it says: evenly spaced, as
 * many as fit (about one per 72 pixels), "3 Jan" for days and weeks with
 * the year added at the first label and wherever the year changes, "Jan"
 * for months with the year likewise.
 */

import { dayString, formatDate, type Histogram } from '../../model/index.ts';

export interface AxisTick {
  /** The bucket the label sits under (at its left edge). */
  readonly bucket: number;
  readonly text: string;
}

/** Pixels a label needs, with room around it. */
export const TICK_SPACING = 72;

export function axisTicks(histogram: Pick<Histogram, 'starts' | 'bucket'>, plotWidth: number): AxisTick[] {
  const count = histogram.starts.length;
  if (count === 0 || plotWidth <= 0) return [];
  const fit = Math.max(1, Math.floor(plotWidth / TICK_SPACING));
  const step = Math.max(1, Math.ceil(count / fit));
  const ticks: AxisTick[] = [];
  let lastYear = '';
  for (let b = 0; b < count; b += step) {
    const day = dayString(histogram.starts[b]!);
    const year = day.slice(0, 4);
    const full = formatDate(histogram.bucket === 'month' ? day.slice(0, 7) : day);
    // The year once, then again where it changes; "Jan 2023" → "Jan", "3 Jan 2023" → "3 Jan".
    ticks.push({ bucket: b, text: year === lastYear ? full.slice(0, full.length - 5) : full });
    lastYear = year;
  }
  return ticks;
}
