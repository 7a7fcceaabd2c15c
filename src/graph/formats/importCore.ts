/**
 * The end of every import
 * =======================
 *
 * What each reader (ownGraph.ts, foreignGraph.ts, csvRead.ts) does last, the
 * same way: refuse the file with every problem found, else validate the
 * dataset it built and point each problem back at the place in the file it
 * came from (the user edits the file, not our dataset), and return it with
 * its warnings and, for a file from elsewhere, how its types were read.
 */

import { DatasetValidationError, validateDataset, type Dataset, type Problem } from '../../model/index.ts';
import type { FinishedTypes } from './typeResolution.ts';
import type { ReadResult, TypeReading } from './types.ts';

export interface ImportPlaces {
  /** Where each entity and relation came from, in dataset order: `<node id="x"> (line 12)`, `line 7`. */
  entityOrigins: readonly string[];
  relationOrigins: readonly string[];
  /** Where anything else is (the header of a newsgraph file, or the file itself). */
  header: string;
}

/** The dataset's declarations from what the type resolver decided (none when nothing was declared). */
export function withDeclaredTypes(dataset: Dataset, finished: Pick<FinishedTypes, 'relationTypes' | 'entityTypes'>): void {
  if (finished.relationTypes.length > 0) dataset.relationTypes = finished.relationTypes;
  if (finished.entityTypes.length > 0) dataset.entityTypes = finished.entityTypes;
}

/** The `TypeReading` of a file from elsewhere. */
export function typeReading(finished: FinishedTypes, entityTypeAttribute: string | undefined, entityTypeAttributes: string[]): TypeReading {
  const reading: TypeReading = { ...finished.reading, entityTypeAttributes };
  if (entityTypeAttribute !== undefined) reading.entityTypeAttribute = entityTypeAttribute;
  return reading;
}

/** Throws the problems (as one DatasetValidationError naming `file`), else the validated dataset with its warnings. */
export function finishImport(dataset: Dataset, file: string, problems: Problem[], warnings: Problem[], places: ImportPlaces, types?: TypeReading): ReadResult {
  if (problems.length > 0) throw new DatasetValidationError(problems, file);
  const result = validateDataset(dataset);
  if (!result.ok) throw new DatasetValidationError(relocateProblems(result.problems, places.entityOrigins, places.relationOrigins, places.header), file);
  const read: ReadResult = { dataset: result.dataset, warnings };
  if (types) read.types = types;
  return read;
}

/** `entities[3].mentions[0].end` → `<node id="x"> (line 12) › mentions[0].end`; a declaration's problem → `<header> › relationTypes[0].id`. */
export function relocateProblems(problems: Problem[], entityOrigins: readonly string[], relationOrigins: readonly string[], header: string): Problem[] {
  return problems.map((problem) => {
    const match = /^(entities|relations|documents|relationTypes|entityTypes)\[(\d+)\](.*)$/.exec(problem.path);
    if (!match) return problem;
    const [, kind, index, rest] = match;
    const origins = kind === 'entities' ? entityOrigins : kind === 'relations' ? relationOrigins : undefined;
    const origin = origins?.[Number(index)];
    const tail = rest?.replace(/^\./, '') ?? '';
    if (origin === undefined) return { ...problem, path: `${header} › ${problem.path}` };
    return { ...problem, path: tail ? `${origin} › ${tail}` : origin };
  });
}
