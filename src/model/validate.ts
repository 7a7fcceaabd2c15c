/**
 * Dataset validation
 * ==================
 *
 * `validateDataset` checks an unknown value against the schema and then the
 * rules a schema cannot express: unique ids, references that resolve, offsets
 * inside the text and on whole characters, mentions on the quoted names,
 * evidence on sentence boundaries that names both ends of its relation.
 *
 * It reports every problem at once (up to `maxProblems`), each with its JSON
 * path, the bad value and a fix, and it never throws. Speed matters too (a
 * 50,000-relation dataset validates and becomes a graph in well under half a
 * second, issue #6): well-formed records take a hand-written fast path
 * (`wellFormed.ts`) that returns exactly what zod would; zod parses, and
 * explains, everything else.
 *
 * This file is the entry point; the work is in `validate/`:
 *   report.ts       the problem list and its maxProblems cap
 *   zodProblems.ts  zod issues → problems with paths and fixes
 *   records.ts      reading possibly broken records: fast path, zod, salvage
 *   datasetCheck.ts the stages: top level, documents, entities, relations
 *   spanChecks.ts   one span's document, offsets, name or sentence
 *   mentionIndex.ts "does entity X have a mention inside this sentence?"
 */

import { DatasetValidationError, type Problem } from './errors.ts';
import { resolveLimits, type DatasetLimits } from './limits.ts';
import type { Dataset } from './schema.ts';
import { checkDataset } from './validate/datasetCheck.ts';
import { Report, STOP } from './validate/report.ts';

export { formatPath } from './validate/zodProblems.ts';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export interface ValidateOptions {
  /** Override limits for this call (tests lower them; a server might raise them). */
  limits?: Partial<DatasetLimits>;
}

export function validateDataset(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const limits = resolveLimits(options.limits);
  const report = new Report(limits.maxProblems);
  let dataset: Dataset | undefined;
  try {
    dataset = checkDataset(input, report, limits);
  } catch (error) {
    if (error !== STOP) {
      // Only reachable with non-JSON values (a getter that throws, a revoked Proxy): JSON.parse output never gets here.
      report.problems.push({
        code: 'unreadable-value',
        path: '',
        message: `validateDataset: the input could not be read as plain data (${error instanceof Error ? error.message : String(error)})`,
        fix: 'pass the result of JSON.parse, or a plain object of arrays, strings, numbers and booleans',
      });
    }
  }
  if (report.problems.length === 0 && dataset) return { ok: true, dataset };
  return { ok: false, problems: report.problems };
}

/** Like `validateDataset`, but throws a `DatasetValidationError` naming `file`. */
export function assertValidDataset(input: unknown, file?: string, options?: ValidateOptions): Dataset {
  const result = validateDataset(input, options);
  if (!result.ok) throw new DatasetValidationError(result.problems, file);
  return result.dataset;
}
