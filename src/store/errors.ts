/**
 * Corpus store errors
 * ===================
 *
 * What can go wrong when opening or asking a corpus, each as one line that
 * names the file and the fix. All are `NewsgraphError`s, so the CLI prints
 * the message alone (no stack, exit 1) and the server sends it as an
 * `ApiError`. Callers branch on the class (and `CorpusQueryError.kind`).
 */

import { NewsgraphError } from '../model/errors.ts';

export class CorpusError extends NewsgraphError {
  override name = 'CorpusError';
}

/** `--db` names no file, and the command only reads (query, serve). */
export class NoCorpusError extends CorpusError {
  override name = 'NoCorpusError';
  constructor(readonly file: string) {
    super(`no corpus at ${file}. Fix: build one with \`newsgraph ingest ARTICLES… --db ${file}\`, or give --db the path of an existing corpus`);
  }
}

/** The file exists but is not a newsgraph corpus: not SQLite at all, or another program's SQLite database. */
export class NotACorpusError extends CorpusError {
  override name = 'NotACorpusError';
  constructor(
    readonly file: string,
    what: string,
  ) {
    super(`${file} is not a newsgraph corpus (${what}). Fix: give --db a new file name, or a corpus made by \`newsgraph ingest\``);
  }
}

/** A corpus written by a newer newsgraph, whose schema this one does not know. */
export class CorpusVersionError extends CorpusError {
  override name = 'CorpusVersionError';
  constructor(
    readonly file: string,
    readonly version: number,
    readonly supported: number,
  ) {
    super(`${file} is a newsgraph corpus of schema version ${version}, newer than this newsgraph reads (up to ${supported}). Fix: update newsgraph, or use a corpus built by this version`);
  }
}

/** The corpus cannot be opened or written for a reason of the file system (a missing folder, no permission, a full disk). */
export class CorpusFileError extends CorpusError {
  override name = 'CorpusFileError';
  constructor(
    readonly file: string,
    reason: string,
    fix: string,
  ) {
    super(`${file}: ${reason}. Fix: ${fix}`);
  }
}

export type CorpusQueryErrorKind = 'unknown-entity' | 'ambiguous-entity' | 'unknown-relation' | 'unknown-document' | 'bad-text';

/** A question the corpus cannot answer as asked: an unknown or ambiguous entity, an unknown relation id, words with nothing to search. */
export class CorpusQueryError extends CorpusError {
  override name = 'CorpusQueryError';
  constructor(
    readonly kind: CorpusQueryErrorKind,
    message: string,
    /** Entities that were probably meant (unknown) or that all fit (ambiguous). */
    readonly candidates: ReadonlyArray<{ id: string; label: string; type: string }> = [],
  ) {
    super(message);
  }
}
