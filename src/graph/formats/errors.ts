/**
 * Export errors
 * =============
 *
 * Reading errors reuse the model's DatasetParseError / DatasetValidationError
 * (the input is a dataset in another dress). Writing can fail only when the
 * dataset holds something the target format cannot carry; that is the user's
 * data, not a bug, so it is a NewsgraphError (CLI exit 1) naming the field.
 */

import { DatasetParseError, formatProblem, NewsgraphError, type Problem } from '../../model/index.ts';

export class FormatWriteError extends NewsgraphError {
  override name = 'FormatWriteError';
  constructor(
    readonly format: string,
    readonly path: string,
    reason: string,
    fix: string,
  ) {
    super(`cannot write ${format}: ${path}: ${reason}. Fix: ${fix}`);
  }
}

/**
 * A file that could not be read as its format at all, as a DatasetParseError
 * carrying one structured problem (code, location, fix) for the app to show,
 * with a one-line message for the terminal: `file: line 3, column 7: … Fix: …`.
 */
export function parseFailure(file: string, problem: Problem): DatasetParseError {
  const error = new DatasetParseError(problem, file);
  error.message = `${file}: ${formatProblem(problem)}`;
  return error;
}
