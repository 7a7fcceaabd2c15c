/**
 * Writing a command's result
 * ==========================
 *
 * Every command that writes a file (export, import, merge, extract) goes
 * through here, so `--out` behaves the same everywhere:
 *
 *  - checked before any work (`planOutput`): `--out ""` is a usage error; an
 *    existing file is kept unless `--force`; a directory, a missing or
 *    unwritable parent directory are usage errors naming the fix (exit 2);
 *  - written atomically (`writePartsAtomically`): the parts go to a
 *    temporary file beside the target, `.NAME.newsgraph-XXXXXX.tmp`, which is
 *    synced and then renamed over the target, so a crash, a full disk or a
 *    kill never leaves a half-written FILE: either the old file or the whole
 *    new one. A killed process may leave its temporary file (recognisable by
 *    that name); any other failure removes it.
 *  - a target that is not a regular file (a device such as /dev/null or
 *    /dev/full, a named pipe) cannot be replaced by a rename, so it is
 *    written directly, without --force;
 *  - any I/O failure (disk full, I/O error, quota, permissions, standard
 *    output closed or full) becomes an `OutputError`: one line, exit 1.
 */

import { closeSync, constants, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync, accessSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writtenText } from '../graph/formats/types.ts';
import { NewsgraphError } from '../model/index.ts';
import { UsageError, type CommandIO } from './command.ts';

/** Writing failed: printed as `newsgraph COMMAND: MESSAGE`, exit 1. */
export class OutputError extends NewsgraphError {
  override name = 'OutputError';
  constructor(
    readonly target: string,
    readonly code: string | undefined,
    reason: string,
    fix: string,
  ) {
    super(`cannot write ${target}: ${reason}${code ? ` (${code})` : ''}. Fix: ${fix}`);
  }
}

/** Standard output was closed by its reader (`newsgraph … | head`): not an error to report. */
export class OutputClosedError extends NewsgraphError {
  override name = 'OutputClosedError';
}

const REASONS: Record<string, [reason: string, fix: string]> = {
  ENOSPC: ['no space left on device', 'free some space, or write to another disk'],
  EDQUOT: ['disk quota exceeded', 'free some space, or write to another disk'],
  EFBIG: ['the file is too large for this file system', 'write to another file system, or export less (--types)'],
  EIO: ['input/output error', 'check the disk or device, or write somewhere else'],
  EROFS: ['read-only file system', 'choose a path on a writable disk'],
  EACCES: ['permission denied', 'check the permissions (ls -ld), or choose another path'],
  EPERM: ['operation not permitted', 'check the permissions (ls -ld), or choose another path'],
  ENOENT: ['its directory no longer exists', 'create the directory again, or choose another path'],
  ENOTDIR: ['a part of the path is not a directory', 'check the path'],
  EISDIR: ['it is a directory', 'give a file path'],
  EEXIST: ['a file of that name appeared while writing', 'run again with --force to replace it, or choose another path'],
  EAGAIN: ['the output would block', 'write to a file with --out instead'],
};

/** Any error met while writing `target`, as one line. */
export function outputError(target: string, error: unknown): OutputError {
  if (error instanceof OutputError) return error;
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const known = code ? REASONS[code] : undefined;
  if (known) return new OutputError(target, code, known[0], known[1]);
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return new OutputError(target, code, message, 'check the path and the disk, or write somewhere else');
}

export type OutputPlan = { kind: 'stdout' } | { kind: 'file'; path: string; overwrite: boolean };

const errnoCode = (error: unknown) => (error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined);

/**
 * Checks `--out` before the command does any work, so a wrong path fails in
 * a second rather than after a long export. `force` is `--force`.
 */
