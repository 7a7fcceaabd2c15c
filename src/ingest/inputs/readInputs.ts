/**
 * Command-line paths → units of work, in input order
 * ==================================================
 *
 * Text, markdown and JSON Lines files are read at once (the count of
 * articles gives the progress bar its total); dataset and graph files only
 * when their turn comes. Bytes are decoded by the formats' one decoder,
 * `decodeText` (UTF-8, else Windows-1252 with a warning), as every command
 * does. Each file or line that cannot be used is reported as a failure.
 */

import { readFileSync, statSync } from 'node:fs';
import { decodeText } from '../../graph/formats/decodeText.ts';
import type { ReadOptions } from '../../graph/formats/index.ts';
import { formatProblem } from '../../model/errors.ts';
import { DEFAULT_LIMITS, formatCount } from '../../model/limits.ts';
import { collectFiles, type InputFile } from './collectFiles.ts';
import { failureReason } from './fileErrors.ts';
import { readGraphFile } from './graphFile.ts';
import { readJsonLines } from './jsonLines.ts';
import { readTextArticle } from './textArticle.ts';
import { InputProblem, type IngestUnit, type InputReport } from './types.ts';

/** Bytes of one JSON Lines file: well under the longest string Node holds (about 512 M characters). */
export const MAX_JSONL_BYTES = 256 * 1024 * 1024;

function readDecoded(file: InputFile, maxBytes: number, report: InputReport): string {
  const size = statSync(file.path).size;
  if (size > maxBytes) {
    throw new InputProblem(
      `the file is ${formatCount(size)} bytes, more than ingest reads as one ${file.kind === 'jsonl' ? 'JSON Lines file' : 'article'} (${formatCount(maxBytes)})`,
      file.kind === 'jsonl' ? 'split it into several .jsonl files' : 'split it into several files (for example one per section)',
    );
  }
  const { text, warnings } = decodeText(readFileSync(file.path), file.path);
  for (const warning of warnings) report.warning(`${file.path}: warning: ${formatProblem(warning)}`);
  return text;
}

function unitsOf(file: InputFile, report: InputReport, readOptions: ReadOptions): IngestUnit[] {
  switch (file.kind) {
    case 'text':
    case 'markdown':
      // A character is at most 4 bytes: anything larger is over the document limit for sure.
      return [{ kind: 'article', origin: file.path, article: readTextArticle(file.path, readDecoded(file, DEFAULT_LIMITS.maxDocumentLength * 4, report), file.kind === 'markdown') }];
    case 'jsonl': {
      const { units, failures } = readJsonLines(file.path, readDecoded(file, MAX_JSONL_BYTES, report));
      for (const failure of failures) report.failure(failure);
      return units;
    }
    case 'graph':
      return [{ kind: 'dataset', origin: file.path, load: () => readGraphFile(file.path, { ...readOptions, warn: report.warning }) }];
  }
}

/** Every unit under `paths`, in input order; failures and warnings go to `report` as they are found. */
export function readInputs(paths: readonly string[], report: InputReport, readOptions: ReadOptions = {}): IngestUnit[] {
  const { files, failures } = collectFiles(paths);
  for (const failure of failures) report.failure(failure);
  const units: IngestUnit[] = [];
  for (const file of files) {
    try {
      for (const unit of unitsOf(file, report, readOptions)) units.push(unit);
    } catch (error) {
      const reason = failureReason(error, file.path);
      if (reason === undefined) throw error;
      report.failure({ origin: file.path, reason });
    }
  }
  return units;
}

