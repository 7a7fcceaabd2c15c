/**
 * Reading a dataset file from the command line
 * ============================================
 *
 * Every command that takes a dataset goes through here, so "no such file",
 * "that is a directory", "too large" and "not JSON" read the same everywhere
 * and never surface as a stack trace. File-system failures become problems
 * with codes (`file-not-found`, `not-a-file`, `unreadable-file`) alongside the
 * model's own; `main.ts` prints them as `FILE: PATH: message. Fix: …`.
 */

import {
  checkDatasetJson,
  DatasetParseError,
  DatasetValidationError,
  fileTooLarge,
  formatProblem,
  resolveLimits,
  type Dataset,
  type LoadOptions,
  type LoadResult,
  type Problem,
} from '../model/index.ts';
import type { CommandIO } from './command.ts';
import { readTextFile } from './textFile.ts';

/** Checks one dataset file; never throws for anything the user can cause. */
export function checkDatasetFile(path: string, io: CommandIO, options: LoadOptions = {}): LoadResult {
  const { maxFileBytes } = resolveLimits(options.limits);
  if (io.stat) {
    let info: { size: number; isFile: boolean };
    try {
      info = io.stat(path);
    } catch (error) {
      const problem = fileSystemProblem(error, path);
      if (problem) return { ok: false, stage: 'parse', problems: [problem] };
      throw error;
    }
    if (!info.isFile) return { ok: false, stage: 'parse', problems: [notAFile(path)] };
    if (info.size > maxFileBytes) return { ok: false, stage: 'parse', problems: [fileTooLarge(info.size, maxFileBytes)] };
  }
  let text: string;
  try {
    text = readTextFile(path, io);
  } catch (error) {
    const problem = fileSystemProblem(error, path);
    if (problem) return { ok: false, stage: 'parse', problems: [problem] };
    throw error;
  }
  return checkDatasetJson(text, options);
}

/** Loads one dataset file; throws `DatasetParseError`/`DatasetValidationError` naming the file, which `main.ts` prints. */
export function loadDatasetFile(path: string, io: CommandIO, options?: LoadOptions): Dataset {
  const result = checkDatasetFile(path, io, options);
  if (result.ok) return result.dataset;
  if (result.stage === 'parse') throw new DatasetParseError(result.problems[0]!, path);
  throw new DatasetValidationError(result.problems, path);
}

/** `data/x.json: relations[3].type: unknown relation type (got "allied"). Fix: …` */
export function formatFileProblem(file: string, problem: Problem): string {
  return `${file}: ${formatProblem(problem)}`;
}

function notAFile(path: string): Problem {
  return {
    code: 'not-a-file',
    path: '',
    message: 'this is a directory (or a device), not a file',
    fix: `give the path of a dataset .json file${path.endsWith('/') ? '' : ` inside it, e.g. ${path}/dataset.json`}`,
  };
}

/** The problem for a file-system error a user can cause, or undefined for anything else (a bug, to be rethrown). */
export function fileSystemProblem(error: unknown, path: string): Problem | undefined {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  switch (code) {
    case 'ENOENT':
      return {
        code: 'file-not-found',
        path: '',
        message: 'no such file',
        fix: `check the spelling and the directory (paths are relative to where newsgraph runs${typeof process !== 'undefined' ? `: ${process.cwd()}` : ''})`,
      };
    case 'ENOTDIR':
      return { code: 'file-not-found', path: '', message: 'a part of this path is a file, not a directory', fix: 'check the path' };
    case 'EISDIR':
      return notAFile(path);
    case 'EACCES':
    case 'EPERM':
      return { code: 'unreadable-file', path: '', message: 'permission denied', fix: 'check the file’s permissions (ls -l), or copy it somewhere readable' };
    case 'ELOOP':
    case 'ENAMETOOLONG':
    case 'EMFILE':
    case 'EIO':
    case 'ERR_STRING_TOO_LONG':
      return { code: 'unreadable-file', path: '', message: `the file cannot be read (${code})`, fix: 'check the path; for a very large file, split it into smaller datasets' };
    default:
      return undefined;
  }
}
