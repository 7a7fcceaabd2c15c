/**
 * Opening a corpus
 * ================
 *
 * The one entry point from a `--db` value to a `CorpusStore`: a
 * `postgres://` or `postgresql://` URL names a PostgreSQL database
 * (postgres/), anything else a SQLite file (sqlite/).
 */

import type { CorpusStore } from './corpusStore.ts';
import { PostgresCorpusStore } from './postgres/postgresStore.ts';
import { isPostgresUrl } from './postgres/url.ts';
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
  if (isPostgresUrl(location)) return PostgresCorpusStore.open(location, options);
  return SqliteCorpusStore.open(location, options);
}
