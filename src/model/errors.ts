/**
 * Errors
 * ======
 *
 * Named error classes for everything a user can get wrong, in the manner of
 * graphology's `NotFoundGraphError`/`UsageGraphError`: callers (CLI, app,
 * tests) branch on the class, and every problem carries the path of the bad
 * field, the bad value and how to fix it.
 */

/** One thing wrong with an input, located by a JSON path such as `relations[12].evidence[0].end`. */
export interface Problem {
  /** Stable machine-readable kind, e.g. `dangling-reference`. */
  code: string;
  path: string;
  message: string;
  /** How to fix it, in words. */
  fix: string;
  value?: unknown;
}

export class NewsgraphError extends Error {
  override name = 'NewsgraphError';
}

/** The input is not well-formed at all (not JSON, not a dataset). */
export class DatasetParseError extends NewsgraphError {
  override name = 'DatasetParseError';
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/** The input parsed, but breaks the dataset contract; `problems` lists every violation found. */
export class DatasetValidationError extends NewsgraphError {
  override name = 'DatasetValidationError';
  constructor(
    readonly problems: Problem[],
    readonly file?: string,
  ) {
    super(summarizeProblems(problems, file));
  }
}

export function formatProblem(problem: Problem): string {
  const value = problem.value === undefined ? '' : ` (got ${quoteValue(problem.value)})`;
  return `${problem.path || '(top level)'}: ${problem.message}${value}. Fix: ${problem.fix}`;
}

function summarizeProblems(problems: Problem[], file?: string): string {
  const where = file ? `${file}: ` : '';
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `${where}invalid newsgraph dataset, ${count}:\n` + problems.map((p) => `  - ${formatProblem(p)}`).join('\n');
}

/** A short, single-line rendering of a bad value for messages. */
export function quoteValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
