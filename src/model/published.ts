/**
 * Publication dates
 * =================
 *
 * A document's `published` is an ISO 8601 calendar date ("2023-09-21") or
 * date-time ("2023-09-21T14:05:00Z", "2023-09-21T14:05+02:00"), and a real
 * one: "2023-02-30" is refused. The one place that rule lives: the schema,
 * the validator's fast path, the store and the server all ask `isPublished`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

export const PUBLISHED_FORMAT = 'an ISO 8601 date or date-time, e.g. 2023-09-21 or 2023-09-21T14:05:00Z';

export function isPublished(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why a value is not a `published` date, in words for a problem's message:
 * "not a real date: February 2023 has 28 days" for a well-shaped impossible
 * day, the expected format otherwise.
 */
export function publishedFault(value: unknown): string {
  if (typeof value === 'string') {
    const match = ISO_DATE.exec(value);
    if (match) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      if (month < 1 || month > 12) return `not a real date: there is no month ${match[2]}`;
      if (Number(match[3]) < 1) return 'not a real date: days are numbered from 01';
      const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return `not a real date: ${MONTH_NAMES[month - 1]} ${match[1]} has ${daysInMonth} days`;
    }
    // "2023-09-21 14:05", as SQL and spreadsheets write it.
    if (ISO_DATE.test(value.replace(' ', 'T'))) return `needs a "T" between the date and the time, as ISO 8601 writes it: ${value.replace(' ', 'T')}`;
  }
  return `must be ${PUBLISHED_FORMAT}`;
}

/** The calendar day a `published` value names, as written (no time-zone shift): "2023-09-21T23:30-05:00" → "2023-09-21". */
export function publishedDay(published: string): string {
  return published.slice(0, 10);
}
