/**
 * Days
 * ====
 *
 * The calendar days newsgraph's timeline counts in. A day is written
 * "YYYY-MM-DD" (a real one) and computed with as a day number: whole days
 * since 1970-01-01 (UTC), so a window test or a histogram bucket is integer
 * arithmetic, never a `Date` per relation. An event date may be less precise
 * than a day: "2022" or "2022-03" when the sentence says only "in 2022" or
 * "in March".
 */

import { isPublished } from './published.ts';

export const DAY_FORMAT = 'a calendar day written YYYY-MM-DD, e.g. 2023-09-21';
export const EVENT_DATE_FORMAT = 'a year, month or day: YYYY, YYYY-MM or YYYY-MM-DD';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MS_PER_DAY = 86_400_000;

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && isPublished(value);
}

/** A year ("2022"), month ("2022-03") or day ("2022-03-05"). */
export function isEventDate(value: unknown): value is string {
  return typeof value === 'string' && (YEAR.test(value) || MONTH.test(value) || isDay(value));
}

/** Whole days since 1970-01-01 of a "YYYY-MM-DD" day (the first day of a year or month given as "YYYY" or "YYYY-MM"). */
export function dayNumber(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = day.length >= 7 ? Number(day.slice(5, 7)) : 1;
  const date = day.length >= 10 ? Number(day.slice(8, 10)) : 1;
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

/** The "YYYY-MM-DD" of a day number. */
export function dayString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The last day number an event date covers: "2022" → 31 December 2022. */
export function lastDayNumber(date: string): number {
  if (date.length >= 10) return dayNumber(date);
  const year = Number(date.slice(0, 4));
  if (date.length === 4) return Math.round(Date.UTC(year + 1, 0, 1) / MS_PER_DAY) - 1;
  const month = Number(date.slice(5, 7));
  return Math.round(Date.UTC(year, month, 1) / MS_PER_DAY) - 1;
}

/** English month abbreviations, fixed (Intl's en-GB gives "Sept" in some engines and not others). */
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "21 Sep 2023", "Sep 2023", "2023": an event date or day for people to read. */
export function formatDate(date: string): string {
  const year = date.slice(0, 4);
  if (date.length === 4) return year;
  const month = SHORT_MONTHS[Number(date.slice(5, 7)) - 1] ?? date.slice(5, 7);
  if (date.length === 7) return `${month} ${year}`;
  return `${Number(date.slice(8, 10))} ${month} ${year}`;
}
