/**
 * File-system errors as one-line reasons
 * ======================================
 *
 * What the user can cause while ingest reads paths (no such file, permission
 * denied, a path through a file), and any error newsgraph raises about a
 * file's content (a `NewsgraphError`, structured dataset problems included),
 * as the one line a failure carries. Anything else is a bug and is thrown on.
 */

import { DatasetError, formatProblem, NewsgraphError } from '../../model/errors.ts';
import { InputProblem } from './types.ts';

const FILE_SYSTEM: Record<string, [reason: string, fix: string]> = {
  ENOENT: ['no such file or directory', 'check the spelling and the directory (paths are relative to where newsgraph runs)'],
  ENOTDIR: ['a part of this path is a file, not a directory', 'check the path'],
  EACCES: ['permission denied', 'check the permissions (ls -l), or copy it somewhere readable'],
  EPERM: ['operation not permitted', 'check the permissions (ls -l), or copy it somewhere readable'],
  ELOOP: ['too many symbolic links', 'check the links in this path'],
  ENAMETOOLONG: ['the path is too long', 'move the file to a shorter path'],
  EIO: ['input/output error', 'check the disk, or copy the file elsewhere'],
  EMFILE: ['too many open files', 'raise the limit (ulimit -n) or ingest fewer paths at once'],
};

const errnoCode = (error: unknown) => (error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined);

/** The one-line reason for `error` met while reading `file`, or undefined when it is not the user's to fix. */
export function failureReason(error: unknown, file: string): string | undefined {
  if (error instanceof InputProblem) return error.message;
  const known = FILE_SYSTEM[errnoCode(error) ?? ''];
  if (known) return `${known[0]}. Fix: ${known[1]}`;
  if (error instanceof DatasetError && error.structured && error.problems.length > 0) {
    const more = error.problems.length - 1;
    return `${formatProblem(error.problems[0]!)}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'}: run newsgraph validate ${file})` : ''}`;
  }
  if (error instanceof NewsgraphError) {
    const line = error.message.split('\n')[0]!;
    return line.startsWith(`${file}: `) ? line.slice(file.length + 2) : line;
  }
  return undefined;
}
