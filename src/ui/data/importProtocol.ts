/**
 * The import worker's messages and handler
 * ========================================
 *
 * Parsing and validating a 30 MB graph file takes seconds; on the main thread
 * that freezes the tab. The import worker (`import.worker.ts`) does both and
 * hands back a dataset that already passed the app's single gate
 * (`checkCandidate`), so the main thread only builds the graph. It speaks the
 * one worker protocol (`src/workers/protocol.ts`); a file that cannot be used
 * is answered with an error whose problems are plain objects, the thrown
 * error's class travelling as its name:
 *
 *   → { type: 'import', fileName, text, readOptions? }
 *                                              readOptions: the mapping dialog's choices
 *                                              (state/typeChoices.ts), plain data
 *   ← { type: 'progress', stage }              'reading' | 'parsing' | 'validating'
 *   ← { type: 'result', dataset, warnings, types? }
 *                                              valid; swap it in. `types`: what the
 *                                              file called its types and what each
 *                                              became (absent for newsgraph's own files)
 *   ← { type: 'error', message, problems, errorName, file }
 *                                              keep the current graph, list the problems
 *
 * Nodes the file gives no type are typed from what newsgraph knows of their
 * names (`knownEntityType`, the extractor's gazetteer), passed to the reader
 * here because a function cannot cross postMessage.
 *
 * `importHandler` is the worker's whole logic and `handleImportRequest`
 * answers one message with it, free of worker APIs, so both run in Node
 * tests and, when `Worker` is missing, on the main thread.
 */

import type { TypeReading } from '../../graph/formats/types.ts';
import { DatasetValidationError, type Dataset, type Problem } from '../../model/index.ts';
import { checkCandidate, problemsOf } from '../../state/dataSource.ts';
import { typeReadOptionsProblem, type TypeReadOptions } from '../../state/typeChoices.ts';
import { answerRequest, type ErrorMessage, type ResultMessage, type WorkerHandler, type WorkerResponse } from '../../workers/protocol.ts';

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
  /** How to read the file's own relation and entity types; the reader's defaults without it. */
  readOptions?: TypeReadOptions;
}

export interface ImportProgress {
  stage: ImportStage;
}

export interface ImportResultPayload {
  dataset: Dataset;
  warnings: Problem[];
  /** How the file's types were read, for the mapping dialog; absent for newsgraph's own files. */
  types?: TypeReading;
}

/** What an error answer carries besides its message: plain data, so it survives postMessage. */
export interface ImportErrorDetails {
  problems: Problem[];
  /** The thrown error's class name (`DatasetParseError`, …), or `DatasetValidationError` when the gate refused it. */
  errorName: string;
  file: string;
}

export type ImportResponse = WorkerResponse<ImportProgress, ImportResultPayload, ImportErrorDetails>;

/** `importInWorker`'s answers: the result message, or the problems to list. */
export type ImportResult = ResultMessage<ImportResultPayload>;

export interface ImportInvalid extends ImportErrorDetails {
  type: 'invalid';
  message: string;
}

/** Why `value` is not an `ImportRequest`, or undefined when it is one. */
export function importRequestProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'the message must be an object { type: "import", fileName, text }';
  const request = value as Record<string, unknown>;
  if (request.type !== 'import') return `unknown message type ${JSON.stringify(request.type)}; send { type: "import", fileName, text }`;
  if (typeof request.fileName !== 'string' || request.fileName === '') return 'field "fileName" must be the file’s name (its extension picks the format)';
  if (typeof request.text !== 'string') return 'field "text" must be the file’s content as a string';
  if (request.readOptions !== undefined) return typeReadOptionsProblem(request.readOptions);
  return undefined;
}

/** A thrown value as plain data: structured problems kept, anything else as one problem. */
export function importErrorDetails(error: unknown, file: string): ImportErrorDetails {
  return { problems: problemsOf(error), errorName: error instanceof Error ? error.name : 'Error', file };
}

/** An error answer as `importInWorker`'s outcome. */
export function invalidOutcome({ message, problems, errorName, file }: ErrorMessage<ImportErrorDetails>): ImportInvalid {
  return { type: 'invalid', problems, errorName, message, file };
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

export const importHandler: WorkerHandler<ImportRequest, ImportProgress, ImportResultPayload, ImportErrorDetails> = {
  name: 'import worker',
  readRequest(message) {
    const problem = importRequestProblem(message);
    return problem === undefined ? { request: message as ImportRequest } : { problem };
  },
  /** Reads, parses and validates one file. */
  async run({ fileName, text, readOptions }, progress) {
    progress({ stage: 'reading' });
    const [formats, { knownEntityType }] = await Promise.all([import('../../graph/formats/index.ts'), import('../../extract/knownEntityType.ts')]);
    progress({ stage: 'parsing' });
    const { dataset, warnings, types } = await formats.readAnyWithWarnings(fileName, text, { ...readOptions, entityTypeOf: knownEntityType });
    progress({ stage: 'validating' });
    const checked = checkCandidate(dataset, { kind: 'file', name: fileName });
    if (!checked.ok) throw new DatasetValidationError(checked.problems, fileName);
    return { dataset: checked.dataset, warnings, ...(types === undefined ? {} : { types }) };
  },
  errorDetails: (error, request) => importErrorDetails(error, request?.fileName ?? ''),
};

/** Answers one message: the stages, then exactly one result or error. Never throws. */
export async function handleImportRequest(message: unknown, post: (response: ImportResponse) => void): Promise<void> {
  await answerRequest(importHandler, message, post);
}
