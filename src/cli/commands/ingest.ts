/**
 * `newsgraph ingest PATH… --db corpus.db [--workers N]`
 * =====================================================
 *
 * Adds articles and graphs to a corpus (created if missing): text and
 * markdown files, folders of them, JSON Lines of {title, text, url, source,
 * published}, newsgraph datasets and every format `import` reads. Articles
 * are extracted in worker threads on every core and written one transaction
 * each (src/ingest/ingest.ts), so a kill leaves the corpus consistent and the
 * same command run again finishes the job: texts already held are skipped.
 *
 * On a terminal a progress line is redrawn in place (counts, articles/s,
 * ETA); elsewhere only the summary is printed. A file or line that fails is
 * one line on stderr as it happens, the run goes on, the summary names the
 * failures and the exit code is 1.
 *
 * Graph files are read as `import` reads them (the same type options,
 * `typeReadOptions`): relation names and node types the built-in types do
 * not know are kept as the file's own declared types, and the corpus keeps
 * those declarations. A file's type whose id the corpus already holds with
 * the other direction goes in as a type of its own (`related-to-2`), with a
 * note naming the file.
 */

import { availableParallelism } from 'node:os';
import type { ReadOptions } from '../../graph/formats/index.ts';
import { ingest, type IngestProgress } from '../../ingest/ingest.ts';
import { progressLine, summaryLines } from '../../ingest/report.ts';
import { openCorpusStore } from '../../store/open.ts';
import { EXIT, UsageError, type Command, type CommandIO } from '../command.ts';
import { optionValue, parseOptions } from '../valueFlags.ts';
import { typeFlagsHelp, typeReadOptions } from './import.ts';

const OPTIONS = [
  { name: '--db', value: true },
  { name: '--workers', value: true },
  { name: '--map-type', value: true, repeatable: true },
  { name: '--map-entity-type', value: true, repeatable: true },
  { name: '--entity-type-attribute', value: true },
  { name: '--default-entity-type', value: true },
  { name: '--no-progress' },
  { name: '--help' },
] as const;

/** More threads than this only add start-up time and memory. */
const MAX_WORKERS = 64;

/** `--workers N`: a whole number from 1 to MAX_WORKERS; default one per core. */
export function workersOption(value: string | undefined): number {
  if (value === undefined) return Math.min(MAX_WORKERS, Math.max(1, availableParallelism()));
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw new UsageError(`--workers needs a whole number from 1 to ${MAX_WORKERS} (got "${value}"); leave it out to use every core (${availableParallelism()})`);
  }
  return n;
}

/** Redraws one line on a terminal, at most ten times a second; `clear` before printing anything else. */
function terminalProgress(io: CommandIO, columns: () => number) {
  let shown = false;
  let last = 0;
  return {
    draw(progress: IngestProgress, force = false) {
      const now = performance.now();
      if (!force && now - last < 100 && progress.done < progress.total) return;
      last = now;
      io.stderr(`\r\u001b[2K${progressLine(progress, columns())}`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr('\r\u001b[2K');
      shown = false;
    },
  };
}

export const ingestCommand: Command = {
  name: 'ingest',
  usage: 'ingest PATH… --db corpus.db [--workers N] [--map-type NAME=TYPE]… [--map-entity-type NAME=TYPE]… [--entity-type-attribute NAME] [--default-entity-type TYPE] [--no-progress]',
  summary: 'add articles (text, markdown, JSON Lines) and graphs to a corpus database, extracting on every core',
  async run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${ingestCommand.usage}\n\n${ingestCommand.summary}.\n` +
          '  PATH                  .txt/.md articles, folders of them (recursive; dotfiles skipped), .jsonl (one {title, text, url, source, published} per line),\n' +
          '                        newsgraph datasets (.json) and graphs import reads (.gexf, .graphml, graphology .json, .csv), added without extraction\n' +
          '  --db FILE             the corpus (SQLite); created if missing\n' +
          `  --workers N           extraction threads (default: one per core, here ${availableParallelism()})\n` +
          'For graph files, as newsgraph import reads them (the corpus keeps the types a file declares):\n' +
          typeFlagsHelp(24) +
          '  --no-progress         no progress line, even on a terminal\n' +
          'A text or markdown file may open with front matter (--- title:, url:, source:, published: ---); else its title is a first-line\n' +
          '"# heading" (markdown), else its first line when short, else its name. Texts the corpus already holds are skipped, so running\n' +
          'the same command again after an interruption finishes the job.\n' +
          'Exit codes: 0 all ingested, 1 some file or line failed (each named on stderr) or the corpus cannot be written, 2 wrong usage.\n',
      );
      return EXIT.ok;
    }
    const db = optionValue(options, '--db');
    if (db === undefined || db === '') throw new UsageError('say which corpus to add to: --db corpus.db (created if missing)');
    if (options.operands.length === 0) throw new UsageError('give the files or folders to ingest (text, markdown, JSON Lines, datasets or graphs)');
    const workers = workersOption(optionValue(options, '--workers'));
    const readOptions: ReadOptions = typeReadOptions(options.values);

    const terminal = !options.flags.has('--no-progress') && process.stderr.isTTY === true;
    // A pseudo-terminal may report 0 columns: then assume the usual 80.
    const progress = terminal ? terminalProgress(io, () => process.stderr.columns || 80) : undefined;
    let latest: IngestProgress | undefined;
    const say = (line: string) => {
      progress?.clear();
      io.stderr(`${line}\n`);
      if (latest) progress?.draw(latest, true);
    };

    let summary;
    try {
      summary = await ingest(() => openCorpusStore(db, { create: true }), options.operands, {
        workers,
        readOptions,
        onFailure: (failure) => say(`newsgraph ingest: ${failure.origin}: ${failure.reason}`),
        onWarning: say,
        onProgress: (report) => {
          latest = report;
          progress?.draw(report);
        },
      });
    } finally {
      progress?.clear();
    }
    for (const line of summaryLines(summary)) io.stderr(`${line}\n`);
    return summary.failures.length > 0 ? EXIT.invalidInput : EXIT.ok;
  },
};
