/**
 * Opening a corpus
 * ================
 *
 * The one entry point from a `--db` value to a `CorpusStore`: today a path
 * names a SQLite file (sqlite/); a server database (`postgres://…`) will be
 * chosen here too, behind the same interface.
 */

import type { CorpusStore } from './corpusStore.ts';
import { SqliteCorpusStore } from './sqlite/sqliteStore.ts';

export interface OpenCorpusOptions {
  /**
   * Make a new corpus when there is none (ingest). Without it (query, serve)
   * a missing file is `NoCorpusError`: a typo must not leave an empty corpus.
   */
  create: boolean;
}

/** Opens the corpus at `location`; throws the errors of errors.ts, each one line naming the file and the fix. */
export async function openCorpusStore(location: string, options: OpenCorpusOptions): Promise<CorpusStore> {
  return SqliteCorpusStore.open(location, options);
}
