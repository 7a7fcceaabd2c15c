/**
 * `newsgraph extract ARTICLE.txt [more.txt…] [--title T] > dataset.json`
 * =====================================================================
 *
 * Reads plain-text news articles and writes one dataset extracted from them
 * (one document per file, the same actor in several files one entity) to
 * stdout or `--out`. The extractor always produces a valid dataset; what can
 * go wrong is the input: a missing or unreadable file, a directory, a binary
 * file (exit 1, naming the file and the fix), or the command line (exit 2).
 */

import { NewsgraphError } from '../../model/index.ts';
import { extractArticles, type ArticleInput } from '../../extract/extractDataset.ts';
import { EXIT, UsageError, type Command, type CommandIO } from '../command.ts';
import { fileSystemProblem } from '../datasetFile.ts';
import { readTextFile } from '../textFile.ts';
import { datasetJsonParts } from '../../graph/formats/datasetJson.ts';
import { planOutput, writeOutput } from '../output.ts';
import { optionValue, parseOptions } from '../valueFlags.ts';

const OPTIONS = [{ name: '--title', value: true }, { name: '--out', value: true }, { name: '--force' }, { name: '--min-mentions', value: true }, { name: '--help' }] as const;

/** An article file that cannot be used: says which file and how to fix it. */
export class ArticleFileError extends NewsgraphError {
  override name = 'ArticleFileError';
  constructor(
    readonly file: string,
    reason: string,
    fix: string,
  ) {
    super(`newsgraph extract: ${file}: ${reason}. Fix: ${fix}`);
  }
}

function readArticle(path: string, io: CommandIO): string {
  let text: string;
  try {
    if (io.stat && !io.stat(path).isFile) throw new ArticleFileError(path, 'this is a directory (or a device), not a file', 'give the path of a plain-text article (.txt)');
    text = readTextFile(path, io);
  } catch (error) {
    if (error instanceof ArticleFileError) throw error;
    const problem = fileSystemProblem(error, path);
    if (problem) throw new ArticleFileError(path, problem.message, problem.code === 'not-a-file' ? 'give the path of a plain-text article (.txt)' : problem.fix);
    throw error;
  }
  if (text.includes('\u0000')) throw new ArticleFileError(path, 'this is not a text file (it contains NUL bytes)', 'save the article as plain UTF-8 text (.txt) and extract that');
  return text.replace(/^\uFEFF/, '');
}

function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]+$/, '') || name;
}

export const extractCommand: Command = {
  name: 'extract',
  usage: 'extract ARTICLE.txt [more.txt…] [--title T] [--out PATH [--force]]',
  summary: 'extract an evidence-backed dataset from plain-text news articles',
  run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${extractCommand.usage}\n\n${extractCommand.summary}: one document per file, the same actor in several files one entity.\n` +
          `  --title T          title of the dataset (and of the document, for one file)\n` +
          `  --out PATH         write the dataset to PATH instead of stdout (through a temporary file, renamed when complete)\n` +
          `  --force            replace PATH if it exists (otherwise an existing file is kept: exit 2)\n` +
          `  --min-mentions N   keep an entity in no relation only if named N times (default: 2, and every person named in full)\n` +
          `Exit codes: 0 extracted, 1 a file cannot be read, 2 wrong usage.\n`,
      );
      return EXIT.ok;
    }
    if (options.operands.length === 0) throw new UsageError('give at least one article file (plain text)');
    const minMentionsText = optionValue(options, '--min-mentions');
    const minMentions = minMentionsText === undefined ? undefined : Number(minMentionsText);
    if (minMentions !== undefined && (!Number.isInteger(minMentions) || minMentions < 1)) throw new UsageError(`--min-mentions needs a whole number of 1 or more (got "${minMentionsText}")`);
    const title = optionValue(options, '--title');
    const out = optionValue(options, '--out');
    const output = planOutput(io, out, options.flags.has('--force'));
    const articles: ArticleInput[] = options.operands.map((path) => ({
      text: readArticle(path, io),
      title: options.operands.length === 1 && title !== undefined ? title : baseName(path),
      source: path,
    }));
    const dataset = extractArticles(articles, { ...(title !== undefined ? { title } : {}), ...(minMentions !== undefined ? { minMentions } : {}) });
    writeOutput(io, output, datasetJsonParts(dataset), undefined);
    io.stderr(`extracted ${dataset.entities.length} entities and ${dataset.relations.length} relations from ${dataset.documents.length} document${dataset.documents.length === 1 ? '' : 's'}${out ? ` into ${out}` : ''}\n`);
    return EXIT.ok;
  },
};
