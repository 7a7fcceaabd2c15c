/**
 * Errors
 * ======
 *
 * Named error classes for everything a user can get wrong, in the manner of
 * graphology's `NotFoundGraphError`/`UsageGraphError`: callers (CLI, app,
 * tests) branch on the class, and every problem carries a stable `code`, the
 * JSON path of the bad field, the bad value and how to fix it.
 *
 * Problems are printed to terminals and shown in the app, and their values
 * come from untrusted files: `quoteValue` escapes control and bidi-override
 * characters so a hostile value cannot reorder or hide the message around it.
 */

/** One thing wrong with an input, located by a JSON path such as `relations[12].evidence[0].end`. */
export interface Problem {
  /** Stable machine-readable kind, e.g. `dangling-reference` (the list is in `PROBLEM_CODES`). */
  code: string;
  /** JSON path of the bad field; `''` when the problem concerns the whole input. */
  path: string;
  message: string;
  /** How to fix it, in words. */
  fix: string;
  value?: unknown;
  /** 1-based position in the file's text, for syntax problems (before any JSON path exists). */
  line?: number;
  column?: number;
}

/** Every problem code, with what it means: the README's table and the tests are written against this list. */
export const PROBLEM_CODES = {
  'file-not-found': 'the path names no file',
  'not-a-file': 'the path names a directory or device, not a file',
  'unreadable-file': 'the file exists but cannot be read (permissions)',
  'empty-file': 'the file is empty or only white space',
  'binary-file': 'the file is not UTF-8 text (binary, or UTF-16)',
  'invalid-json': 'the text is not well-formed JSON (line and column given)',
  'wrong-top-level': 'the JSON is not an object with version, documents, entities and relations',
  'wrong-version': 'the dataset declares a format version newsgraph does not read',
  'missing-field': 'a required field is absent',
  'wrong-type': 'a field holds the wrong kind of JSON value',
  'unknown-field': 'a field name the format does not have (often a typo)',
  'empty-value': 'a string that must not be empty is empty',
  'invalid-offset': 'an offset is negative or not a whole number',
  'unknown-entity-type': 'an entity type outside the registry',
  'unknown-relation-type': 'a relation type outside the registry',
  'duplicate-id': 'two records of one kind share an id',
  'reserved-id': 'an id that every JavaScript object already has as a property (__proto__, constructor, toString …), which graph libraries cannot hold',
  'duplicate-key': 'a JSON object names the same field twice, where JSON.parse would silently keep the last (line and column given)',
  'dangling-reference': 'an id that names no document or entity',
  'offset-out-of-range': 'an offset past the end of the document text',
  'empty-span': 'a span whose start is not before its end',
  'split-character': 'an offset that cuts a character (surrogate pair, combining mark, emoji sequence) in two',
  'mention-not-a-name': 'the mentioned text is neither the label nor an alias',
  'evidence-not-sentence': 'evidence that does not start or end on a sentence boundary',
  'evidence-missing-mention': 'evidence with no recorded mention of an end of its relation, and no note',
  'limit-exceeded': 'the input is larger than newsgraph handles (see limits.ts)',
  'too-many-problems': 'reporting stopped after the maximum number of problems',
  'invalid-value': 'any other value the format does not allow',
  'unreadable-value': 'the input is not plain data (a getter that throws); never produced for JSON.parse output',
} as const satisfies Record<string, string>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export class NewsgraphError extends Error {
  override name = 'NewsgraphError';
}

/** A dataset could not be used; `problems` lists every reason found, each with its path and fix. */
export class DatasetError extends NewsgraphError {
  override name = 'DatasetError';
  constructor(
    message: string,
    readonly problems: Problem[],
    readonly file?: string,
    /** False when built from a bare message: then print `message` as is, since it is not split into path and fix. */
    readonly structured = true,
  ) {
    super(message);
  }

