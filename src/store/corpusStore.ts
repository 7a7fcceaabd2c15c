/**
 * The corpus store interface
 * ==========================
 *
 * Everything newsgraph asks of a lasting corpus, and nothing about how it is
 * kept: `sqlite/` implements it on one SQLite file (the embedded default); a
 * server database can sit behind the same interface. Asynchronous so that a
 * networked database fits; the SQLite store simply resolves at once.
 *
 * Identity, the same in every implementation:
 *  - a document is its text: `contentHash` (SHA-256 of the exact text);
 *    adding the same text again adds nothing;
 *  - an entity is its identity key (identity.ts): an external id (Wikidata),
 *    else the gazetteer entry its label or an alias names, else its type and
 *    normalised label; never its label string alone;
 *  - a relation is (type, source, target, negated), both ends ordered for
 *    symmetric types, exactly as `mergeDatasets` merges; its sentences are
 *    evidence rows pointing into documents.
 *
 * Every relation sent carries its whole-corpus reporting days (`reported`)
 * and sources (`corpusArticles`, `corpusOutlets`: wire copies counted once).
 *
 * Types: a dataset's declared relation and entity types are kept with the
 * corpus, the first declaration of an id winning; a dataset's type whose id
 * the corpus holds with the other direction (or as the other kind) is never
 * merged into it: it goes in under an id of its own (`id-2`), and the
 * report's notes say so. Every answer carries the declarations of the
 * declared types it names.
 *
 * Review: a relation keeps its `review`; a rejected one is stored and in the
 * full export, but the graph answers (overview, neighbourhood, article)
 * leave it out. When two datasets bring the same relation, a review wins over
 * none and of two reviews the later ingest's wins. Edits run the app's own
 * pure edit functions (model/review) on the records they touch, and keep
 * an undo/redo history with the corpus.
 */

import type { CorpusInfo, CorpusTypes, DocumentsPage, PublishedWindow, SearchResponse, SubgraphQuery, SubgraphResponse, TimelineResponse } from '../model/corpusApi.ts';
import type { Dataset, Edit } from '../model/schema.ts';
import type { TimelineBucket } from '../model/timeline.ts';

export interface AddReport {
  documentsAdded: number;
  /** Documents whose text the corpus already held. */
  documentsSkipped: number;
  entitiesAdded: number;
  relationsAdded: number;
  sentencesAdded: number;
  /** Added documents found to be copies of a held wire story (or to be the original of one held). */
  wireCopies: number;
  /** What was added otherwise than given, one line each (a declared spell cut to its cap). */
  notes?: string[];
}

export interface CorpusStore {
  /** What the store is, for messages: "corpus.db". */
  readonly name: string;
  /**
   * Adds a dataset (one extracted article, or an imported graph) in one
   * transaction: all of it or none. Documents already held (same text) are
   * skipped with their mentions and evidence.
   */
  addDataset(dataset: Dataset, options?: { ingestedAt?: string }): Promise<AddReport>;
  /** True when a document with this exact text is held (ingest skips extraction then). */
  hasText(text: string): Promise<boolean>;
  info(): Promise<CorpusInfo>;
  /** The types the corpus's datasets declared, in the order first declared (colours filled in); with the built-in ones, what `types` filters accept. */
  declaredTypes(): Promise<CorpusTypes>;
  /** The most-connected entities (at most `limit`) and the relations among them. */
  overview(limit: number): Promise<SubgraphResponse>;
  /** An entity's 1- or 2-hop neighbourhood, filtered; throws `CorpusQueryError` for an unknown or ambiguous entity. */
  subgraph(query: SubgraphQuery): Promise<SubgraphResponse>;
  /** These relations with all their sentences (up to the evidence limit) and their ends. */
  evidence(relationIds: readonly string[]): Promise<SubgraphResponse>;
  /** Entities by label or alias, and sentences by their words (full-text). */
  search(text: string, limit: number): Promise<SearchResponse>;
  /** Articles newest first (undated last); with a window, only those published inside it. */
  documents(offset: number, limit: number, window?: PublishedWindow): Promise<DocumentsPage>;
  /** One article and the relations it supports; undefined when there is no such document. */
  document(id: string): Promise<SubgraphResponse | undefined>;
  /**
   * Relations reported per bucket and type over the whole corpus (the shape
   * of timeline.ts's histogram); the bucket is chosen by `chooseBucket` over
   * the corpus's first and last reporting day when not given.
   */
  timeline(bucket?: TimelineBucket): Promise<TimelineResponse>;
  /** Applies an analyst's edit (validated here), with its history entry; refused with one sentence, nothing changed. */
  applyEdit(edit: Edit | unknown, at?: Date): Promise<StoreEditOutcome>;
  /** Takes back the last applied edit; `nothing` when there is none. */
  undo(): Promise<StoreEditOutcome>;
  /** Makes the first undone edit again; `nothing` when there is none. */
  redo(): Promise<StoreEditOutcome>;
  /** The edits made to the corpus, oldest first. */
  history(): Promise<StoredHistory>;
  /** The whole corpus as one dataset: every article, entity (all mentions) and relation (all sentences, rejected ones too), with its edit history. */
  exportAll(): Promise<Dataset>;
  close(): Promise<void>;
}

/** What an edit, undo or redo did: its label, or why nothing changed (`nothing`: there was no step to undo or redo). */
export type StoreEditOutcome = { ok: true; label: string } | { ok: false; reason: string; nothing?: true };

export interface StoredHistory {
  entries: Array<{ label: string; at: string; applied: boolean }>;
  /** The number of applied entries (schema.ts `History.position`). */
  position: number;
}
