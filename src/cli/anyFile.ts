/**
 * Reading a file of any supported format from the command line
 * =============================================================
 *
 * For `import`, `export` and `merge`, which accept GEXF, GraphML, graphology
 * JSON and CSV as well as datasets. Dataset files go through the shared
 * dataset reader (same messages as `validate`); the others through the
 * format registry. Either way a problem is a NewsgraphError naming the file,
 * which `main.ts` prints and maps to exit 1.
 *
 * The file is read once, as bytes, and decoded by `readTextFile` (UTF-8, or
 * Windows-1252 with a warning on stderr), whatever its format. Nodes another
 * tool left without a type get the type newsgraph knows for their name
 * (`knownEntityType`: Russia → country) unless the caller says otherwise.
 */

import { detectFormat, readAnyWithWarnings, type FormatId, type ReadOptions, type ReadResult } from '../graph/formats/index.ts';
import { knownEntityType } from '../extract/knownEntityType.ts';
import { DatasetParseError, fileTooLarge, resolveLimits } from '../model/index.ts';
import type { CommandIO } from './command.ts';
import { fileSystemProblem, loadDatasetFile } from './datasetFile.ts';
import { readTextFile } from './textFile.ts';

function readText(path: string, io: CommandIO): string {
  try {
    if (io.stat) {
      const info = io.stat(path);
      if (!info.isFile) throw new DatasetParseError({ code: 'not-a-file', path: '', message: 'this is a directory (or a device), not a file', fix: 'give the path of a file' }, path);
      const { maxFileBytes } = resolveLimits();
      if (info.size > maxFileBytes) throw new DatasetParseError(fileTooLarge(info.size, maxFileBytes), path);
    }
    return readTextFile(path, io);
  } catch (error) {
    const problem = fileSystemProblem(error, path);
    if (problem) throw new DatasetParseError(problem, path);
    throw error;
  }
}

export async function readAnyFile(path: string, io: CommandIO, options: ReadOptions & { format?: FormatId } = {}): Promise<ReadResult> {
  const text = readText(path, io);
  const format = options.format ?? detectFormat(path, text);
  if (format === 'dataset') {
    // The text already read and decoded (its warning already printed): the dataset reader gets it, not the file again.
    const { readBytes: _bytes, stat: _stat, ...rest } = io;
    return { dataset: loadDatasetFile(path, { ...rest, readFile: () => text }), warnings: [] };
  }
  return readAnyWithWarnings(path, text, { entityTypeOf: knownEntityType, ...options, format });
}