  /** The code of the first problem: enough to branch on when there is only one. */
  get code(): string {
    return this.problems[0]?.code ?? 'invalid-value';
  }

  get path(): string {
    return this.problems[0]?.path ?? '';
  }
}

/**
 * The input is not a dataset document at all: no file, not text, not JSON, too
 * large to read. Nothing past the first such problem can be checked.
 *
 * Accepts a bare message for callers (importers of other formats) that have no
 * structured problem to give.
 */
export class DatasetParseError extends DatasetError {
  override name = 'DatasetParseError';
  constructor(problem: Problem | string, file?: string) {
    const asProblem: Problem =
      typeof problem === 'string' ? { code: 'invalid-value', path: '', message: problem, fix: 'check the file is a complete newsgraph dataset' } : problem;
    super(typeof problem === 'string' ? problem : summarizeProblems([asProblem], file), [asProblem], file, typeof problem !== 'string');
  }
}

/** The input parsed, but breaks the dataset contract; `problems` lists every violation found. */
export class DatasetValidationError extends DatasetError {
  override name = 'DatasetValidationError';
  constructor(problems: Problem[], file?: string) {
    super(summarizeProblems(problems, file), problems, file);
  }
}

/** `relations[3].type: unknown relation type (got "allied"). Fix: …` — one line, the file left to the caller. */
export function formatProblem(problem: Problem): string {
  const value = problem.value === undefined ? '' : ` (got ${quoteValue(problem.value)})`;
  const path = problem.path ? ` (${problem.path})` : '';
  const where = problem.line !== undefined ? `line ${problem.line}, column ${problem.column ?? 1}${path}: ` : problem.path ? `${problem.path}: ` : '';
  return `${where}${problem.message}${value}. Fix: ${problem.fix}`;
}

function summarizeProblems(problems: Problem[], file?: string): string {
  const where = file ? `${file}: ` : '';
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `${where}not a valid newsgraph dataset, ${count}:\n` + problems.map((p) => `  - ${formatProblem(p)}`).join('\n');
}

const MAX_QUOTE = 80;

/**
 * A short, single-line, terminal-safe rendering of a bad value for messages.
 * Bounded in time and depth: values come from arbitrary files (a million-item
 * array, nesting ten thousand deep) and a message must never be the thing that hangs or throws.
 */
export function quoteValue(value: unknown): string {
  const text = preview(value, 3);
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 3)}...` : text;
}

/** A string as a JSON literal, with invisible and direction-changing characters escaped. */
export function quoteText(text: string, max = MAX_QUOTE): string {
  const cut = text.length > max ? `${text.slice(0, max - 3)}...` : text;
  return escapeInvisible(JSON.stringify(cut));
}

function preview(value: unknown, depth: number): string {
  if (typeof value === 'string') return quoteText(value, MAX_QUOTE * 2);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth === 0) return `[…${value.length} items]`;
    const shown = value.slice(0, 4).map((item) => preview(item, depth - 1));
    return `[${shown.join(', ')}${value.length > 4 ? `, …${value.length - 4} more` : ''}]`;
  }
  if (typeof value === 'object') {
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch {
      return '{…}';
    }
    if (keys.length === 0) return '{}';
    if (depth === 0) return `{…${keys.length} fields}`;
    const shown = keys.slice(0, 4).map((key) => {
      let item: unknown;
      try {
        item = (value as Record<string, unknown>)[key];
      } catch {
        item = '…';
      }
      return `${quoteText(key, 40)}: ${preview(item, depth - 1)}`;
    });
    return `{${shown.join(', ')}${keys.length > 4 ? ', …' : ''}}`;
  }
  return typeof value;
}

/**
 * Control characters, bidi overrides/isolates/marks, zero-width spaces and other
 * invisible format characters, as `\uXXXX`: they could reorder or hide the
 * text around them in a terminal. (The zero-width joiner inside emoji stays.)
 */
export function escapeInvisible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