export function planOutput(io: CommandIO, out: string | undefined, force: boolean): OutputPlan {
  if (out === undefined) {
    if (force) throw new UsageError('--force applies to --out only (it allows replacing an existing file)');
    return { kind: 'stdout' };
  }
  if (out === '') throw new UsageError('--out needs a file path (got an empty one); leave --out out to write to standard output');
  let info: { isFile: boolean; isDirectory?: boolean } | undefined;
  if (io.stat) {
    try {
      info = io.stat(out);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOTDIR') throw new UsageError(`--out ${out}: a part of this path is a file, not a directory; choose another path`);
      if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`--out ${out}: permission denied; choose another path`);
      if (code !== 'ENOENT') throw outputError(out, error);
    }
  }
  if (info?.isDirectory) throw new UsageError(`--out ${out} is a directory; give a file path, e.g. ${join(out, 'graph.gexf')}`);
  if (info?.isFile && !force) throw new UsageError(`${out} already exists; add --force to overwrite it, or choose another path`);
  if (!info) {
    const directory = dirname(out);
    const problem = io.checkDirectory?.(directory);
    if (problem === 'ENOENT') throw new UsageError(`--out ${out}: the directory "${directory}" does not exist; create it (mkdir -p ${directory}) or choose another path`);
    if (problem === 'ENOTDIR') throw new UsageError(`--out ${out}: "${directory}" is not a directory; choose another path`);
    if (problem) throw new UsageError(`--out ${out}: cannot create files in "${directory}" (${REASONS[problem]?.[0] ?? problem}); choose another path`);
  }
  return { kind: 'file', path: out, overwrite: force };
}

/** Writes `parts` where the plan says, with a one-line note on stderr for a file (unless `what` is undefined: the command says it). */
export function writeOutput(io: CommandIO, plan: OutputPlan, parts: readonly string[], what: string | undefined): void {
  if (plan.kind === 'stdout') {
    for (const part of parts) io.stdout(part);
    return;
  }
  if (io.writeParts) io.writeParts(plan.path, parts, { overwrite: plan.overwrite });
  else io.writeFile(plan.path, writtenText({ parts }));
  if (what !== undefined) io.stderr(`wrote ${plan.path} (${what})\n`);
}

// ---------------------------------------------------------------------------
// Node

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to `fd`, retrying short writes and a non-blocking descriptor's EAGAIN. */
export function writeAllSync(fd: number, text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  let waits = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset, buffer.length - offset);
      waits = 0;
    } catch (error) {
      if (errnoCode(error) !== 'EAGAIN' || waits > 6000) throw error;
      waits++;
      Atomics.wait(sleeper, 0, 0, 10);
    }
  }
}

/** The temporary file beside `path`: `.NAME.newsgraph-XXXXXX.tmp`. */
export function temporaryPathFor(path: string): string {
  const random = Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return join(dirname(path), `.${basename(path)}.newsgraph-${random}.tmp`);
}

/** `CommandIO.writeParts` for Node: see the top of this file. */
export function writePartsAtomically(path: string, parts: readonly string[], options: { overwrite: boolean }): void {
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw outputError(path, error);
  }
  if (existing && !existing.isFile()) {
    if (existing.isDirectory()) throw outputError(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    // A device or a pipe: nothing to rename over; write straight into it.
    let fd: number | undefined;
    try {
      fd = openSync(path, 'w');
      for (const part of parts) writeAllSync(fd, part);
    } catch (error) {
      throw outputError(path, error);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return;
  }
  if (existing && !options.overwrite) throw outputError(path, Object.assign(new Error('exists'), { code: 'EEXIST' }));

  const temporary = temporaryPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', existing ? Number(existing.mode) & 0o7777 : 0o666);
    for (const part of parts) writeAllSync(fd, part);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.overwrite) renameSync(temporary, path);
    else publishWithoutReplacing(temporary, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the write error is the one to report
      }
    }
    try {
      unlinkSync(temporary);
    } catch {
      // never created, or already renamed
    }
    throw outputError(path, error);
  }
}

/** Renames `temporary` to `path` unless a file appeared there meanwhile (a hard link fails if so; rename would not). */
function publishWithoutReplacing(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
    unlinkSync(temporary);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') throw error;
    // File systems without hard links: check, then rename.
    try {
      statSync(path);
    } catch {
      renameSync(temporary, path);
      return;
    }
    throw Object.assign(new Error('exists'), { code: 'EEXIST' });
  }
}

/** `CommandIO.checkDirectory` for Node. */
export function checkDirectorySync(directory: string): string | undefined {
  try {
    if (!statSync(directory).isDirectory()) return 'ENOTDIR';
    accessSync(directory, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    return errnoCode(error) ?? 'EACCES';
  }
}

/** `CommandIO.stdout` for Node: synchronous, so a full disk or a closed pipe is an error here, not an unhandled event later. */
export function writeStdoutSync(text: string): void {
  try {
    writeAllSync(1, text);
  } catch (error) {
    if (errnoCode(error) === 'EPIPE') throw new OutputClosedError('standard output was closed');
    throw outputError('standard output', error);
  }
}

