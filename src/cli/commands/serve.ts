/**
 * `newsgraph serve --db corpus.db [--port N] [--host H]`
 * ======================================================
 *
 * Serves the built explorer in corpus mode and the JSON API over a corpus
 * (src/server/). Listens on 127.0.0.1 unless `--host` says otherwise (and
 * then says plainly that other machines can read the corpus). Prints the URL
 * (with `--port 0`, the free port it got) and runs until Ctrl+C or SIGTERM,
 * then closes the server and the corpus and exits 0.
 *
 * `--dist DIR` serves another build of the app (the tests serve a tiny one).
 * `--allow-edits` lets the explorer write edits to the corpus (POST
 * /api/edits, /api/undo, /api/redo); without it the corpus is only read.
 */

import { fileURLToPath } from 'node:url';
import { isLoopback, startCorpusServer } from '../../server/corpusServer.ts';
import { openCorpusStore } from '../../store/open.ts';
import { isPostgresUrl, redactUrl } from '../../store/postgres/url.ts';
import { EXIT, UsageError, type Command } from '../command.ts';
import { optionValue, parseOptions } from '../valueFlags.ts';
import { plural } from './validate.ts';

const OPTIONS = [{ name: '--db', value: true }, { name: '--port', value: true }, { name: '--host', value: true }, { name: '--dist', value: true }, { name: '--allow-edits' }, { name: '--help' }] as const;

export const DEFAULT_PORT = 8484;
export const DEFAULT_HOST = '127.0.0.1';
/** The app `npm run build` makes, next to src/. */
const DEFAULT_DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`--port needs a whole number from 0 to 65535 (0: any free port), not "${text.slice(0, 20)}"`);
  return port;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve --db corpus.db [--port N] [--host H] [--allow-edits]',
  summary: 'serve the explorer and a JSON API over a corpus (on 127.0.0.1 unless --host says otherwise)',
  async run(args, io) {
    const options = parseOptions(args, OPTIONS);
    if (options.flags.has('--help')) {
      io.stdout(
        `usage: newsgraph ${serveCommand.usage}\n\n${serveCommand.summary}.\n` +
          `  --db FILE    the corpus (made by newsgraph ingest)\n` +
          `  --port N     the port (default ${DEFAULT_PORT}; 0: any free port, printed)\n` +
          `  --host H     the address to listen on (default ${DEFAULT_HOST}, this machine only; 0.0.0.0 lets every machine that can reach this one read the corpus)\n` +
          `  --dist DIR   the built app to serve (default: dist/, made by npm run build)\n` +
          `  --allow-edits  let the explorer write the analyst's edits (review, corrections, undo/redo) to the corpus; without it the corpus is only read\n` +
          `Stops on Ctrl+C. Exit codes: 0 stopped, 1 the corpus or the app cannot be used, 2 wrong usage.\n`,
      );
      return EXIT.ok;
    }
    if (options.operands.length > 0) throw new UsageError(`serve takes no file operands (got "${options.operands[0]!.slice(0, 60)}"); give the corpus with --db`);
    const db = optionValue(options, '--db');
    if (db === undefined) throw new UsageError('give the corpus with --db FILE (build one with newsgraph ingest)');
    const port = parsePort(optionValue(options, '--port'));
    const host = optionValue(options, '--host') ?? DEFAULT_HOST;
    if (host.trim() === '') throw new UsageError('--host needs an address, e.g. 127.0.0.1');
    const dist = optionValue(options, '--dist') ?? DEFAULT_DIST;
    const allowEdits = options.flags.has('--allow-edits');

    const store = await openCorpusStore(db, { create: false });
    let server;
    try {
      server = await startCorpusServer({ store, dist, host, port, allowEdits, log: (line) => io.stderr(`${line}\n`) });
    } catch (error) {
      await store.close();
      throw error;
    }
    const info = await store.info();
    if (!isLoopback(host)) io.stderr(`newsgraph serve: listening on ${host}, not only this machine: anyone who can reach it can ${allowEdits ? 'read and edit' : 'read'} the corpus (there is no password). Leave --host out to serve this machine only.\n`);
    io.stdout(
      `newsgraph serve: ${isPostgresUrl(db) ? redactUrl(db) : db} (${plural(info.documents, 'article')}, ${plural(info.entities, 'entity', 'entities')}, ${plural(info.relations, 'relation')}) at ${server.url}\nPress Ctrl+C to stop.\n`,
    );

    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    await store.close();
    return EXIT.ok;
  },
};
