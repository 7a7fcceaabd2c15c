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
}

export const DEFAULT_LIMITS: Readonly<DatasetLimits> = Object.freeze({
  maxFileBytes: 100_000_000,
  maxDocumentLength: 2_000_000,
  maxDocuments: 10_000,
  maxEntities: 100_000,
  maxRelations: 500_000,
  maxProblems: 1_000,
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
});

/** The defaults with the caller's overrides; a non-positive or non-numeric override is ignored rather than disabling a check. */
export function resolveLimits(overrides?: Partial<DatasetLimits>): DatasetLimits {
  const limits: DatasetLimits = { ...DEFAULT_LIMITS };
  if (!overrides) return limits;
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof DatasetLimits>) {
    const value = overrides[key];
    if (typeof value === 'number' && value > 0) limits[key] = value;
  }
  return limits;
}

/** `100,000` — limits are quoted in messages, and long numbers are unreadable without separators. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
