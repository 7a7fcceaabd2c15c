/**
 * What ingest reads, as units of work
 * ===================================
 *
 * Every input file becomes units in input order: an article to extract (a
 * text or markdown file, a JSON Lines record) or a dataset to add as it is (a
 * newsgraph dataset, or any graph `newsgraph import` reads). A file or line
 * that cannot be used becomes a failure instead: where (`origin`), why, and
 * the fix, in one line; the run goes on.
 */

import type { ArticleInput } from '../../extract/extractDataset.ts';
import type { Dataset } from '../../model/schema.ts';

/** Where a unit came from, for messages: `notes/a.md`, `feed.jsonl:12`. */
export type Origin = string;

export interface ArticleUnit {
  kind: 'article';
  origin: Origin;
  article: ArticleInput;
}

/** A dataset or graph file, read only when its turn comes (it may be large, and is not extracted). */
export interface DatasetUnit {
  kind: 'dataset';
  origin: Origin;
  load: () => Promise<Dataset>;
}

export type IngestUnit = ArticleUnit | DatasetUnit;

export interface IngestFailure {
  origin: Origin;
  /** One line: what is wrong, then `Fix: …`. */
  reason: string;
}

/** A unit or file that cannot be used: carries its one-line reason. */
export class InputProblem extends Error {
  override name = 'InputProblem';
  constructor(
    reason: string,
    readonly fix: string,
  ) {
    super(`${reason}. Fix: ${fix}`);
  }
}

/** Where reading reports what it finds as it goes. */
export interface InputReport {
  failure: (failure: IngestFailure) => void;
  /** A file read with something to note (decoded as Windows-1252, a guessed entity type): `FILE: warning: …`. */
  warning: (line: string) => void;
}
