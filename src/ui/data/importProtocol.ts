/**
 * The import worker's message protocol
 * ====================================
 *
 * Parsing and validating a 30 MB graph file takes seconds; on the main thread
 * that freezes the tab. The import worker (`importWorker.ts`) does both and
 * hands back a dataset that already passed the app's single gate
 * (`checkCandidate`), so the main thread only builds the graph. Everything
 * crossing the boundary is structured-cloneable: problems are plain objects,
 * errors travel as their class name and message.
 *
 *   → { type: 'import', fileName, text }
 *   ← { type: 'progress', stage }              'reading' | 'parsing' | 'validating'
 *   ← { type: 'result', dataset, warnings }    valid; swap it in
 *   ← { type: 'invalid', problems, errorName, message, file }
 *                                              keep the current graph, list the problems
 *
 * `handleImportRequest` is the worker's whole logic, free of worker APIs, so
 * it runs in Node tests and, when `Worker` is missing, on the main thread.
 */

import type { Dataset, Problem } from '../../model/index.ts';
import { checkCandidate, problemsOf } from '../../state/dataSource.ts';

export type ImportStage = 'reading' | 'parsing' | 'validating';

/** The words the status line shows for each stage. */
export const IMPORT_STAGE_LABELS: Record<ImportStage, string> = {
  reading: 'Reading',
  parsing: 'Parsing',
  validating: 'Validating',
};

export interface ImportRequest {
  type: 'import';
  fileName: string;
  text: string;
}

export interface ImportProgress {
  type: 'progress';
  stage: ImportStage;
}

export interface ImportResult {
  type: 'result';
  dataset: Dataset;
  warnings: Problem[];
}

export interface ImportInvalid {
  type: 'invalid';
  problems: Problem[];
  /** The thrown error's class name (`DatasetParseError`, …), or `DatasetValidationError` when the gate refused it. */
  errorName: string;
  message: string;
  file: string;
}

export type ImportResponse = ImportProgress | ImportResult | ImportInvalid;

/** Why `value` is not an `ImportRequest`, or undefined when it is one. */
export function importRequestProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'the message must be an object { type: "import", fileName, text }';
  const request = value as Record<string, unknown>;
  if (request.type !== 'import') return `unknown message type ${JSON.stringify(request.type)}; send { type: "import", fileName, text }`;
  if (typeof request.fileName !== 'string' || request.fileName === '') return 'field "fileName" must be the file’s name (its extension picks the format)';
  if (typeof request.text !== 'string') return 'field "text" must be the file’s content as a string';
  return undefined;
}

/** A thrown value as an `invalid` response: structured problems kept, anything else as one problem. */
export function invalidResponse(error: unknown, file: string): ImportInvalid {
  return {
    type: 'invalid',
    problems: problemsOf(error),
    errorName: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    file,
  };
}

/**
 * The answer when the worker itself failed (script not loaded, uncaught error): one problem, the file kept.
 * Its own fix, since the file is not at fault: `problemsOf`'s generic "check the file is one newsgraph reads" would mislead.
 */
export function workerFailure(detail: string | undefined, file: string): ImportInvalid {
  const problem: Problem = {
    code: 'invalid-value',
    path: '',
    message: `the import worker failed: ${detail || 'unknown error'}`,
    fix: 'reload the page and try again; if it persists, report it with the file',
  };
  return { type: 'invalid', problems: [problem], errorName: 'ImportWorkerError', message: `${problem.message}. Fix: ${problem.fix}.`, file };
}

/** Reads, parses and validates one file, posting progress, then exactly one result or invalid. Never throws. */
export async function handleImportRequest(message: unknown, post: (response: ImportResponse) => void): Promise<void> {
  const problem = importRequestProblem(message);
  if (problem) {
    post(invalidResponse(new Error(`import worker: ${problem}.`), ''));
    return;
  }
  const { fileName, text } = message as ImportRequest;
  try {
    post({ type: 'progress', stage: 'reading' });
    const formats = await import('../../graph/formats/index.ts');
    post({ type: 'progress', stage: 'parsing' });
    const { dataset, warnings } = await formats.readAnyWithWarnings(fileName, text);
    post({ type: 'progress', stage: 'validating' });
    const checked = checkCandidate(dataset, { kind: 'file', name: fileName });
    if (!checked.ok) {
      post({ type: 'invalid', problems: checked.problems, errorName: 'DatasetValidationError', message: `${fileName} is not a valid dataset`, file: fileName });
      return;
    }
    post({ type: 'result', dataset: checked.dataset, warnings });
  } catch (error) {
    post(invalidResponse(error, fileName));
  }
}
