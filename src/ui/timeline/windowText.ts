/**
 * A window in words
 * =================
 *
 * "3 Jan – 14 Feb 2023", "28 Dec 2022 – 4 Jan 2023", "3 Jan 2023": how the
 * timeline, the comparison panel and the tests name a window of days, and
 * how many relations were reported in it and how many of those first.
 */

import { dayString, firstReportedIn, formatDate, reportedIn, type DayWindow, type ReportingIndex } from '../../model/index.ts';

/** A window of days for people to read, the year written once when both ends share it. */
export function formatWindow(window: DayWindow): string {
  const from = dayString(window.from);
  const to = dayString(window.to);
  if (from === to) return formatDate(from);
  const last = formatDate(to);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatDate(from)} – ${last}`;
  const first = formatDate(from);
  return `${first.slice(0, first.length - 5)} – ${last}`;
}

/** The <input type="date"> value of a day number, and back (null for an empty or unreadable value). */
export function dateInputValue(day: number): string {
  return dayString(day);
}

export function dayOfDateInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : Math.round(time / 86_400_000);
}

export interface WindowCounts {
  /** Relations reported on a day inside the window. */
  readonly reported: number;
  /** Of those, first reported inside it. */
  readonly first: number;
}

/** One pass over the dated relations (a few milliseconds for 50,000). */
export function countWindow(reporting: ReportingIndex, window: DayWindow): WindowCounts {
  let reported = 0;
  let first = 0;
  for (const time of reporting.times.values()) {
    if (!reportedIn(time, window)) continue;
    reported += 1;
    if (firstReportedIn(time, window)) first += 1;
  }
  return { reported, first };
}

/** "57 relations (12 new)". */
export function describeCounts(counts: WindowCounts): string {
  return `${counts.reported} ${counts.reported === 1 ? 'relation' : 'relations'} (${counts.first} new)`;
}
