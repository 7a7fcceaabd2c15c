/**
 * Input limits
 * ============
 *
 * The sizes newsgraph promises to handle, in one place. Past them the loader
 * and the validator refuse with a `limit-exceeded` problem that names the
 * limit and says how to split the input, instead of freezing the browser tab
 * or the terminal. The README quotes these numbers; a unit test pins them.
 *
 * Callers may lower (or raise) any limit per call with `{ limits: { … } }`;
 * tests use that to exercise the refusals without allocating gigabytes.
 */

import type { Problem } from './errors.ts';

export interface DatasetLimits {
  /** Bytes of one dataset file (UTF-8), checked before parsing it. */
  maxFileBytes: number;
  /** Length of one document's `text`, in UTF-16 code units (what `text.length` counts). */
  maxDocumentLength: number;
  maxDocuments: number;
  maxEntities: number;
  maxRelations: number;
  /** The validator stops collecting after this many problems: past it, the first ones are what a person can act on. */
  maxProblems: number;
  /**
   * Levels of objects and arrays inside each other in a JSON file, checked
   * before parsing it. The dataset format itself needs 5 and other tools'
   * attribute values a few more; a value nested thousands deep parses, then
   * overflows the stack of whatever walks it.
   */
  maxNestingDepth: number;
}

export const DEFAULT_LIMITS: Readonly<DatasetLimits> = Object.freeze({
  maxFileBytes: 100_000_000,
  maxDocumentLength: 2_000_000,
  maxDocuments: 10_000,
  maxEntities: 100_000,
  maxRelations: 500_000,
  maxProblems: 1_000,
  maxNestingDepth: 64,
});

/** What each limit is, in words, for messages: "at most 100,000 entities". */
export const LIMIT_DESCRIPTIONS: Readonly<Record<keyof DatasetLimits, { noun: string; split: string }>> = Object.freeze({
  maxFileBytes: {
    noun: 'bytes per dataset file',
    split: 'split the articles into several dataset files and open them one at a time',
  },
  maxDocumentLength: {
    noun: 'characters (UTF-16 code units) per document text',
    split: 'split the article into several documents (for example one per section), each under the limit',
  },
  maxDocuments: {
    noun: 'documents per dataset',
    split: 'split the documents into several datasets (for example by date or by topic)',
  },
  maxEntities: {
    noun: 'entities per dataset',
    split: 'split the dataset into several smaller ones (for example one per article or per month)',
  },
  maxRelations: {
    noun: 'relations per dataset',
    split: 'split the dataset into several smaller ones (for example one per article or per month)',
  },
  maxProblems: {
    noun: 'problems reported per dataset',
    split: 'fix the problems listed, then validate again to see the rest',
  },
  maxNestingDepth: {
    noun: 'levels of objects and arrays inside each other',
    split: 'flatten the deeply nested value: write it as a string (for example its JSON text), or split it into several attributes',
  },
});

/**
 * The problem for input past a limit: `too large: 150,000 where newsgraph
 * handles at most 100,000 entities per dataset (the limit maxEntities)`.
 * `actual` is a number, or `more` when counting stopped at the first item past it.
 */
export function limitExceeded(path: string, limit: keyof DatasetLimits, max: number, actual: number | 'more'): Problem {
  const { noun, split } = LIMIT_DESCRIPTIONS[limit];
  const found = actual === 'more' ? `more than ${formatCount(max)}` : formatCount(actual);
  return {
    code: 'limit-exceeded',
    path,
    message: `too large: ${found} where newsgraph handles at most ${formatCount(max)} ${noun} (the limit ${limit})`,
    fix: split,
  };
}

/** Any set of numeric limits with the caller's overrides; a non-positive or non-numeric override is ignored rather than disabling a check. */
export function withLimitOverrides<T extends { [K in keyof T]: number }>(defaults: Readonly<T>, overrides?: Partial<T>): T {
  const limits = { ...defaults } as T;
  if (!overrides) return limits;
  for (const key of Object.keys(defaults) as Array<keyof T>) {
    const value = overrides[key];
    if (typeof value === 'number' && value > 0) limits[key] = value as T[keyof T];
  }
  return limits;
}

/** The dataset limits with the caller's overrides. */
export function resolveLimits(overrides?: Partial<DatasetLimits>): DatasetLimits {
  return withLimitOverrides(DEFAULT_LIMITS, overrides);
}

/** `100,000` — limits are quoted in messages, and long numbers are unreadable without separators. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** The problem for a value nested past `maxNestingDepth`, at `path`. */
export function nestedTooDeep(path: string, max: number): Problem {
  const { noun, split } = LIMIT_DESCRIPTIONS.maxNestingDepth;
  return {
    code: 'limit-exceeded',
    path,
    message: `nested more than ${formatCount(max)} levels deep here, where newsgraph handles at most ${formatCount(max)} ${noun} (the limit maxNestingDepth)`,
    fix: split,
  };
}
