/**
 * Reading records
 * ===============
 *
 * How the checks read a value that may be anything: a record as an object
 * (or as empty when it is not one), a field as a non-empty string, a record
 * through the fast path and then zod, a list of spans item by item. Each
 * keeps what is readable, so one bad item does not hide the rest.
 */

import type { z } from 'zod';
import type { Span } from '../schema.ts';
import type { Report } from './report.ts';
import { problemsFromIssue } from './zodProblems.ts';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The fast path's answer for a well-formed value, or undefined: then zod
 * decides. A throw (a hostile getter) also means "ask zod", which meets the
 * same throw and reports it as before.
 */
export function tryFast<T>(fast: (raw: unknown) => T | undefined, raw: unknown): T | undefined {
  try {
    return fast(raw);
  } catch {
    return undefined;
  }
}

/** Parses one record (the hand-written fast path first, zod for the rest); its schema issues go to the report with the record's path. */
export function parseRecord<T>(fast: (raw: unknown) => T | undefined, schema: z.ZodType<T>, raw: unknown, list: string, index: number, report: Report): T | undefined {
  const quick = tryFast(fast, raw);
  if (quick !== undefined) return quick;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) for (const problem of problemsFromIssue(issue, raw, [list, index])) report.add(problem);
  return undefined;
}

/**
 * The well-formed spans of a possibly broken list, at their original indices
 * (so paths stay right); `undefined` where an item is malformed.
 */
export function salvageSpans<S extends Span>(list: unknown, schema: z.ZodType<S>): { spans: Array<S | undefined>; complete: boolean } {
  if (!Array.isArray(list)) return { spans: [], complete: false };
  let complete = true;
  const spans = list.map((item) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) complete = false;
    return parsed.success ? parsed.data : undefined;
  });
  return { spans, complete };
}
