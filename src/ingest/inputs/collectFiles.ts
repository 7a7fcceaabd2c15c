/**
 * Command-line paths → the files to read, in order
 * ================================================
 *
 * Files named on the command line are read in that order; a folder is read
 * recursively, its entries sorted by name (code-point order, the same on
 * every machine), skipping names that start with a dot and files of kinds
 * ingest does not read. The same file reached twice (named, and inside a
 * named folder) is read once. The kind comes from the extension; a file named
 * on the command line with another extension, or a named folder with nothing
 * to read, is a failure that lists the kinds read.
 */

import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { failureReason } from './fileErrors.ts';
import { InputProblem, type IngestFailure } from './types.ts';

export type FileKind = 'text' | 'markdown' | 'jsonl' | 'graph';

const KINDS: Record<string, FileKind> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'graph',
  gexf: 'graph',
  graphml: 'graph',
  xml: 'graph',
  csv: 'graph',
  tsv: 'graph',
};

export const READ_EXTENSIONS = Object.keys(KINDS);

export interface InputFile {
  path: string;
  kind: FileKind;
}

export function kindOf(path: string): FileKind | undefined {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? KINDS[name.slice(dot + 1).toLowerCase()] : undefined;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The files under `paths`, in reading order, and a failure for each path that cannot be used. */
export function collectFiles(paths: readonly string[]): { files: InputFile[]; failures: IngestFailure[] } {
  const files: InputFile[] = [];
  const failures: IngestFailure[] = [];
  const seen = new Set<string>();
  const fail = (origin: string, error: unknown) => {
    const reason = failureReason(error, origin);
    if (reason === undefined) throw error;
    failures.push({ origin, reason });
  };
  const add = (path: string, kind: FileKind) => {
    const real = realpathSync(path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path, kind });
  };
  /** Files of a kind we read under `directory` (those already met included); undefined when the folder was already walked. */
  const walk = (directory: string): number | undefined => {
    const real = realpathSync(directory);
    // A symbolic link back up the tree would otherwise loop forever.
    if (seen.has(real)) return undefined;
    seen.add(real);
    let found = 0;
    const names = readdirSync(directory).filter((name) => !name.startsWith('.')).sort(byCodePoint);
    for (const name of names) {
      const path = join(directory, name);
      try {
        const info = statSync(path);
        if (info.isDirectory()) found += walk(path) ?? 0;
        else if (info.isFile()) {
          const kind = kindOf(path);
          if (kind) {
            add(path, kind);
            found++;
          }
        }
      } catch (error) {
        fail(path, error);
        found++;
      }
    }
    return found;
  };
  for (const path of paths) {
    try {
      const info = statSync(path);
      if (info.isDirectory()) {
        if (walk(path) === 0) {
          throw new InputProblem(
            `this folder holds no file ingest reads (${READ_EXTENSIONS.map((e) => `.${e}`).join(', ')}; names starting with "." are skipped)`,
            'give the folder that holds the articles, or the files themselves',
          );
        }
      } else if (!info.isFile()) throw new InputProblem('this is not a regular file or folder (a device or a pipe)', 'give a file or a folder of articles');
      else {
        const kind = kindOf(path);
        if (!kind) throw new InputProblem('ingest does not read files of this kind', `give .txt or .md articles, .jsonl (one article per line), or a dataset or graph (${['json', 'gexf', 'graphml', 'csv'].map((e) => `.${e}`).join(', ')})`);
        add(path, kind);
      }
    } catch (error) {
      fail(path, error);
    }
  }
  return { files, failures };
}
