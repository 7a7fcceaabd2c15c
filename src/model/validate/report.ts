/**
 * Problem collection
 * ==================
 *
 * The list every check writes to. It stops the whole validation (by throwing
 * `STOP`, which `validateDataset` catches) once `maxProblems` is reached, so
 * a file with one systematic mistake does not produce a million problems.
 */

import type { Problem } from '../errors.ts';
import { formatCount, LIMIT_DESCRIPTIONS } from '../limits.ts';

/** Thrown by `Report.add` past the limit; only `validateDataset` catches it. */
export const STOP = Symbol('too many problems');

export class Report {
  readonly problems: Problem[] = [];
  constructor(private readonly max: number) {}

  add(problem: Problem): void {
    if (this.problems.length >= this.max) {
      this.problems.push({
        code: 'too-many-problems',
        path: '',
        message: `stopped after ${formatCount(this.max)} problems (the limit maxProblems)`,
        fix: `${LIMIT_DESCRIPTIONS.maxProblems.split}; one systematic mistake (shifted offsets, a renamed field) often causes most of them`,
      });
      throw STOP;
    }
    this.problems.push(problem);
  }
}
