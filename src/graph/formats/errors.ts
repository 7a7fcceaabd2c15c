/**
 * Export errors
 * =============
 *
 * Reading errors reuse the model's DatasetParseError / DatasetValidationError
 * (the input is a dataset in another dress). Writing can fail only when the
 * dataset holds something the target format cannot carry; that is the user's
 * data, not a bug, so it is a NewsgraphError (CLI exit 1) naming the field.
 */

import { NewsgraphError } from '../../model/index.ts';

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
